// `text:` terms alone on a device without a model (the library opened for viewing only). The
// text read in photos is a full-text index of its own (photo-text-repository.ts): it needs no
// CLIP model, so it is searched as with one. Only the photos differ: with no model there is
// no model's table to find them in, so they come from the library's rows (every model's
// photos table, as listings read them), and the filters are tested on those rows with the
// store's own rule (vector-rows.ts compileFilter: the semantics of its SQL prefilter).
import type { PhotoFilter, PhotoListing, PhotoLookups, PhotoSummary } from '../store/types';
import { allocRows, compileFilter } from '../store/vector-rows';
import { filterUtcOffset } from '../store/photo-date';
import type { TextHit } from '../text';
import { allowedHashes, rankTextHits, type TextSearchHit } from './text-terms';

export type LibraryRowsStore = Pick<PhotoListing, 'libraryPathsByHash' | 'listPhotos' | 'countListed'> & Pick<PhotoLookups, 'photosByPath'>;

/** Every photo of the library holding the text that passes the filter, ranked as with a model (text-terms.ts textOnlyHits). */
export async function textHitsWithoutModel(store: LibraryRowsStore, text: Map<string, TextHit>, filter: PhotoFilter, sort: 'score' | 'date'): Promise<TextSearchHit[]> {
  const hashes = allowedHashes(text, filter);
  if (hashes.length === 0) return [];
  const paths = await store.libraryPathsByHash(hashes);
  const rows = await store.photosByPath([...paths.values()].flat());
  const passed = new Set(admitted([...rows.values()], filter));
  return rankTextHits(store, text, hashes, paths, passed, sort, filterUtcOffset(filter));
}

/** How many of the library's photos pass the filter (what a text search could find here). */
export async function countWithoutModel(store: LibraryRowsStore, filter: PhotoFilter): Promise<number> {
  if (Object.keys(filter).length === 0) return store.countListed();
  return admitted(await store.listPhotos(), filter).length;
}

/** The paths of the rows the filter admits. */
function admitted(summaries: readonly PhotoSummary[], filter: PhotoFilter): string[] {
  const admit = compileFilter(filter);
  if (!admit) return summaries.map((s) => s.path);
  // The filter's row test reads columns: the summaries as columns (no vectors: dimension 0).
  const rows = allocRows(summaries.length, 0, new Float32Array(0));
  summaries.forEach((s, i) => {
    rows.paths[i] = s.path;
    rows.hashes[i] = s.hash;
    rows.cameraMake[i] = s.cameraMake;
    rows.cameraModel[i] = s.cameraModel;
    rows.takenAt[i] = s.takenAt ?? NaN;
    rows.takenOffset[i] = s.takenOffset ?? NaN;
    rows.gpsLat[i] = s.gpsLat ?? NaN;
    rows.gpsLon[i] = s.gpsLon ?? NaN;
  });
  return summaries.flatMap((s, i) => (admit(rows, i) ? [s.path] : []));
}
