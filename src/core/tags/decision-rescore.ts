// After the user accepts, rejects or forgets a tag, the label's learned shift changes
// (adaptation.ts), and so does every suggestion of the set that the shift reaches: the
// decided photo's other labels (the softmax couples them) and the photos like it. Left
// stored as they were, `tags list` and the app would show suggestions the library's learning
// no longer gives, which a later `shoebox tag` or re-index then changes without a word.
// So a decision re-scores at once what it can change, as `shoebox tag` would: the set's
// suggestions, over the photos the set tags (its auto-tagged folders, and the contents it
// has automatic tags on, `tag --once` included). Photos the set never tagged stay untagged
// (tagging them is `shoebox tag`'s to ask for). Decisions themselves are never touched:
// replaceAutoTags writes automatic rows only, and only the ones whose score moved.
// The set's prototypes (its labels' text embeddings, the library's mean photo) are asked for
// only once a re-score will run: a decision on a set with nothing to re-score costs no more.
// A review session's later decisions re-score from the scope the first one kept in memory
// (scored-scope.ts, decision-rescore-cache.ts): only the photos whose scores they move are
// decided again, with the same result, so a click does not read the whole library again.
import type { TagRecord, VectorBatch } from '../store/types';
import { classifyBatches, type Prototypes } from './classify';
import { MAX_BYTES, type DecisionRescoreCache } from './decision-rescore-cache';
import { labelSetRevision, type LabelSet } from './label-set';
import { recordingScorer, ScoredScope, scopeBytes } from './scored-scope';
import type { LabelDecision } from './zero-shot';
import type { MatrixScorer } from './matrix-scorer';
import { isInside } from '../../base/path-inside';
import type { TaggingStore } from './tagging-service';

/** The auto-tag folder entry that means "the whole library" (tagging-service.ts's WHOLE_LIBRARY). */
const WHOLE_LIBRARY = '';
/** Rows per batch of the photos read by hash (as scanVectors' default). */
const BATCH = 4096;

/**
 * Classifies again, with the set's prototypes (`prototypesOf`: as the decisions now shape
 * them), every photo the set tags under the model in use, and stores the automatic tags that
 * changed. Costs what `shoebox tag` costs on those photos (one read of their vectors, one small
 * product: labels + shifts rows); nothing when the set has no auto-tagged folder and this
 * model no automatic tag of it, or when this model has embedded none of those photos.
 * With `cache` (a review session's decisions, one after another), the scope is kept in
 * memory after a full run, and the next decisions re-score only the photos whose scores they
 * move (scored-scope.ts): the same tags stored, without reading the library again.
 */
export async function rescoreTaggedPhotos(
  store: TaggingStore,
  set: LabelSet,
  prototypesOf: () => Promise<Prototypes>,
  modelId: string,
  scorerFor: (work: number) => MatrixScorer,
  cache?: DecisionRescoreCache,
  /** The contents just decided: one outside the kept scope (a `tag --once` photo whose
   *  suggestions were all decided, now forgotten) is re-scored by a full run, not left stale. */
  decidedNow: readonly string[] = [],
): Promise<void> {
  // Once at most, even when the kept scope cannot answer and a full run follows.
  let asked: Promise<Prototypes> | undefined;
  const prototypes = () => (asked ??= prototypesOf());
  const folders = outermost((await store.listAutoTagFolders()).filter((f) => f.set === set.name).map((f) => f.folder));
  const key = JSON.stringify([set.name, labelSetRevision(set), modelId, folders]);
  const kept = cache?.scope(key);
  if (kept && decidedNow.every((h) => kept.has(h)) && (await rescoreKept(store, set, await prototypes(), modelId, kept))) return;
  cache?.forget();
  // Read before the vectors: a scope kept from this run is of the photos as they were then.
  const photosVersion = cache ? await cache.photosVersion(store) : null;
  // Contents tagged outside those folders (`tag --once`, a folder no longer followed): those
  // this model has automatic rows of the set for. A decision alone (made under another model,
  // or on a photo the set never tagged) does not make a photo tagged.
  const autoHashes = new Set((await store.listTags({ set: set.name, states: ['auto'] })).map((t) => t.hash));
  // The auto-tagged folders count as tagged whatever rows show there: a decision hides the
  // automatic row it is about (listTags), so a folder whose every suggestion was decided (the
  // one suggestion a run made, accepted) shows none, yet a fresh `tag` there gives what the
  // decision taught. They are the set's under every model (the indexer tags their new photos
  // with this one), so this model's embeddings there are re-scored. Neither folders nor rows:
  // the set tags nothing under this model; its decisions show alone until `shoebox tag`.
  if (folders.length === 0 && autoHashes.size === 0) return;
  const work = (await countScope(store, folders)) + autoHashes.size;
  // This model has embedded none of the folders' photos (yet): nothing to score.
  if (work === 0) return;
  const rows = await prototypes();
  const engine = scorerFor(work * (rows.labels + (rows.shifts?.length ?? 0)) * rows.dimension);
  // Kept only for a scope of the folders alone: which contents outside them count as tagged
  // moves with every write of their tags, and is read again by a full run.
  const recording = photosVersion !== null && folders.length > 0 && scopeBytes(work, rows) <= MAX_BYTES ? recordingScorer(engine) : null;
  const scorer = recording?.scorer ?? engine;
  const seen = new Set<string>();
  const outside = { photos: 0 };
  const order: string[] = [];
  const decided: LabelDecision[][] = [];
  const tags: TagRecord[] = [];
  const now = Date.now();
  try {
    await classifyBatches(batches(store, folders, autoHashes, seen, outside), rows, set, scorer, (_path, hash, found) => {
      if (recording) {
        order.push(hash);
        decided.push(found);
      }
      for (const d of found) tags.push({ hash, set: set.name, label: set.labels[d.label]!.name, score: d.confidence, state: 'auto', modelId, updatedAt: now });
    });
  } finally {
    await scorer.close();
  }
  await store.replaceAutoTags(set.name, [...seen], tags);
  if (recording && cache && outside.photos === 0) cache.keep(key, photosVersion!, await ScoredScope.fromRun(recording, rows, order, decided));
}

