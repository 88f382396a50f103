// HTTP Range requests (RFC 9110 §14) for serving a large file in pieces: a <video> element
// asks for `bytes=0-`, then seeks with `bytes=N-`. One range per request (what browsers send);
// a multi-range or malformed header is answered with the whole (or the first piece of the)
// file, as the RFC allows, and a range past the end with 416.

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * The bytes to send for `header` on a file of `size` bytes: at most `maxChunk` of them for an
 * open-ended range. 'unsatisfiable' for a range wholly past the end; null for no (usable) header.
 */
export function parseByteRange(header: string | null | undefined, size: number, maxChunk = Infinity): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // Suffix: the last N bytes.
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? Math.min(size - 1, start + maxChunk - 1) : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** The Content-Range header of a piece (or, for 416, of the whole size). */
export function contentRange(range: ByteRange | null, size: number): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}
