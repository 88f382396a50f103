// A JPEG whose IPTC-IIM record (older Photoshop, newsroom tools, many DAMs) no longer names
// where the photo was taken: an export's copy whose place was removed or replaced in Shoebox
// must not say the old city or country there either. The record lies in the APP13
// "Photoshop 3.0" segment, in its 8BIM resource 0x0404; only the location datasets go, every
// other dataset and resource is kept byte for byte (keywords, captions, the character set), and
// nothing else in the file moves (no offset points into APP13). The segment is rebuilt shorter,
// so the names are not left behind as unreferenced bytes.
import crypto from 'node:crypto';
import { headerSegments } from './jpeg';

const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1');
/** The image resource signatures seen in APP13 (Photoshop's, and a few other writers'). */
const SIGNATURES = new Set(['8BIM', 'PHUT', 'AgHg', 'DCSR', 'MeSa']);
const IPTC_IIM = 0x0404;
/** MD5 of the IIM resource, which Photoshop compares to tell an IIM edited by another app. */
const IPTC_DIGEST = 0x0425;
const APPLICATION_RECORD = 2;
/** Datasets of the application record naming a place: 26/27 Content Location Code/Name (the place
 *  shown), 90 City, 92 Sub-location, 95 Province/State, 100/101 Country Code/Name. */
const LOCATION_DATASETS = new Set([26, 27, 90, 92, 95, 100, 101]);

class Malformed extends Error {}

interface Resource {
  /** The bytes before the data: signature, id, name, size (the size rewritten when the data changes). */
  head: Buffer;
  id: number;
  data: Buffer;
}

/**
 * The JPEG without the IIM location datasets (the same buffer when it has none); null when a
 * Photoshop segment cannot be read (a resource split over two segments, a damaged record), so
 * the caller decides, as for any copy this cannot edit.
 */
export function jpegWithoutIptcLocation(jpeg: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let from = 0;
  try {
    for (const s of headerSegments(jpeg)) {
      if (s.marker !== 0xed || !jpeg.subarray(s.start + 4, s.start + 4 + PHOTOSHOP.length).equals(PHOTOSHOP)) continue;
      const edited = withoutLocation(jpeg.subarray(s.start + 4 + PHOTOSHOP.length, s.end));
      if (edited === null) continue;
      const length = 2 + PHOTOSHOP.length + edited.length;
      parts.push(jpeg.subarray(from, s.start), Buffer.from([0xff, 0xed, length >> 8, length & 0xff]), PHOTOSHOP, edited);
      from = s.end;
    }
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
  return parts.length ? Buffer.concat([...parts, jpeg.subarray(from)]) : jpeg;
}

/** A segment's resources with the IIM location datasets taken out; null when it has none. */
function withoutLocation(body: Buffer): Buffer | null {
  const { resources, rest } = readResources(body);
  const iim = resources.find((r) => r.id === IPTC_IIM);
  const kept = iim && keptDatasets(iim.data);
  if (!iim || !kept) return null;
  const digest = resources.find((r) => r.id === IPTC_DIGEST);
  // A digest that matched says the IIM and the XMP agree; it is made to match again (a stale one
  // would make Photoshop take the IIM for another app's newer edit). One that did not is left so.
  const matched = digest !== undefined && digest.data.equals(md5(iim.data));
  const out = resources.map((r) => (r === iim ? { ...r, data: kept } : matched && r === digest ? { ...r, data: md5(kept) } : r));
  return Buffer.concat([...out.flatMap(written), rest]);
}

function readResources(body: Buffer): { resources: Resource[]; rest: Buffer } {
  const resources: Resource[] = [];
  let at = 0;
  while (at + 12 <= body.length && SIGNATURES.has(body.toString('latin1', at, at + 4))) {
    const nameLength = body[at + 6]!;
    const sizeAt = at + 6 + nameLength + 1 + ((nameLength + 1) % 2);
    if (sizeAt + 4 > body.length) throw new Malformed();
    const size = body.readUInt32BE(sizeAt);
    const dataAt = sizeAt + 4;
    if (dataAt + size > body.length) throw new Malformed();
    resources.push({ head: body.subarray(at, dataAt), id: body.readUInt16BE(at + 4), data: body.subarray(dataAt, dataAt + size) });
    at = Math.min(body.length, dataAt + size + (size % 2));
  }
  const rest = body.subarray(at);
  // Anything after the resources but padding is something this does not know.
  if (rest.some((b) => b !== 0)) throw new Malformed();
  return { resources, rest };
}

/** A resource as written: its head with the size of its data, the data, and the even padding. */
function written(r: Resource): Buffer[] {
  const head = Buffer.from(r.head);
  head.writeUInt32BE(r.data.length, head.length - 4);
  return [head, r.data, Buffer.alloc(r.data.length % 2)];
}

/** The IIM datasets but the location ones; null when there are none to take out. */
function keptDatasets(iim: Buffer): Buffer | null {
  const kept: Buffer[] = [];
  let dropped = false;
  let at = 0;
  while (at < iim.length && iim[at] === 0x1c) {
    if (at + 5 > iim.length) throw new Malformed();
    const record = iim[at + 1]!;
    const dataset = iim[at + 2]!;
    let length = iim.readUInt16BE(at + 3);
    let header = 5;
    // The extended form: the high bit set, then the count of the length's own bytes.
    if (length & 0x8000) {
      const bytes = length & 0x7fff;
      if (bytes > 4 || at + 5 + bytes > iim.length) throw new Malformed();
      length = bytes === 0 ? 0 : iim.readUIntBE(at + 5, bytes);
      header += bytes;
    }
    const end = at + header + length;
    if (end > iim.length) throw new Malformed();
    if (record === APPLICATION_RECORD && LOCATION_DATASETS.has(dataset)) dropped = true;
    else kept.push(iim.subarray(at, end));
    at = end;
  }
  const rest = iim.subarray(at);
  if (rest.some((b) => b !== 0)) throw new Malformed();
  return dropped ? Buffer.concat([...kept, rest]) : null;
}

function md5(data: Buffer): Buffer {
  return crypto.createHash('md5').update(data).digest();
}