/**
 * The decision's re-score from the kept scope: the photos whose tags it changes, written.
 * A scope is kept only of auto-tagged folders, which a full run always re-scores, so the
 * kept one stands in for it. False (nothing written) when it cannot answer (other text
 * prototypes): the caller runs in full then.
 */
async function rescoreKept(store: TaggingStore, set: LabelSet, prototypes: Prototypes, modelId: string, scope: ScoredScope): Promise<boolean> {
  const changed = scope.rescore(prototypes, set);
  if (!changed) return false;
  if (changed.hashes.length === 0) return true;
  const now = Date.now();
  const tags = changed.hashes.flatMap((hash, i) =>
    changed.found[i]!.map((d): TagRecord => ({ hash, set: set.name, label: set.labels[d.label]!.name, score: d.confidence, state: 'auto', modelId, updatedAt: now })),
  );
  await store.replaceAutoTags(set.name, changed.hashes, tags);
  return true;
}

/** The folders' vectors, then those of the tagged contents outside them; each content once. */
async function* batches(store: TaggingStore, folders: readonly string[], hashes: ReadonlySet<string>, seen: Set<string>, outside: { photos: number }): AsyncIterable<VectorBatch> {
  for (const folder of folders) {
    for await (const batch of store.scanVectors(folder === WHOLE_LIBRARY ? {} : { folder })) yield onlyNew(batch, seen);
  }
  const rest = [...hashes].filter((h) => !seen.has(h));
  for (let start = 0; start < rest.length; start += BATCH) {
    const vectors = await store.vectorsByHash(rest.slice(start, start + BATCH));
    const found = [...vectors];
    if (found.length === 0) continue;
    const dimension = found[0]![1].length;
    const flat = new Float32Array(found.length * dimension);
    found.forEach(([, v], i) => flat.set(v.subarray(0, dimension), i * dimension));
    const ids = found.map(([h]) => h);
    const batch = onlyNew({ paths: ids, hashes: ids, dimension, vectors: flat }, seen);
    outside.photos += batch.hashes.length;
    yield batch;
  }
}

/** The batch without the contents already classified (a copy in another folder, or a path before). */
function onlyNew(batch: VectorBatch, seen: Set<string>): VectorBatch {
  const keep: number[] = [];
  batch.hashes.forEach((h, i) => {
    if (seen.has(h)) return;
    seen.add(h);
    keep.push(i);
  });
  if (keep.length === batch.hashes.length) return batch;
  const d = batch.dimension;
  const vectors = new Float32Array(keep.length * d);
  keep.forEach((i, row) => vectors.set(batch.vectors.subarray(i * d, (i + 1) * d), row * d));
  return { paths: keep.map((i) => batch.paths[i]!), hashes: keep.map((i) => batch.hashes[i]!), dimension: d, vectors };
}

/** The folders none of the others holds (the whole library holds them all). */
function outermost(folders: readonly string[]): string[] {
  if (folders.includes(WHOLE_LIBRARY)) return [WHOLE_LIBRARY];
  const unique = [...new Set(folders)];
  return unique.filter((f) => !unique.some((o) => o !== f && isInside(f, o)));
}

async function countScope(store: TaggingStore, folders: readonly string[]): Promise<number> {
  let count = 0;
  for (const folder of folders) count += await store.countPhotos(folder === WHOLE_LIBRARY ? {} : { folder });
  return count;
}
