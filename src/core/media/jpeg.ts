// JPEG stream structure, read by walking its markers: where a JPEG embedded in a RAW ends,
// its frame size and coding, and its EXIF orientation — and a way to set that orientation
// without re-encoding (so sharp's autoOrient makes an embedded preview upright).
import { TAG, TiffReader } from './tiff';

export interface JpegInfo {
  width: number;
  height: number;
  /** The SOFn marker byte (0xC0 baseline, 0xC2 progressive, 0xC3 lossless, …). */
  sof: number;
  /** Offset just past the EOI marker, when the stream was walked to its end. */
  end?: number;
}

/**
 * libjpeg (in sharp) decodes baseline, extended and progressive Huffman JPEG. Lossless JPEG
 * (0xC3) is how CR2 and many DNGs store sensor data: it starts with FFD8 too and must never
 * be taken for a preview.
 */
export function isViewableJpeg(info: JpegInfo): boolean {
  return (info.sof === 0xc0 || info.sof === 0xc1 || info.sof === 0xc2) && info.width > 0 && info.height > 0;
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * Walks the JPEG that starts at `start` (FFD8). With `toEnd`, follows entropy-coded data to
 * the EOI, which gives the stream's true length (and skips thumbnails nested in APP1, which
 * a naive FFD8…FFD9 search would mistake for the end). Null for anything malformed.
 */
export function readJpeg(b: Uint8Array, start = 0, toEnd = false): JpegInfo | null {
  if (b[start] !== 0xff || b[start + 1] !== 0xd8) return null;
  let i = start + 2;
  let frame: Omit<JpegInfo, 'end'> | null = null;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null;
    const m = b[i + 1]!;
    if (m === 0xff) {
      i++; // fill byte
      continue;
    }
    if (m === 0xd9) return frame && { ...frame, end: i + 2 };
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return null;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (len < 2) return null;
    if (isSof(m)) {
      if (i + 9 > b.length) return null;
      frame = { sof: m, height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
      if (!toEnd) return frame;
    }
    i += 2 + len;
    if (m === 0xda) {
      if (!frame) return null;
      // Entropy-coded data: FF00 is a stuffed byte, FFD0-D7 restart markers; any other
      // marker ends the scan (EOI, or the next table/scan of a progressive JPEG).
      for (;;) {
        const ff = b.indexOf(0xff, i);
        if (ff < 0 || ff + 1 >= b.length) return null;
        const n = b[ff + 1]!;
        if (n === 0x00 || (n >= 0xd0 && n <= 0xd7)) i = ff + 2;
        else if (n === 0xff) i = ff + 1;
        else {
          i = ff;
          break;
        }
      }
    }
  }
  return null;
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

export interface Segment {
  start: number;
  end: number;
  marker: number;
}

/** The marker segments before the first scan (APPn, DQT, SOF…). */
export function headerSegments(b: Uint8Array): Segment[] {
  const out: Segment[] = [];
  if (b[0] !== 0xff || b[1] !== 0xd8) return out;
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const m = b[i + 1]!;
    if (m === 0xda || m === 0xd9) break;
    if (m === 0xff) {
      i++;
      continue;
    }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (len < 2 || i + 2 + len > b.length) break;
    out.push({ start: i, end: i + 2 + len, marker: m });
    i += 2 + len;
  }
  return out;
}

export function isExifSegment(b: Uint8Array, s: Segment): boolean {
  return s.marker === 0xe1 && s.end - s.start >= 4 + EXIF_HEADER.length && EXIF_HEADER.every((v, k) => b[s.start + 4 + k] === v);
}

/** The Orientation tag (1-8) of a JPEG's own EXIF, or null. */
export function jpegOrientation(b: Uint8Array): number | null {
  for (const s of headerSegments(b)) {
    if (!isExifSegment(b, s)) continue;
    const tiff = TiffReader.open(b.subarray(s.start + 10, s.end));
    const ifd0 = tiff && tiff.ifd0Offset ? tiff.readIfd(tiff.ifd0Offset) : null;
    const o = ifd0 ? tiff!.first(ifd0, TAG.Orientation) : undefined;
    if (o !== undefined && o >= 1 && o <= 8) return o;
  }
  return null;
}

/**
 * The JPEG with its EXIF replaced by a minimal one carrying only `orientation`, so a reader
 * that applies EXIF orientation (sharp's autoOrient) shows it upright. No re-encoding.
 */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Buffer {
  const segments = headerSegments(jpeg);
  // A minimal little-endian TIFF: header, IFD0 with one SHORT entry, no next IFD.
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(TAG.Orientation, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  const payload = Buffer.concat([Buffer.from(EXIF_HEADER), tiff]);
  const app1 = Buffer.alloc(4);
  app1[0] = 0xff;
  app1[1] = 0xe1;
  app1.writeUInt16BE(payload.length + 2, 2);

  // After SOI and a leading JFIF APP0 (which the JFIF spec wants first); old EXIF removed.
  const parts: Uint8Array[] = [jpeg.subarray(0, 2)];
  let rest = 2;
  const first = segments[0];
  if (first && first.marker === 0xe0) {
    parts.push(jpeg.subarray(first.start, first.end));
    rest = first.end;
  }
  parts.push(app1, payload);
  for (const s of segments) {
    if (s.end <= rest) continue;
    if (isExifSegment(jpeg, s)) {
      parts.push(jpeg.subarray(rest, s.start));
      rest = s.end;
    }
  }
  parts.push(jpeg.subarray(rest));
  return Buffer.concat(parts);
}
