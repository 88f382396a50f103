// Which hits a search page shows, once the query has a vector and a cut-off: the set the
// cut-off chose, best first or newest first, or (asked with `closest`) when that set is empty,
// the closest photos below the cut-off, so an answer always leaves the user a next step.
//
// The date order sorts the same set the cut-off chose (never a different one: "newest
// matches", not "newest photos"), so the set is read whole, in chunks, then paged.
import type { PhotoFilter, PhotoLookups, VectorHit, VectorSearch } from '../store/types';
import { filterUtcOffset, localUtcOffset, photoDate } from '../store/photo-date';

/** How many closest photos an empty search offers: a screenful to choose a next step from. */
export const CLOSEST_COUNT = 50;
/** The set is read in pages this large (LanceDB's cost grows with the page, not the set). */
const SET_CHUNK = 10_000;

export interface ResultPageRequest {
  offset: number;
  limit: number;
  /** The relevance cut-off; null: none (`all`, or an uncalibrated library). */
  minScore: number | null;
  sort: 'score' | 'date';
  /** Offer the closest photos when nothing passes the cut-off. */
  closest: boolean;
}

export interface ResultPage {
  hits: VectorHit[];
  /** `hits` are the closest photos below the cut-off (nothing passed it). */
  closest: boolean;
}

type RankQuery = PhotoFilter & { vector: Float32Array; minScore?: number };

/** The page `request` asks for among the photos `query` ranks. */
export async function resultPage(store: VectorSearch & Pick<PhotoLookups, 'photosByPath'>, query: PhotoFilter & { vector: Float32Array }, request: ResultPageRequest): Promise<ResultPage> {
  const { offset, limit, minScore, sort } = request;
  const cut: RankQuery = minScore !== null ? { ...query, minScore } : query;
  let hits: VectorHit[];
  let setIsEmpty: boolean | null = null;
  if (sort === 'date') {
    const set = await newestFirst(store, await rankedSet(store, cut), filterUtcOffset(query));
    setIsEmpty = set.length === 0;
    hits = set.slice(offset, offset + limit);
  } else {
    hits = await store.searchVectors({ ...cut, limit, offset });
  }
  if (hits.length > 0 || minScore === null || !request.closest) return { hits, closest: false };
  // Empty: past the end of the set, or is the set itself empty?
  setIsEmpty ??= offset === 0 || (await store.searchVectors({ ...cut, limit: 1 })).length === 0;
  if (!setIsEmpty) return { hits, closest: false };
  // Nothing passed the cut-off, so the nearest photos all score below it.
  const nearest = await store.searchVectors({ ...query, limit: CLOSEST_COUNT });
  if (nearest.length === 0) return { hits: [], closest: false }; // the filters admit no photo
  const ordered = sort === 'date' ? await newestFirst(store, nearest, filterUtcOffset(query)) : nearest;
  return { hits: ordered.slice(offset, offset + limit), closest: true };
}

/** Every photo the query admits (above its cut-off), best first. */
export async function rankedSet(store: VectorSearch, query: RankQuery): Promise<VectorHit[]> {
  const set: VectorHit[] = [];
  for (;;) {
    const chunk = await store.searchVectors({ ...query, limit: SET_CHUNK, offset: set.length });
    set.push(...chunk);
    if (chunk.length < SET_CHUNK) return set;
  }
}

/** The hits newest taken first; equal dates best score first, then by path (stable pages). */
export async function newestFirst(store: Pick<PhotoLookups, 'photosByPath'>, hits: readonly VectorHit[], offset = localUtcOffset()): Promise<VectorHit[]> {
  const rows = await store.photosByPath(hits.map((h) => h.path));
  // The date the timeline shows and the date filters read (store/photo-date.ts), on the viewer's
  // clock: `offset`, the request's (filters.utcOffset), else this machine's.
  const dates = new Map(hits.map((h) => {
    const row = rows.get(h.path);
    return [h.path, row ? photoDate(row, offset) : -Infinity] as const;
  }));
  return [...hits].sort((a, b) => dates.get(b.path)! - dates.get(a.path)! || b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
