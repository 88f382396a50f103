// The dates and places the user set (or the places removed) by hand on the photos to export, by
// path: the export writes them into the copies (album-export.ts), since a copy is the photo as
// Shoebox shows it. Edits are kept by content, so every copy of a photo has them.
import type { ShownEdits } from '../media/shown-edits';
import type { PhotoLookups, PlaceEditRepository, TakenEditRepository } from '../store/types';

export type ExportEditsStore = Pick<PhotoLookups, 'photosByPath'> & Pick<TakenEditRepository, 'takenEdits'> & Pick<PlaceEditRepository, 'placeEdits'>;

export interface ExportEdits extends ShownEdits {
  /** Whether the file itself states a position (as indexed): a copy that cannot be edited would ship it. */
  fileHasPlace: boolean;
}

/** The edits of those of `paths` that have any; the rest are absent. */
export async function editsByPath(store: ExportEditsStore, paths: readonly string[]): Promise<Map<string, ExportEdits>> {
  const [dates, places] = await Promise.all([store.takenEdits(), store.placeEdits()]);
  if (dates.size === 0 && places.size === 0) return new Map();
  const out = new Map<string, ExportEdits>();
  for (const [p, row] of await store.photosByPath(paths)) {
    const date = dates.get(row.hash);
    const place = places.get(row.hash);
    if (!date && !place) continue;
    out.set(p, {
      ...(date ? { date: { takenAt: date.takenAt, takenOffset: date.takenOffset } } : {}),
      ...(place ? { place: place.gpsLat === null || place.gpsLon === null ? null : { lat: place.gpsLat, lon: place.gpsLon } } : {}),
      fileHasPlace: place ? place.fileGpsLat !== null : row.gpsLat !== null,
    });
  }
  return out;
}
