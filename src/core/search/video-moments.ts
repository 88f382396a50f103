// Videos in a ranking: a video is ONE result, scored by its best frame and carrying that
// frame's time (the moment the viewer plays from). The store ranks photo rows (a video's row
// holds its poster frame's vector) and, separately, video frames; this puts the two together
// behind the same `searchVectors` the rest of search calls, so the filters, the cut-off,
// paging, `similar` and the date order treat a video like a photo.
//
// How, for a page at depth offset + limit:
//  1. the photos of that depth are ranked as before (videos among them by their poster);
//  2. the frames nearest the query (a pool several times that depth) give each of their
//     videos its best frame (those under the cut-off left out);
//  3. a video of step 1 whose frames all missed the pool gets its best frame exactly (its few
//     dozen frames read by hash): its time, and a score at least its poster's;
//  4. the videos of step 2 the filters admit are looked up (a prefiltered ranking restricted
//     to their hashes; with no filter, simply their paths);
//  5. the merge is sorted by score and paged.
// A video none of whose frames reaches the pool still ranks by its poster, as a photo does.
import type { FrameHit, PhotoFilter, VectorHit, VectorQuery, VideoFrameRecord } from '../store/types';
import type { SearchStore } from './search-library';

/** Frames fetched per result wanted: a video has many frames near a query, not one. */
const FRAMES_PER_RESULT = 8;
const MIN_FRAME_POOL = 256;
/** Paths read per matched video: identical copies share one content hash, so one frame set. */
const COPIES_PER_VIDEO = 8;

type MomentStore = Pick<SearchStore, 'searchVectors' | 'searchVideoFrames' | 'videoFramesOf' | 'photosByPath' | 'pathsByHash'>;

/** `store` whose ranking counts video frames (see above); every other read passes through. */
export function withVideoMoments<S extends MomentStore>(store: S): S {
  const searchVectors = async (query: VectorQuery): Promise<VectorHit[]> => rankWithMoments(store, query);
  return new Proxy(store, { get: (target, key, receiver) => (key === 'searchVectors' ? searchVectors : (Reflect.get(target, key, receiver) as unknown)) });
}

async function rankWithMoments(store: MomentStore, query: VectorQuery): Promise<VectorHit[]> {
  const offset = query.offset ?? 0;
  const depth = offset + query.limit;
  const pool = Math.max(MIN_FRAME_POOL, depth * FRAMES_PER_RESULT);
  // Independent reads run together (bench/video.ts: ~35 ms instead of ~53 at 100k + 10k videos).
  const [photos, frameHits] = await Promise.all([store.searchVectors({ ...query, offset: 0, limit: depth }), store.searchVideoFrames(query.vector, pool, query.hashes)]);
  const best = bestPerVideo(frameHits, query.minScore);
  const rows = await store.photosByPath(photos.map((h) => h.path));
  const posterOnly = [...new Set(photos.flatMap((h) => {
    const row = rows.get(h.path);
    return row && typeof row.durationMs === 'number' && !best.has(row.hash) ? [row.hash] : [];
  }))];
  const [framesOfPosterOnly, admitted] = await Promise.all([
    posterOnly.length ? store.videoFramesOf(posterOnly) : Promise.resolve(new Map<string, VideoFrameRecord[]>()),
    best.size ? admittedVideos(store, query, [...best.keys()]) : Promise.resolve(new Map<string, { hash: string; score?: number }>()),
  ]);
  for (const [hash, frames] of framesOfPosterOnly) best.set(hash, bestFrame(hash, frames, query.vector));
  // Copies of one photo score exactly alike: by path, so every device orders them alike.
  if (best.size === 0) return [...photos].sort(bestFirst).slice(offset);

  const hashOf = new Map([...rows].map(([p, row]) => [p, row.hash]));
  const merged = new Map<string, VectorHit>(photos.map((h) => [h.path, h]));
  for (const [p, hit] of admitted) {
    hashOf.set(p, hit.hash);
    if (!merged.has(p)) merged.set(p, { path: p, score: hit.score ?? -Infinity });
  }
  for (const [p, hit] of merged) {
    const frame = best.get(hashOf.get(p) ?? '');
    if (frame) merged.set(p, { path: p, score: Math.max(frame.score, hit.score), time: frame.timeMs / 1000 });
  }
  return [...merged.values()].sort(bestFirst).slice(offset, depth);
}

/** Best score first; equal scores (copies of one photo) by path. */
function bestFirst(a: VectorHit, b: VectorHit): number {
  return b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** The paths of these videos the query's filters admit, each with its hash (and poster score when ranked for it). */
async function admittedVideos(store: MomentStore, query: VectorQuery, hashes: string[]): Promise<Map<string, { hash: string; score?: number }>> {
  const out = new Map<string, { hash: string; score?: number }>();
  if (!hasFilter(query)) {
    for (const [hash, paths] of await store.pathsByHash(hashes)) for (const p of paths) out.set(p, { hash });
    return out;
  }
  const filter: PhotoFilter & { vector: Float32Array } = { ...query, hashes };
  delete (filter as Partial<VectorQuery>).minScore;
  const admitted = await store.searchVectors({ ...filter, vector: query.vector, limit: hashes.length * COPIES_PER_VIDEO, offset: 0 });
  const rows = await store.photosByPath(admitted.map((h) => h.path));
  for (const h of admitted) {
    const row = rows.get(h.path);
    if (row) out.set(h.path, { hash: row.hash, score: h.score });
  }
  return out;
}

/** Whether the query narrows the photos at all (PhotoFilter's fields). */
function hasFilter(query: VectorQuery): boolean {
  const { vector: _v, limit: _l, offset: _o, exact: _e, minScore: _m, ...filter } = query;
  return Object.values(filter).some((v) => v !== undefined);
}

/** The best frame of each video among `hits`, those under `minScore` left out. */
function bestPerVideo(hits: readonly FrameHit[], minScore: number | undefined): Map<string, FrameHit> {
  const best = new Map<string, FrameHit>();
  for (const h of hits) {
    if (minScore !== undefined && h.score < minScore) continue;
    const seen = best.get(h.hash);
    if (!seen || h.score > seen.score) best.set(h.hash, h);
  }
  return best;
}

/** The frame of one video closest to `vector` (cosine: the vectors are normalised). */
function bestFrame(hash: string, frames: readonly VideoFrameRecord[], vector: Float32Array): FrameHit {
  let best: FrameHit = { hash, timeMs: 0, score: -Infinity };
  for (const f of frames) {
    let dot = 0;
    for (let i = 0; i < vector.length; i++) dot += vector[i]! * f.vector[i]!;
    if (dot > best.score) best = { hash, timeMs: f.timeMs, score: dot };
  }
  return best;
}
