// A JPEG copy that shows turned (an export of a photo the user turned): its EXIF orientation
// set without re-encoding, every other byte of the picture and of its metadata kept, so any
// viewer that honours EXIF orientation (every photo app and browser) shows it as Shoebox does.
// Written here rather than with piexifjs (the npm library for writing EXIF), which rebuilds the
// whole EXIF block from the tags it knows: maker notes and unknown tags would be at risk. Here
// either the orientation's two bytes change, or IFD0 is copied, with the orientation added, to
// the end of the EXIF segment and the TIFF header pointed at the copy: every other offset
// stays valid, since offsets count from the TIFF header, which does not move.
import { headerSegments, isExifSegment, jpegOrientation, readJpeg, withExifOrientation } from './jpeg';
import { TAG } from './tiff';

/** Each EXIF orientation as (mirrored first, then clockwise quarter turns). */
const AS_TURNS: ReadonlyMap<number, readonly [boolean, number]> = new Map([
  [1, [false, 0]],
  [6, [false, 1]],
  [3, [false, 2]],
  [8, [false, 3]],
  [2, [true, 0]],
  [7, [true, 1]],
  [4, [true, 2]],
  [5, [true, 3]],
]);

/** The EXIF orientation that shows a picture as `orientation` (null: none) does, then turned `turns` clockwise quarter turns. */
export function turnOrientation(orientation: number | null, turns: number): number {
  const [mirrored, from] = AS_TURNS.get(orientation ?? 1) ?? [false, 0];
  const want = (((from + turns) % 4) + 4) % 4;
  return [...AS_TURNS].find(([, [m, t]]) => m === mirrored && t === want)![0];
}

const SHORT = 3;
const MAX_SEGMENT = 0xffff;

/**
 * The JPEG shown turned by `turns` clockwise quarter turns from how its file shows it, by its
 * EXIF orientation alone; null when the bytes are not a JPEG whose EXIF this can change (a
 * malformed IFD0, a segment that would outgrow 64 KB): the caller then keeps the file as it is.
 */
export function turnedJpeg(jpeg: Buffer, turns: number): Buffer | null {
  if (!readJpeg(jpeg)) return null;
  const orientation = turnOrientation(jpegOrientation(jpeg), turns);
  const exif = headerSegments(jpeg).find((s) => isExifSegment(jpeg, s));
  // No EXIF at all: a minimal one with the orientation only (nothing to keep).
  if (!exif) return withExifOrientation(jpeg, orientation);
  const tiffAt = exif.start + 10;
  const tiff = jpeg.subarray(tiffAt, exif.end);
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  if (ifd0 < 8 || ifd0 + 2 > tiff.length) return null;
  const count = u16(ifd0);
  const entriesEnd = ifd0 + 2 + count * 12;
  if (entriesEnd + 4 > tiff.length) return null;

  const entryAt = Array.from({ length: count }, (_, i) => ifd0 + 2 + i * 12).find((at) => u16(at) === TAG.Orientation);
  if (entryAt !== undefined) {
    // The tag is there: its value (SHORT, count 1, in the entry itself) is rewritten in place.
    const out = Buffer.from(jpeg);
    const entry = out.subarray(tiffAt + entryAt, tiffAt + entryAt + 12);
    writeShortEntry(entry, little, orientation);
    return out;
  }

  // No orientation in IFD0: IFD0 again with it, after the TIFF data, pointed at by the header.
  const pad = tiff.length % 2; // IFDs start on a word boundary
  const newIfd = Buffer.alloc(2 + (count + 1) * 12 + 4);
  const entries = Array.from({ length: count }, (_, i) => tiff.subarray(ifd0 + 2 + i * 12, ifd0 + 14 + i * 12));
  const added = Buffer.alloc(12);
  writeShortEntry(added, little, orientation, TAG.Orientation);
  const sorted = [...entries, added].sort((a, b) => (little ? a.readUInt16LE(0) - b.readUInt16LE(0) : a.readUInt16BE(0) - b.readUInt16BE(0)));
  if (little) newIfd.writeUInt16LE(count + 1, 0);
  else newIfd.writeUInt16BE(count + 1, 0);
  sorted.forEach((e, i) => e.copy(newIfd, 2 + i * 12));
  tiff.copy(newIfd, 2 + (count + 1) * 12, entriesEnd, entriesEnd + 4); // the next IFD (the thumbnail's)
  const newTiff = Buffer.concat([tiff, Buffer.alloc(pad), newIfd]);
  const at = tiff.length + pad;
  if (little) newTiff.writeUInt32LE(at, 4);
  else newTiff.writeUInt32BE(at, 4);
  const length = 2 + 6 + newTiff.length;
  if (length > MAX_SEGMENT) return null;
  const header = Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]);
  return Buffer.concat([jpeg.subarray(0, exif.start), header, jpeg.subarray(exif.start + 4, tiffAt), newTiff, jpeg.subarray(exif.end)]);
}

/** A 12-byte IFD entry made Orientation (or `tag`): SHORT, one value, in the entry. */
function writeShortEntry(entry: Buffer, little: boolean, value: number, tag?: number): void {
  const w16 = (v: number, at: number) => (little ? entry.writeUInt16LE(v, at) : entry.writeUInt16BE(v, at));
  if (tag !== undefined) w16(tag, 0);
  w16(SHORT, 2);
  if (little) entry.writeUInt32LE(1, 4);
  else entry.writeUInt32BE(1, 4);
  entry.fill(0, 8, 12);
  w16(value, 8);
}
