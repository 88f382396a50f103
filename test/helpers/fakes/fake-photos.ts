// In-memory photos table of one model: the store's photo and vector repositories
// (PhotoLookups, PhotoListing, PhotoWrites, VectorSearch, VectorReads of
// src/core/store/types.ts) over a Map, with the real store's semantics where a policy can
// see them: folder boundaries, the PhotoFilter fields, cosine ranking with `minScore`,
// offset and limit, path order of listings. Not modelled: other models' tables, indexes.
import path from 'node:path';
import { dateOf, filterUtcOffset, instantOf } from '../../../src/core/store/photo-date';
import type { PhotoFilter, PhotoListing, PhotoLookups, PhotoRecord, PhotoState, PhotoSummary, PhotoWrites, VectorBatch, VectorHit, VectorQuery, VectorReads, VectorSearch } from '../../../src/core/store/types';

export type FakePhotos = PhotoLookups &
  PhotoListing &
  PhotoWrites &
  VectorSearch &
  VectorReads & {
    /** The rows by path (tests read and seed it directly). */
    readonly rows: Map<string, PhotoRecord>;
    /** Bumped by every write, like the tables' versions behind `dataVersion`; a test seeding
     *  `rows` calls it too, so it bumps `photosVersion` as well (the fake's tags and
     *  favourites do not tell the two apart: the real store's separation is tested on it). */
    touch(): void;
  };

export function fakePhotos(modelId: string): FakePhotos {
  const rows = new Map<string, PhotoRecord>();
  let version = 0;
  // Photo writes only, like the photos table's version behind `photosVersion`.
  let photosVersion = 0;
  const sorted = () => [...rows.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const summary = ({ vector: _vector, ...rest }: PhotoRecord): PhotoSummary => rest;
  const underFolder = (p: string, folder: string) => p.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
  const matches = (r: PhotoRecord, f: PhotoFilter = {}): boolean => {
    if (f.folder !== undefined && !underFolder(r.path, f.folder)) return false;
    // The store's one rule: the date taken, else the file's time on the viewer's clock.
    const date = dateOf(r.takenAt, r.mtimeMs, filterUtcOffset(f));
    if (f.takenFrom !== undefined && date < f.takenFrom) return false;
    if (f.takenBefore !== undefined && date >= f.takenBefore) return false;
    const instant = instantOf(r.takenAt, r.takenOffset ?? null, r.mtimeMs);
    if (f.takenFromInstant !== undefined && instant < f.takenFromInstant) return false;
    if (f.takenBeforeInstant !== undefined && instant >= f.takenBeforeInstant) return false;
    if (f.camera !== undefined && !`${r.cameraMake ?? ''} ${r.cameraModel ?? ''}`.toLowerCase().includes(f.camera.toLowerCase())) return false;
    if (f.hasGps !== undefined && (r.gpsLat !== null && r.gpsLon !== null) !== f.hasGps) return false;
    if (f.paths !== undefined && !f.paths.includes(r.path)) return false;
    if (f.hashes !== undefined && !f.hashes.includes(r.hash)) return false;
    return true;
  };
  const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
  return {
    rows,
    touch: () => {
      version++;
      photosVersion++;
    },
    async getPhoto(p) {
      return rows.get(p) ?? null;
    },
    async photosByPath(paths) {
      return new Map(paths.flatMap((p) => (rows.has(p) ? [[p, summary(rows.get(p)!)] as const] : [])));
    },
    async photosByHash(hash) {
      return sorted().filter((r) => r.hash === hash);
    },
    async photoStates(folder) {
      const out = new Map<string, PhotoState>();
      for (const r of sorted()) if (folder === undefined || underFolder(r.path, folder)) out.set(r.path, { size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, modelId: r.modelId, thumbKey: r.thumbKey });
      return out;
    },
    async dataVersion() {
      return String(version);
    },
    async photosVersion() {
      return String(photosVersion);
    },
    async listPhotos(options = {}) {
      const listed = sorted().filter((r) => options.folder === undefined || underFolder(r.path, options.folder));
      const offset = options.offset ?? 0;
      return listed.slice(offset, options.limit === undefined ? undefined : offset + options.limit).map(summary);
    },
    async listPhotoDates() {
      return [...rows.values()].map(({ path: p, hash, takenAt, mtimeMs, indexedAt, durationMs, gpsLat, gpsLon }) => ({ path: p, hash, takenAt, mtimeMs, indexedAt, gpsLat, gpsLon, ...(durationMs !== undefined ? { durationMs } : {}) }));
    },
    async countListed(options = {}) {
      return sorted().filter((r) => options.folder === undefined || underFolder(r.path, options.folder)).length;
    },
    async countPhotos(filter) {
      return sorted().filter((r) => matches(r, filter)).length;
    },
    async upsertPhotos(records) {
      for (const r of records) rows.set(r.path, r);
      version++;
      photosVersion++;
    },
    async removePhotos(paths) {
      for (const p of paths) rows.delete(p);
      version++;
      photosVersion++;
    },
    async repairDoubles() {
      return 0; // rows are keyed by path here: a path never has two
    },
    async searchVectors(query: VectorQuery): Promise<VectorHit[]> {
      const hits = sorted()
        .filter((r) => matches(r, query))
        .map((r) => ({ path: r.path, score: dot(query.vector, r.vector) }))
        .filter((h) => query.minScore === undefined || h.score >= query.minScore)
        .sort((a, b) => b.score - a.score);
      const offset = query.offset ?? 0;
      return hits.slice(offset, offset + query.limit);
    },
    async sampleVectors(max) {
      const all = sorted();
      const step = Math.max(1, Math.ceil(all.length / Math.max(1, max)));
      return all.filter((_, i) => i % step === 0).slice(0, max).map((r) => r.vector);
    },
    async *scanVectors(options = {}): AsyncIterable<VectorBatch> {
      const all = sorted().filter((r) => options.folder === undefined || underFolder(r.path, options.folder));
      const size = options.batchSize ?? 4096;
      for (let i = 0; i < all.length; i += size) {
        const chunk = all.slice(i, i + size);
        const dimension = chunk[0]!.vector.length;
        const vectors = new Float32Array(chunk.length * dimension);
        chunk.forEach((r, k) => vectors.set(r.vector, k * dimension));
        yield { paths: chunk.map((r) => r.path), hashes: chunk.map((r) => r.hash), dimension, vectors };
      }
    },
    async vectorsByHash(hashes) {
      const out = new Map<string, Float32Array>();
      for (const r of sorted()) if (hashes.includes(r.hash) && !out.has(r.hash) && r.modelId === modelId) out.set(r.hash, r.vector);
      return out;
    },
    async pathsByHash(hashes) {
      const out = new Map<string, string[]>();
      for (const r of sorted()) if (hashes.includes(r.hash)) out.set(r.hash, [...(out.get(r.hash) ?? []), r.path]);
      return out;
    },
    // One model's table only, so the library's paths are this table's.
    async libraryPathsByHash(hashes) {
      return this.pathsByHash(hashes);
    },
    async pathsOnlyOtherModelsHold() {
      return new Set<string>();
    },
  };
}
