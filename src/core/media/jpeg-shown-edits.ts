// A JPEG copy carrying the date and place the user set in Shoebox, and no position where the
// place was removed by hand (an export's copy is the photo as Shoebox shows it). Nothing is
// re-encoded, and as for a turn (jpeg-orientation.ts) the EXIF is not rebuilt from the tags a
// library knows (piexifjs would put maker notes and unknown tags at risk; exiftool-vendored
// would need perl, or a bundled exe, unpacked from the packaged app's asar): the IFDs that
// change are written again after the TIFF data and pointed at, so every other offset stays
// valid. What the copy must no longer say (the old position, the old date) is zeroed in place,
// not just left unreferenced. An XMP packet in the file gets the same edits
// (xmp-shown-edits.ts), and where the place was removed or replaced the IPTC-IIM record names
// none (iptc-location.ts); its dates state the date set (iptc-dates.ts). Where this cannot be done, null: the caller decides what to do.
import { jpegWithIptcDates } from './iptc-dates';
import { jpegWithoutIptcLocation } from './iptc-location';
import { headerSegments, isExifSegment, readJpeg } from './jpeg';
import { clockText, offsetText, type ShownEdits } from './shown-edits';
import { withXmpEdits, xmpNamesPlace, xmpStatesPosition } from './xmp-shown-edits';

const TAG = { ExifIfd: 0x8769, GpsIfd: 0x8825, DateTimeOriginal: 0x9003, CreateDate: 0x9004, OffsetTimeOriginal: 0x9011, OffsetTimeDigitized: 0x9012 } as const;
const TYPE = { BYTE: 1, ASCII: 2, LONG: 4, RATIONAL: 5 } as const;
/** Byte size of one value of each TIFF field type (index = type id). */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const MAX_SEGMENT = 0xffff;
const MAX_ENTRIES = 1000;

