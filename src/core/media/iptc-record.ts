// The IPTC-IIM record of a JPEG (older Photoshop, newsroom tools, many DAMs), read and written
// again with some datasets changed: iptc-location.ts takes the old place's names out,
// iptc-dates.ts states the date set in Shoebox. The record lies in the APP13 "Photoshop 3.0"
// segment, in its 8BIM resource 0x0404; every other dataset and resource is kept byte for byte
// (keywords, captions, the character set), and nothing else in the file moves (no offset points
// into APP13). The segment is rebuilt to its new length, so old values are not left behind as
// unreferenced bytes.
import crypto from 'node:crypto';
import { headerSegments } from './jpeg';

const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1');
/** The image resource signatures seen in APP13 (Photoshop's, and a few other writers'). */
const SIGNATURES = new Set(['8BIM', 'PHUT', 'AgHg', 'DCSR', 'MeSa']);
const IPTC_IIM = 0x0404;
/** MD5 of the IIM resource, which Photoshop compares to tell an IIM edited by another app. */
const IPTC_DIGEST = 0x0425;
export const APPLICATION_RECORD = 2;

/** A record or resource this does not know how to read: the caller's edit cannot be made. */
export class MalformedIptc extends Error {}

/** One dataset: its record and number, its value, and its bytes as they are in the file. */
export interface Dataset {
  record: number;
  dataset: number;
  value: Buffer;
  raw: Buffer;
}

interface Resource {
  /** The bytes before the data: signature, id, name, size (the size rewritten when the data changes). */
  head: Buffer;
  id: number;
  data: Buffer;
}

/**
 * The JPEG with each IIM record's datasets as `edit` returns them (null: leave that record as
 * it is); the same buffer when none changes. A Photoshop segment this cannot read (a resource
 * split over two segments, as Photoshop writes a big thumbnail; a damaged record) is left as it
 * is, as most hold no record at all; null only where `unreadable(its bytes)` says it holds what
 * the edit must change, so the caller decides, as for any copy this cannot edit.
 */
export function jpegWithIimEdited(jpeg: Buffer, edit: (datasets: readonly Dataset[]) => Buffer[] | null, unreadable: (segment: Buffer) => boolean = () => false): Buffer | null {
  const parts: Buffer[] = [];
  let from = 0;
  for (const s of headerSegments(jpeg)) {
    if (s.marker !== 0xed || !jpeg.subarray(s.start + 4, s.start + 4 + PHOTOSHOP.length).equals(PHOTOSHOP)) continue;
    let edited: Buffer | null;
    try {
      edited = withIimEdited(jpeg.subarray(s.start + 4 + PHOTOSHOP.length, s.end), edit);
    } catch (error) {
      if (!(error instanceof MalformedIptc)) throw error;
      if (unreadable(jpeg.subarray(s.start, s.end))) return null;
      continue;
    }
    if (edited === null) continue;
    const length = 2 + PHOTOSHOP.length + edited.length;
    if (length > 0xffff) return null;
    parts.push(jpeg.subarray(from, s.start), Buffer.from([0xff, 0xed, length >> 8, length & 0xff]), PHOTOSHOP, edited);
    from = s.end;
  }
  return parts.length ? Buffer.concat([...parts, jpeg.subarray(from)]) : jpeg;
}

/** A dataset's bytes (the 5-byte header: no value here needs the extended length form). */
export function datasetBytes(record: number, dataset: number, value: Buffer): Buffer {
  if (value.length > 0x7fff) throw new MalformedIptc();
  const head = Buffer.from([0x1c, record, dataset, value.length >> 8, value.length & 0xff]);
  return Buffer.concat([head, value]);
}

/** A segment's resources with the IIM edited; null when the edit changes nothing. */
function withIimEdited(body: Buffer, edit: (datasets: readonly Dataset[]) => Buffer[] | null): Buffer | null {
  const { resources, rest } = readResources(body);
  const iim = resources.find((r) => r.id === IPTC_IIM);
  if (!iim) return null;
  const { datasets, rest: padding } = readDatasets(iim.data);
  const kept = edit(datasets);
  if (kept === null) return null;
  const data = Buffer.concat([...kept, padding]);
  if (data.equals(iim.data)) return null;
  const digest = resources.find((r) => r.id === IPTC_DIGEST);
  // A digest that matched says the IIM and the XMP agree; it is made to match again (a stale one
  // would make Photoshop take the IIM for another app's newer edit). One that did not is left so.
  const matched = digest !== undefined && digest.data.equals(md5(iim.data));
  const out = resources.map((r) => (r === iim ? { ...r, data } : matched && r === digest ? { ...r, data: md5(data) } : r));
  return Buffer.concat([...out.flatMap(written), rest]);
}

function readResources(body: Buffer): { resources: Resource[]; rest: Buffer } {
  const resources: Resource[] = [];
  let at = 0;
  while (at + 12 <= body.length && SIGNATURES.has(body.toString('latin1', at, at + 4))) {
    const nameLength = body[at + 6]!;
    const sizeAt = at + 6 + nameLength + 1 + ((nameLength + 1) % 2);
    if (sizeAt + 4 > body.length) throw new MalformedIptc();
    const size = body.readUInt32BE(sizeAt);
    const dataAt = sizeAt + 4;
    if (dataAt + size > body.length) throw new MalformedIptc();
    resources.push({ head: body.subarray(at, dataAt), id: body.readUInt16BE(at + 4), data: body.subarray(dataAt, dataAt + size) });
    at = Math.min(body.length, dataAt + size + (size % 2));
  }
  const rest = body.subarray(at);
  // Anything after the resources but padding is something this does not know.
  if (rest.some((b) => b !== 0)) throw new MalformedIptc();
  return { resources, rest };
}

/** A resource as written: its head with the size of its data, the data, and the even padding. */
function written(r: Resource): Buffer[] {
  const head = Buffer.from(r.head);
  head.writeUInt32BE(r.data.length, head.length - 4);
  return [head, r.data, Buffer.alloc(r.data.length % 2)];
}

/** The datasets of an IIM record, and the padding after them. */
export function readDatasets(iim: Buffer): { datasets: Dataset[]; rest: Buffer } {
  const datasets: Dataset[] = [];
  let at = 0;
  while (at < iim.length && iim[at] === 0x1c) {
    if (at + 5 > iim.length) throw new MalformedIptc();
    let length = iim.readUInt16BE(at + 3);
    let header = 5;
    // The extended form: the high bit set, then the count of the length's own bytes.
    if (length & 0x8000) {
      const bytes = length & 0x7fff;
      if (bytes > 4 || at + 5 + bytes > iim.length) throw new MalformedIptc();
      length = bytes === 0 ? 0 : iim.readUIntBE(at + 5, bytes);
      header += bytes;
    }
    const end = at + header + length;
    if (end > iim.length) throw new MalformedIptc();
    datasets.push({ record: iim[at + 1]!, dataset: iim[at + 2]!, value: iim.subarray(at + header, end), raw: iim.subarray(at, end) });
    at = end;
  }
  const rest = iim.subarray(at);
  if (rest.some((b) => b !== 0)) throw new MalformedIptc();
  return { datasets, rest };
}

function md5(data: Buffer): Buffer {
  return crypto.createHash('md5').update(data).digest();
}
