// Photos as the table would give them, from the vector cache's rows (vector-rows.ts): a page
// of search results (photosByPath) and one photo (getPhoto) on an S3 library answer from
// memory instead of one LanceDB query over the network each (~200 ms a page at 100k photos).
// Field for field what photos-repository.ts `summary` builds from a row: optional fields only
// when recorded, null where the table holds null.
import type { PhotoRecord, PhotoSummary } from './types';
import type { VectorRows } from './vector-rows';

/** Each snapshot's path -> row index, built on first lookup (~10 ms at 100k) and dropped with it. */
const indexes = new WeakMap<VectorRows, Map<string, number>>();

function rowIndex(rows: VectorRows): Map<string, number> {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map();
    for (let i = 0; i < rows.paths.length; i++) index.set(rows.paths[i]!, i);
    indexes.set(rows, index);
  }
  return index;
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

export function summaryAt(rows: VectorRows, i: number): PhotoSummary {
  const takenOffset = rows.takenOffset[i]!;
  const durationMs = rows.durationMs[i]!;
  return {
    path: rows.paths[i]!,
    folder: rows.folders[i]!,
    size: rows.size[i]!,
    mtimeMs: rows.mtimeMs[i]!,
    hash: rows.hashes[i]!,
    width: rows.width[i]!,
    height: rows.height[i]!,
    takenAt: orNull(rows.takenAt[i]!),
    ...(Number.isNaN(takenOffset) ? {} : { takenOffset }),
    ...(Number.isNaN(durationMs) ? {} : { durationMs }),
    cameraMake: rows.cameraMake[i]!,
    cameraModel: rows.cameraModel[i]!,
    gpsLat: orNull(rows.gpsLat[i]!),
    gpsLon: orNull(rows.gpsLon[i]!),
    orientation: orNull(rows.orientation[i]!),
    modelId: rows.modelIds[i]!,
    thumbKey: rows.thumbKeys[i]!,
    indexedAt: rows.indexedAt[i]!,
  };
}

/** The photos among `paths` (the store's `photosByPath` on one table); absent paths are left out. */
export function summariesOf(rows: VectorRows, paths: readonly string[]): Map<string, PhotoSummary> {
  const index = rowIndex(rows);
  const found = new Map<string, PhotoSummary>();
  for (const p of paths) {
    const i = index.get(p);
    if (i !== undefined) found.set(p, summaryAt(rows, i));
  }
  return found;
}

/** One photo with its vector (a copy: the cached vectors stay the cache's), or null. */
export function recordOf(rows: VectorRows, path: string): PhotoRecord | null {
  const i = rowIndex(rows).get(path);
  if (i === undefined) return null;
  const d = rows.dimension;
  const { thumbKey, indexedAt, ...rest } = summaryAt(rows, i);
  return { ...rest, vector: rows.vectors.slice(i * d, (i + 1) * d), thumbKey, indexedAt };
}
