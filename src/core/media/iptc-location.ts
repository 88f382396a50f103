// A JPEG whose IPTC-IIM record no longer names where the photo was taken: an export's copy whose
// place was removed or replaced in Shoebox must not say the old city or country there either.
// Only the location datasets go (iptc-record.ts keeps every other one, and the rest of the file).
import { APPLICATION_RECORD, type Dataset, jpegWithIimEdited } from './iptc-record';

/** Datasets of the application record naming a place: 26/27 Content Location Code/Name (the place
 *  shown), 90 City, 92 Sub-location, 95 Province/State, 100/101 Country Code/Name. */
export const LOCATION_DATASETS: ReadonlySet<number> = new Set([26, 27, 90, 92, 95, 100, 101]);

/** IIM place names are at most 64 octets (Country Name, Content Location Name); some writers exceed that. */
const LONGEST_NAME = 256;
const IIM_START = Buffer.from([0x1c, APPLICATION_RECORD]);

/**
 * The JPEG without the IIM location datasets (the same buffer when it has none); null when a
 * Photoshop segment that cannot be read still names a place, so the caller decides, as for any
 * copy this cannot edit. One that cannot be read and names none is kept as it is.
 */
export function jpegWithoutIptcLocation(jpeg: Buffer): Buffer | null {
  const edit = (datasets: readonly Dataset[]) => {
    const kept = datasets.filter((d) => !(d.record === APPLICATION_RECORD && LOCATION_DATASETS.has(d.dataset)));
    return kept.length === datasets.length ? null : kept.map((d) => d.raw);
  };
  return jpegWithIimEdited(jpeg, edit, iimNamesPlace);
}

/**
 * Whether bytes hold a location dataset of an IIM record, parsed or not (place-traces.ts): 1C 02
 * nn, a length, a value that reads as text, followed by what follows a dataset in a record:
 * another dataset, padding, the next 8BIM resource, or the end of the bytes. Inside a Photoshop
 * IPTC resource (8BIM 04 04) the header and length alone count: a record that could not be read
 * is damaged, and what follows its City may be anything (stray bytes after "Paris" hid it).
 */
export function iimNamesPlace(bytes: Buffer): boolean {
  return iimResourceNamesPlace(bytes) || iimDatasetNamesPlace(bytes);
}

const IPTC_RESOURCE = Buffer.from('8BIM\x04\x04', 'latin1');

/** A location dataset's header with a plausible length inside an 8BIM 04 04 resource (to its
 *  declared end, or the bytes' end where that is cut or damaged): a thumbnail's bytes are never looked at. */
function iimResourceNamesPlace(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(IPTC_RESOURCE); at >= 0; at = bytes.indexOf(IPTC_RESOURCE, at + 1)) {
    // 8BIM, id, a padded Pascal name, a 4-byte size, the data.
    const nameLength = bytes[at + 6] ?? 0;
    const sizeAt = at + 6 + (nameLength + 2 - ((nameLength + 1) % 2 === 0 ? 1 : 0));
    const declared = sizeAt + 4 <= bytes.length ? bytes.readUInt32BE(sizeAt) : bytes.length;
    const end = Math.min(bytes.length, sizeAt + 4 + declared);
    for (let d = bytes.indexOf(IIM_START, at); d >= 0 && d + 5 <= end; d = bytes.indexOf(IIM_START, d + 1)) {
      const length = bytes.readUInt16BE(d + 3);
      if (LOCATION_DATASETS.has(bytes[d + 2]!) && length > 0 && length <= LONGEST_NAME) return true;
    }
  }
  return false;
}

function iimDatasetNamesPlace(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(IIM_START); at >= 0; at = bytes.indexOf(IIM_START, at + 1)) {
    if (at + 5 > bytes.length || !LOCATION_DATASETS.has(bytes[at + 2]!)) continue;
    const length = bytes.readUInt16BE(at + 3);
    const end = at + 5 + length;
    if (length === 0 || length > LONGEST_NAME || end > bytes.length) continue;
    if (bytes.subarray(at + 5, end).some((b) => b < 0x20 || b === 0x7f)) continue;
    if (end === bytes.length || bytes[end] === 0x1c || bytes[end] === 0x00 || bytes.toString('latin1', end, end + 4) === '8BIM') return true;
  }
  return false;
}
