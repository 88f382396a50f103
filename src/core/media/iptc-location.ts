// A JPEG whose IPTC-IIM record no longer names where the photo was taken: an export's copy whose
// place was removed or replaced in Shoebox must not say the old city or country there either.
// Only the location datasets go (iptc-record.ts keeps every other one, and the rest of the file).
import { APPLICATION_RECORD, jpegWithIimEdited } from './iptc-record';

/** Datasets of the application record naming a place: 26/27 Content Location Code/Name (the place
 *  shown), 90 City, 92 Sub-location, 95 Province/State, 100/101 Country Code/Name. */
export const LOCATION_DATASETS: ReadonlySet<number> = new Set([26, 27, 90, 92, 95, 100, 101]);

/**
 * The JPEG without the IIM location datasets (the same buffer when it has none); null when a
 * Photoshop segment cannot be read, so the caller decides, as for any copy this cannot edit.
 */
export function jpegWithoutIptcLocation(jpeg: Buffer): Buffer | null {
  return jpegWithIimEdited(jpeg, (datasets) => {
    const kept = datasets.filter((d) => !(d.record === APPLICATION_RECORD && LOCATION_DATASETS.has(d.dataset)));
    return kept.length === datasets.length ? null : kept.map((d) => d.raw);
  });
}