/** The JPEG with `edits` written into its EXIF (and its XMP packet, if any); null when they cannot be. */
export function jpegWithEdits(jpeg: Buffer, edits: ShownEdits): Buffer | null {
  if (!readJpeg(jpeg)) return null;
  try {
    const exifDone = withExifEdits(jpeg, edits);
    const xmpDone = exifDone && withEmbeddedXmpEdits(exifDone, edits);
    // The old place's names go with its position (see xmp-shown-edits.ts for why a set place too).
    const placeDone = xmpDone && (edits.place === undefined ? xmpDone : jpegWithoutIptcLocation(xmpDone));
    // An IIM record that cannot be read keeps its old date, if it states one, and the copy keeps
    // the EXIF and XMP dates set: no privacy matter, and most apps read those (one that names a
    // place never gets here: iptc-location.ts gave null).
    return placeDone && (edits.date === undefined ? placeDone : (jpegWithIptcDates(placeDone, edits.date) ?? placeDone));
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

class Malformed extends Error {}

interface Entry {
  tag: number;
  /** The 12 bytes of the entry as they will be written (a copy). */
  raw: Buffer;
}

/** The TIFF data of an EXIF segment, growing at its end; offsets count from its start. */
class Tiff {
  constructor(
    public bytes: Buffer,
    readonly little: boolean,
  ) {}

  static open(bytes: Buffer): Tiff {
    const little = bytes[0] === 0x49 && bytes[1] === 0x49;
    if (bytes.length < 8 || (!little && !(bytes[0] === 0x4d && bytes[1] === 0x4d))) throw new Malformed();
    const tiff = new Tiff(Buffer.from(bytes), little);
    if (tiff.u16(2) !== 42) throw new Malformed();
    return tiff;
  }

  /** A TIFF with no IFD0 yet (a JPEG without EXIF). */
  static empty(): Tiff {
    return new Tiff(Buffer.from('II*\0\0\0\0\0', 'latin1'), true);
  }

  u16(at: number, from: Buffer = this.bytes): number {
    if (at < 0 || at + 2 > from.length) throw new Malformed();
    return this.little ? from.readUInt16LE(at) : from.readUInt16BE(at);
  }

  u32(at: number, from: Buffer = this.bytes): number {
    if (at < 0 || at + 4 > from.length) throw new Malformed();
    return this.little ? from.readUInt32LE(at) : from.readUInt32BE(at);
  }

  w16(value: number, at: number, to: Buffer = this.bytes): void {
    if (this.little) to.writeUInt16LE(value, at);
    else to.writeUInt16BE(value, at);
  }

  w32(value: number, at: number, to: Buffer = this.bytes): void {
    if (this.little) to.writeUInt32LE(value, at);
    else to.writeUInt32BE(value, at);
  }

  get ifd0(): number {
    return this.u32(4);
  }

  set ifd0(at: number) {
    this.w32(at, 4);
  }

  entries(ifd: number): Entry[] {
    const count = this.u16(ifd);
    if (count > MAX_ENTRIES || ifd + 2 + count * 12 + 4 > this.bytes.length) throw new Malformed();
    return Array.from({ length: count }, (_, i) => {
      const raw = Buffer.from(this.bytes.subarray(ifd + 2 + i * 12, ifd + 14 + i * 12));
      return { tag: this.u16(0, raw), raw };
    });
  }

  next(ifd: number): number {
    return this.u32(ifd + 2 + this.u16(ifd) * 12);
  }

  /** The IFD an entry of IFD0 points at (the EXIF or GPS IFD), 0 when none. */
  pointer(entries: readonly Entry[], tag: number): number {
    const e = entries.find((x) => x.tag === tag);
    return e ? this.u32(8, e.raw) : 0;
  }

  /** Zeroes an entry's value where it lies outside the entry (the old date, the old position). */
  forget(entry: Entry): void {
    const size = (TYPE_SIZE[this.u16(2, entry.raw)] ?? 0) * this.u32(4, entry.raw);
    if (size <= 4) return;
    const at = this.u32(8, entry.raw);
    if (at + size > this.bytes.length) throw new Malformed();
    this.bytes.fill(0, at, at + size);
  }

  /** Zeroes an IFD and the values of its entries (a GPS IFD whose position must go). */
  forgetIfd(ifd: number): void {
    const entries = this.entries(ifd);
    for (const e of entries) this.forget(e);
    this.bytes.fill(0, ifd, ifd + 2 + entries.length * 12 + 4);
  }

  /** Appends `data` on a word boundary; its offset. */
  append(data: Buffer): number {
    const at = this.bytes.length + (this.bytes.length % 2);
    this.bytes = Buffer.concat([this.bytes, Buffer.alloc(at - this.bytes.length), data]);
    return at;
  }

  /** A new entry; a value longer than 4 bytes is appended and pointed at. */
  entry(tag: number, type: number, count: number, value: Buffer): Entry {
    const raw = Buffer.alloc(12);
    this.w16(tag, 0, raw);
    this.w16(type, 2, raw);
    this.w32(count, 4, raw);
    if (value.length <= 4) value.copy(raw, 8);
    else this.w32(this.append(value), 8, raw);
    return { tag, raw };
  }

  pointerEntry(tag: number, ifd: number): Entry {
    const value = Buffer.alloc(4);
    this.w32(ifd, 0, value);
    return this.entry(tag, TYPE.LONG, 1, value);
  }

  /** Appends an IFD of these entries (sorted by tag, as TIFF wants); its offset. */
  appendIfd(entries: readonly Entry[], next: number): number {
    const sorted = [...entries].sort((a, b) => a.tag - b.tag);
    const ifd = Buffer.alloc(2 + sorted.length * 12 + 4);
    this.w16(sorted.length, 0, ifd);
    sorted.forEach((e, i) => e.raw.copy(ifd, 2 + i * 12));
    this.w32(next, 2 + sorted.length * 12, ifd);
    return this.append(ifd);
  }

  rationals(values: readonly [number, number][]): Buffer {
    const out = Buffer.alloc(values.length * 8);
    values.forEach(([n, d], i) => {
      this.w32(n, i * 8, out);
      this.w32(d, i * 8 + 4, out);
    });
    return out;
  }
}

/** IFD entries with `tags` replaced by `added` (the replaced values zeroed). */
function replaced(tiff: Tiff, entries: readonly Entry[], tags: ReadonlySet<number>, added: readonly Entry[]): Entry[] {
  for (const e of entries) if (tags.has(e.tag)) tiff.forget(e);
  return [...entries.filter((e) => !tags.has(e.tag)), ...added];
}

function withExifEdits(jpeg: Buffer, edits: ShownEdits): Buffer | null {
  const segment = headerSegments(jpeg).find((s) => isExifSegment(jpeg, s));
  // No EXIF: nothing to take away; a date or a place set is written into a new one.
  if (!segment && !edits.date && !edits.place) return jpeg;
  const tiff = segment ? Tiff.open(jpeg.subarray(segment.start + 10, segment.end)) : Tiff.empty();
  const ifd0At = tiff.ifd0;
  let ifd0 = ifd0At ? tiff.entries(ifd0At) : [];
  const next = ifd0At ? tiff.next(ifd0At) : 0;

  if (edits.date) {
    const clock = clockText(edits.date.takenAt);
    if (clock === null) return null;
    const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1');
    const exifAt = tiff.pointer(ifd0, TAG.ExifIfd);
    const date = ascii(clock.replace(/-/g, ':').replace('T', ' '));
    const added = [tiff.entry(TAG.DateTimeOriginal, TYPE.ASCII, date.length, date), tiff.entry(TAG.CreateDate, TYPE.ASCII, date.length, date)];
    if (edits.date.takenOffset !== null) {
      const offset = ascii(offsetText(edits.date.takenOffset));
      added.push(tiff.entry(TAG.OffsetTimeOriginal, TYPE.ASCII, offset.length, offset), tiff.entry(TAG.OffsetTimeDigitized, TYPE.ASCII, offset.length, offset));
    }
    // The sub-second tags are kept: a whole-second shift leaves them true, and they keep a burst in order.
    const tags = new Set<number>([TAG.DateTimeOriginal, TAG.CreateDate, TAG.OffsetTimeOriginal, TAG.OffsetTimeDigitized]);
    const exif = replaced(tiff, exifAt ? tiff.entries(exifAt) : [], tags, added);
    const at = tiff.appendIfd(exif, exifAt ? tiff.next(exifAt) : 0);
    ifd0 = replaced(tiff, ifd0, new Set([TAG.ExifIfd]), [tiff.pointerEntry(TAG.ExifIfd, at)]);
  }

  if (edits.place !== undefined) {
    const gpsAt = tiff.pointer(ifd0, TAG.GpsIfd);
    // The old position is zeroed, not only unlinked: the bytes of a copy are what is shared.
    if (gpsAt) tiff.forgetIfd(gpsAt);
    ifd0 = ifd0.filter((e) => e.tag !== TAG.GpsIfd);
    if (edits.place) ifd0.push(tiff.pointerEntry(TAG.GpsIfd, tiff.appendIfd(gpsEntries(tiff, edits.place), 0)));
  }

  tiff.ifd0 = tiff.appendIfd(ifd0, next);
  const payload = Buffer.concat([EXIF_HEADER, tiff.bytes]);
  if (payload.length + 2 > MAX_SEGMENT) return null;
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  if (segment) return Buffer.concat([jpeg.subarray(0, segment.start), header, payload, jpeg.subarray(segment.end)]);
  // A new EXIF segment after SOI and a leading JFIF APP0 (which the JFIF spec wants first).
  const first = headerSegments(jpeg)[0];
  const at = first && first.marker === 0xe0 ? first.end : 2;
  return Buffer.concat([jpeg.subarray(0, at), header, payload, jpeg.subarray(at)]);
}

/** A GPS IFD's entries stating `place` only. */
function gpsEntries(tiff: Tiff, place: { lat: number; lon: number }): Entry[] {
  const dms = (degrees: number): [number, number][] => {
    const abs = Math.abs(degrees);
    const d = Math.floor(abs);
    const m = Math.floor((abs - d) * 60);
    const s = Math.round(((abs - d) * 60 - m) * 60 * 10_000);
    return [[d, 1], [m, 1], [s, 10_000]];
  };
  const ref = (text: string) => Buffer.from(`${text}\0`, 'latin1');
  return [
    tiff.entry(0x0000, TYPE.BYTE, 4, Buffer.from([2, 3, 0, 0])), // GPSVersionID
    tiff.entry(0x0001, TYPE.ASCII, 2, ref(place.lat < 0 ? 'S' : 'N')),
    tiff.entry(0x0002, TYPE.RATIONAL, 3, tiff.rationals(dms(place.lat))),
    tiff.entry(0x0003, TYPE.ASCII, 2, ref(place.lon < 0 ? 'W' : 'E')),
    tiff.entry(0x0004, TYPE.RATIONAL, 3, tiff.rationals(dms(place.lon))),
  ];
}

/**
 * The JPEG with its XMP packet (if any) stating the edits; null when a place removed by hand
 * would still be stated somewhere outside the EXIF (a packet this cannot edit, extended XMP).
 */
function withEmbeddedXmpEdits(jpeg: Buffer, edits: ShownEdits): Buffer | null {
  const parts: Buffer[] = [];
  let from = 0;
  for (const s of headerSegments(jpeg)) {
    if (s.marker !== 0xe1 || !jpeg.subarray(s.start + 4, s.start + 4 + XMP_HEADER.length).equals(XMP_HEADER)) continue;
    const bytes = jpeg.subarray(s.start + 4 + XMP_HEADER.length, s.end);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) continue; // not UTF-8: the check below decides
    const edited = withXmpEdits(text, edits);
    if (edited === null) continue;
    const payload = Buffer.concat([XMP_HEADER, Buffer.from(edited, 'utf8')]);
    if (payload.length + 2 > MAX_SEGMENT) return null;
    parts.push(jpeg.subarray(from, s.start), Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload);
    from = s.end;
  }
  const out = parts.length ? Buffer.concat([...parts, jpeg.subarray(from)]) : jpeg;
  // A place removed by hand: no segment before the picture may still state a position or name
  // the place (an EXIF segment states it in binary, which was rewritten above, and the IIM
  // record is edited after this; any text that does is left over, e.g. extended XMP).
  const leftOver = (text: string) => xmpStatesPosition(text) || xmpNamesPlace(text);
  if (edits.place === null && headerSegments(out).some((s) => !isExifSegment(out, s) && leftOver(out.subarray(s.start, s.end).toString('latin1')))) return null;
  return out;
}
