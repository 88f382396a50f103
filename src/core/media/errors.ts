/** Why a file could not be turned into pixels; the indexer records `message` per photo. */
export type MediaErrorCode =
  | 'unrecognised' // not an image format we know (sniffed from content, not the name)
  | 'unreadable' // a known format whose header cannot be read (truncated, corrupt)
  | 'too-large' // declared dimensions over the safety limits (decompression bomb?)
  | 'decode-failed' // the decoder gave up (HEIC)
  | 'no-preview'; // a camera RAW without a usable embedded JPEG

/** A photo the media layer cannot hand to sharp, with a one-line, user-readable reason. */
export class MediaError extends Error {
  override name = 'MediaError';

  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(oneLine(message));
  }
}

/** Library errors are often multi-line traces; the user needs the first meaningful line. */
export function oneLine(message: string, max = 300): string {
  const line = message.split('\n').map((s) => s.trim()).find(Boolean) ?? 'unknown error';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function errorText(err: unknown): string {
  return oneLine(err instanceof Error ? err.message : String(err));
}
