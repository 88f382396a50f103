// The media type of a Content-Type header, compared as HTTP defines it (RFC 9110 8.3.1): the
// type/subtype before any parameters, in any case. A prefix test would let `application/jsonp`
// or `application/json-seq` through and turn `Application/JSON` away.

/** True for `application/json`, with or without parameters (`; charset=utf-8`), in any case. */
export function isJsonMediaType(header: string | undefined): boolean {
  const essence = (header ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return essence === 'application/json';
}
