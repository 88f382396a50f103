// A minimal TIFF structure reader: enough to walk the IFDs of camera RAW files (which are
// TIFFs underneath) and read a handful of tags. Offsets in these files come from cameras and
// from whoever truncated the download, so every read is bounds-checked and a malformed
// structure yields null / nothing rather than an exception.

export const TAG = {
  NewSubfileType: 0x00fe,
  ImageWidth: 0x0100,
  ImageLength: 0x0101,
  Compression: 0x0103,
  Photometric: 0x0106,
  Make: 0x010f,
  Model: 0x0110,
  StripOffsets: 0x0111,
  Orientation: 0x0112,
  StripByteCounts: 0x0117,
  SubIFDs: 0x014a,
  JpegInterchangeFormat: 0x0201,
  JpegInterchangeFormatLength: 0x0202,
  ExifIfd: 0x8769,
  DngVersion: 0xc612,
  /** Panasonic RW2: a complete JPEG stored as the tag's own value. */
  PanasonicJpgFromRaw: 0x002e,
} as const;

/** PhotometricInterpretation values that mean "sensor data", never a viewable preview. */
export const RAW_PHOTOMETRIC = new Set([32803 /* CFA */, 34892 /* LinearRaw */]);

/** Byte size of one value of each TIFF field type (index = type id). */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];

export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** Absolute offset (in the whole buffer) of the value bytes. */
  valueOffset: number;
}

export interface Ifd {
  offset: number;
  entries: Map<number, TiffEntry>;
  /** Absolute offset of the next IFD in the chain, 0 when none. */
  next: number;
}

/** Standard TIFF says 42; Olympus ORF uses 'RO'/'RS', Panasonic RW2 uses 0x55. */
export const TIFF_MAGICS = new Set([42, 0x4f52, 0x5352, 0x55]);

const MAX_ENTRIES = 1000;
const MAX_VALUES = 4096;

export class TiffReader {
  private readonly view: DataView;

  private constructor(
    readonly bytes: Uint8Array,
    readonly littleEndian: boolean,
    /** Where the TIFF header starts: offsets inside the structure are relative to it. */
    readonly base: number,
    readonly magic: number,
    readonly ifd0Offset: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Reads the TIFF header at `base`; null when there is no (classic) TIFF there. */
  static open(bytes: Uint8Array, base = 0): TiffReader | null {
    if (base < 0 || base + 8 > bytes.length) return null;
    const b0 = bytes[base];
    const b1 = bytes[base + 1];
    let little: boolean;
    if (b0 === 0x49 && b1 === 0x49) little = true;
    else if (b0 === 0x4d && b1 === 0x4d) little = false;
    else return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = view.getUint16(base + 2, little);
    if (!TIFF_MAGICS.has(magic)) return null;
    const ifd0 = view.getUint32(base + 4, little);
    return new TiffReader(bytes, little, base, magic, ifd0 === 0 ? 0 : base + ifd0);
  }

  get length(): number {
    return this.bytes.length;
  }

  u16(offset: number): number | undefined {
    return offset >= 0 && offset + 2 <= this.bytes.length ? this.view.getUint16(offset, this.littleEndian) : undefined;
  }

  u32(offset: number): number | undefined {
    return offset >= 0 && offset + 4 <= this.bytes.length ? this.view.getUint32(offset, this.littleEndian) : undefined;
  }

  /** Reads the IFD at an absolute offset; null when it does not fit in the buffer. */
  readIfd(offset: number): Ifd | null {
    const count = this.u16(offset);
    if (count === undefined || count === 0 || count > MAX_ENTRIES) return null;
    const end = offset + 2 + count * 12;
    if (end > this.bytes.length) return null;
    const entries = new Map<number, TiffEntry>();
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      const tag = this.u16(at)!;
      const type = this.u16(at + 2)!;
      const n = this.u32(at + 4)!;
      const size = (TYPE_SIZE[type] ?? 0) * n;
      if (size === 0 && type !== 7 && type !== 1) continue; // unknown type: skip the entry
      const valueOffset = size <= 4 ? at + 8 : this.base + this.u32(at + 8)!;
      if (!entries.has(tag)) entries.set(tag, { tag, type, count: n, valueOffset });
    }
    const next = this.u32(end) ?? 0;
    return { offset, entries, next: next === 0 ? 0 : this.base + next };
  }

  /** Integer values of a BYTE/SHORT/LONG/IFD entry (capped, and only those inside the buffer). */
  values(ifd: Ifd, tag: number): number[] {
    const e = ifd.entries.get(tag);
    if (!e) return [];
    const size = TYPE_SIZE[e.type] ?? 0;
    const read =
      e.type === 3 || e.type === 8 ? (o: number) => this.u16(o) : e.type === 4 || e.type === 9 || e.type === 13 ? (o: number) => this.u32(o) : e.type === 1 || e.type === 7 ? (o: number) => this.bytes[o] : null;
    if (!read) return [];
    const out: number[] = [];
    for (let i = 0; i < Math.min(e.count, MAX_VALUES); i++) {
      const v = read(e.valueOffset + i * size);
      if (v === undefined) break;
      out.push(v);
    }
    return out;
  }

  first(ifd: Ifd, tag: number): number | undefined {
    return this.values(ifd, tag)[0];
  }

  /** An ASCII tag, cut at the first NUL and trimmed; null when absent or empty. */
  ascii(ifd: Ifd, tag: number): string | null {
    const e = ifd.entries.get(tag);
    if (!e || e.type !== 2) return null;
    const end = Math.min(e.valueOffset + Math.min(e.count, 256), this.bytes.length);
    if (e.valueOffset >= end) return null;
    let s = '';
    for (let i = e.valueOffset; i < end; i++) {
      const c = this.bytes[i]!;
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    s = s.trim();
    return s || null;
  }

  /**
   * Every IFD reachable from IFD0: the main chain (IFD0, IFD1, …), SubIFDs and the EXIF
   * IFD, each visited once (files with loops exist), at most `limit` of them.
   */
  walk(limit = 64): Array<{ ifd: Ifd; label: string }> {
    const out: Array<{ ifd: Ifd; label: string }> = [];
    const seen = new Set<number>();
    const queue: Array<{ offset: number; label: string; chain: boolean }> = [];
    if (this.ifd0Offset) queue.push({ offset: this.ifd0Offset, label: 'IFD0', chain: true });
    let chainIndex = 0;
    while (queue.length && out.length < limit) {
      const { offset, label, chain } = queue.shift()!;
      if (seen.has(offset)) continue;
      seen.add(offset);
      const ifd = this.readIfd(offset);
      if (!ifd) continue;
      out.push({ ifd, label });
      this.values(ifd, TAG.SubIFDs).forEach((o, i) => queue.push({ offset: this.base + o, label: `${label}/SubIFD${i}`, chain: false }));
      const exif = this.first(ifd, TAG.ExifIfd);
      if (exif) queue.push({ offset: this.base + exif, label: `${label}/EXIF`, chain: false });
      if (chain && ifd.next) queue.push({ offset: ifd.next, label: `IFD${++chainIndex}`, chain: true });
    }
    return out;
  }
}
