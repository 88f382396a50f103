// The duplicate scan: exact, near and similar groups over the library (or one folder).
//
// How the kinds relate. Every kind links *contents* (distinct SHA-256 hashes) and reports
// each group with every file of its contents, the keeper first:
//  - exact: the files of one content, when there are two or more;
//  - near: contents that are the same picture (perceptual signatures, near-index.ts), when a
//    group holds two or more contents; its byte-identical copies are members too (and also
//    form their own exact group);
//  - similar: contents whose CLIP embeddings have cosine >= threshold, grouped together with
//    the near links when near is scanned too; reported when a group holds two or more
//    pictures (near groups), so a similar group always adds something beyond the near ones.
// Groups of one kind are disjoint (union-find within the kind). The keeper is chosen by one
// total order (keep-best.ts, which also looks at each member on disk: a real file inside the
// library before a link), so trashing every non-keeper of every group keeps, of each set
// of overlapping groups, at least its best photo.
import type { FolderRepository, PhotoListing, PhotoSummary, PlaceEditRepository, SignatureRecord, SignatureRepository, TakenEditRepository, VectorReads } from '../store/types';
import type { ThumbnailReader } from '../media';
import { comparableContents } from './comparable';
import { compareForKeeping, fileExif, keepReasons, placementsOf, type HandEdits, type KeepCandidate } from './keep-best';
import { withSizeTiers } from './size-tiers';
import { linkNearDuplicates, type NearLinkStats } from './near-index';
import { backfillSignatures } from './signature-backfill';
import { SIGNATURE_WORDS, bytesToWords, isCurrentSignature } from './signature';
import { similarPairs } from './similar';
import { DEFAULT_DUPLICATE_KINDS, DUPLICATE_KINDS, type DuplicateGroup, type DuplicateKind, type DuplicateScan, type DuplicateScanProgress } from './types';
import { UnionFind } from './union-find';
import { mayBeToldEnlarged, upscaleFactors } from './upscale-check';
import { DEFAULT_SIMILAR_THRESHOLD } from '../../shared/api';
import { similarThreshold } from '../../shared/similar-threshold';

/** Default CLIP cosine for `similar`: near-identical shots and bursts with ViT-B/32-class models (shared/api.ts). */
export { DEFAULT_SIMILAR_THRESHOLD };
/** The similar kind's cosine as asked for, refused out of (0, 1] (shared/similar-threshold.ts). */
export { similarThreshold };

/** What a scan reads: the photos, the library folders, stored signatures, the active model's
 *  vectors, the dates and places set by hand (keep-best counts the files' own EXIF). */
export type ScanStore = Pick<PhotoListing, 'listPhotos'> &
  Pick<FolderRepository, 'listFolders'> &
  Pick<SignatureRepository, 'getSignatures'> &
  Pick<VectorReads, 'scanVectors'> &
  Pick<TakenEditRepository, 'takenEdits'> &
  Pick<PlaceEditRepository, 'placeEdits'>;

export interface DupesContext {
  /** Where photos, signatures and vectors are read. */
  store: ScanStore;
  /** The library's thumbnails (signatures of older photos are made from them). */
  thumbs: ThumbnailReader;
  /** Saves signatures computed during the scan; absent when the scan holds no writer. */
  saveSignatures?: (records: SignatureRecord[]) => Promise<void>;
}

export interface FindDuplicatesOptions {
  /** Default: exact and near. */
  kinds?: readonly DuplicateKind[];
  /** CLIP cosine for `similar` (default DEFAULT_SIMILAR_THRESHOLD). */
  similarThreshold?: number;
  /** Only photos under this folder (absolute). */
  folder?: string;
  signal?: AbortSignal;
  onProgress?: (progress: DuplicateScanProgress) => void;
  /** Near-duplicate tuning (tests, bench): see near-index.ts. */
  near?: { threshold?: number; candidateDistance?: number };
  /** Called with the near search's counters. */
  onNearStats?: (stats: NearLinkStats) => void;
}

interface Contents {
  hashes: string[];
  /** Photos of each content, by content index. */
  photos: PhotoSummary[][];
}

function contentsOf(photos: readonly PhotoSummary[]): Contents {
  const index = new Map<string, number>();
  const contents: Contents = { hashes: [], photos: [] };
  for (const photo of photos) {
    let i = index.get(photo.hash);
    if (i === undefined) {
      i = contents.hashes.length;
      index.set(photo.hash, i);
      contents.hashes.push(photo.hash);
      contents.photos.push([]);
    }
    contents.photos[i]!.push(photo);
  }
  return contents;
}

export async function findDuplicates(ctx: DupesContext, options: FindDuplicatesOptions = {}): Promise<DuplicateScan> {
  const started = performance.now();
  const kinds = new Set(options.kinds ?? DEFAULT_DUPLICATE_KINDS);
  const threshold = similarThreshold(options.similarThreshold);
  const photos = await ctx.store.listPhotos(options.folder !== undefined ? { folder: options.folder } : {});
  // Each phase can take minutes at 100k photos: a stop is honoured between them as well as inside.
  options.signal?.throwIfAborted();
  const contents = contentsOf(photos);
  const n = contents.hashes.length;
  const stats = { photos: photos.length, contents: n, signaturesComputed: 0, signaturesSaved: false, unsigned: 0, seconds: 0 };
  // Videos look alike by their poster frame: near and similar join only comparable contents.
  const comparable = comparableContents(contents.photos.map((p) => p[0]!.durationMs ?? null));
  const sharpness = new Float64Array(n);

  // Signatures: needed for near, and give keep-best its sharpness whenever they exist.
  let words: Uint32Array | null = null;
  let signed: Uint8Array | null = null;
  if (kinds.has('near') || kinds.has('similar')) {
    ({ words, signed } = await loadSignatures(ctx, contents, sharpness, kinds.has('near'), options, stats));
  }

  // Groups are built once every kind is found: the keeper needs each member's placement on
  // disk (placementsOf), looked up for group members only.
  const found: { kind: DuplicateKind; members: number[] }[] = [];
  const report = (kind: DuplicateKind, members: number[]) => found.push({ kind, members });

  options.signal?.throwIfAborted();
  if (kinds.has('exact')) {
    for (let i = 0; i < n; i++) if (contents.photos[i]!.length > 1) report('exact', [i]);
  }

  let near: UnionFind | null = null;
  if (kinds.has('near') && words && signed) {
    near = await nearGroups(words, signed, n, comparable, options);
    for (const members of near.groups()) report('near', members);
  }

  if (kinds.has('similar')) {
    options.signal?.throwIfAborted();
    const similar = new UnionFind(n);
    if (near) for (const members of near.groups()) for (const m of members) similar.union(members[0]!, m);
    await linkSimilar(ctx.store, contents, similar, threshold, comparable, options);
    for (const members of similar.groups()) {
      // Only groups of two or more pictures: a near group alone is already reported.
      const pictures = near ? new Set(members.map((m) => near.find(m))).size : members.length;
      if (pictures > 1) report('similar', members);
    }
  }

  options.signal?.throwIfAborted();
  const memberPaths = found.flatMap((g) => g.members.flatMap((i) => contents.photos[i]!.map((p) => p.path)));
  const placements = memberPaths.length ? await placementsOf(memberPaths, (await ctx.store.listFolders()).map((f) => f.path)) : new Map<string, 0 | 1>();
  // EXIF as the files have it: a date or place set by hand is not the camera's (keep-best.ts).
  const edits: HandEdits = found.length ? await Promise.all([ctx.store.takenEdits(), ctx.store.placeEdits()]).then(([dates, places]) => ({ dates, places })) : { dates: new Map(), places: new Map() };
  const upscale = await upscalesOf(found, contents, options.signal);
  const candidates = found.map((g) =>
    g.members.flatMap((i) => contents.photos[i]!.map((photo): KeepCandidate => ({ photo: fileExif(photo, edits), sharpness: sharpness[i]!, placement: placements.get(photo.path) ?? 1, upscale: upscale.get(i) ?? 1 }))),
  );
  // Sizes a sliver apart count as one, tiered over each picture so every group ranks alike.
  const tiered = withSizeTiers(candidates);
  const groups = found.map((g, k) => groupOf(g.kind, tiered[k]!));
  const order = (k: DuplicateKind) => DUPLICATE_KINDS.indexOf(k);
  groups.sort((a, b) => order(a.kind) - order(b.kind) || (a.keep < b.keep ? -1 : a.keep > b.keep ? 1 : 0));
  stats.seconds = (performance.now() - started) / 1000;
  return { groups, stats };
}

/**
 * The upscale factor (upscale-check.ts) of the contents whose answer can change a ranking, by
 * content index: those with at least 2.25 times the pixels of another member of one of their
 * groups (a smaller enlargement is never told, mayBeToldEnlarged). Measured once per content
 * and used in every group it is in, so the order stays total.
 */
async function upscalesOf(found: readonly { members: number[] }[], contents: Contents, signal?: AbortSignal): Promise<Map<number, number>> {
  const wanted = new Set<number>();
  const photo = (i: number) => contents.photos[i]![0]!;
  for (const { members } of found) {
    const smallest = members.reduce((min, i) => Math.min(min, photo(i).width * photo(i).height), Infinity);
    for (const i of members) if (photo(i).durationMs == null && mayBeToldEnlarged(photo(i).width, photo(i).height, smallest)) wanted.add(i);
  }
  if (wanted.size === 0) return new Map();
  const factors = await upscaleFactors(new Map([...wanted].map((i) => [contents.hashes[i]!, contents.photos[i]!.map((p) => p.path)])), signal);
  return new Map([...wanted].map((i) => [i, factors.get(contents.hashes[i]!) ?? 1]));
}

/** One group, its members in keep-best order, with why its keeper is (the review and the trash's
 *  hold read it, and the CLI's note of a keeper kept over an enlarged copy of it). */
function groupOf(kind: DuplicateKind, candidates: KeepCandidate[]): DuplicateGroup {
  candidates.sort(compareForKeeping);
  const why = keepReasons(candidates[0]!, candidates.slice(1));
  const members = candidates.map(({ photo }) => ({ path: photo.path, width: photo.width, height: photo.height, bytes: photo.size }));
  return { kind, keep: members[0]!.path, members, ...(why.length ? { why } : {}) };
}

async function loadSignatures(
  ctx: DupesContext,
  contents: Contents,
  sharpness: Float64Array,
  computeMissing: boolean,
  options: FindDuplicatesOptions,
  stats: { signaturesComputed: number; signaturesSaved: boolean; unsigned: number },
): Promise<{ words: Uint32Array; signed: Uint8Array }> {
  const n = contents.hashes.length;
  const index = new Map(contents.hashes.map((h, i) => [h, i]));
  const words = new Uint32Array(n * SIGNATURE_WORDS);
  const signed = new Uint8Array(n);
  const take = (record: SignatureRecord) => {
    const i = index.get(record.hash);
    if (i === undefined || signed[i] || !isCurrentSignature(record.version, record.signature)) return;
    bytesToWords(record.signature, words, i * SIGNATURE_WORDS);
    sharpness[i] = record.sharpness;
    signed[i] = 1;
  };
  // The whole table is one sequential read; by hash only when the scan covers few contents.
  const stored = await ctx.store.getSignatures(options.folder !== undefined && n < 4096 ? contents.hashes : undefined);
  for (const record of stored) take(record);
  if (computeMissing) {
    const missing = contents.photos.filter((_, i) => !signed[i]).map((p) => p[0]!);
    if (missing.length) {
      const made = await backfillSignatures(missing, {
        thumbs: ctx.thumbs,
        ...(ctx.saveSignatures ? { save: ctx.saveSignatures } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (done, total) => options.onProgress?.({ phase: 'signatures', done, total }),
      });
      for (const record of made) take(record);
      stats.signaturesComputed = made.length;
      stats.signaturesSaved = made.length > 0 && ctx.saveSignatures !== undefined;
    }
  }
  for (let i = 0; i < n; i++) if (!signed[i]) stats.unsigned++;
  return { words, signed };
}

/** Near links over the signed contents (a content without a signature stays alone). */
async function nearGroups(words: Uint32Array, signed: Uint8Array, n: number, comparable: (i: number, j: number) => boolean, options: FindDuplicatesOptions): Promise<UnionFind> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) if (signed[i]) ids.push(i);
  let packed = words;
  if (ids.length < n) {
    packed = new Uint32Array(ids.length * SIGNATURE_WORDS);
    ids.forEach((id, i) => packed.set(words.subarray(id * SIGNATURE_WORDS, (id + 1) * SIGNATURE_WORDS), i * SIGNATURE_WORDS));
  }
  const local = new UnionFind(ids.length);
  const stats = await linkNearDuplicates(packed, ids.length, local, {
    accept: (a, b) => comparable(ids[a]!, ids[b]!),
    ...(options.near?.threshold !== undefined ? { threshold: options.near.threshold } : {}),
    ...(options.near?.candidateDistance !== undefined ? { candidateDistance: options.near.candidateDistance } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'near', done, total }),
  });
  options.onNearStats?.(stats);
  const groups = new UnionFind(n);
  for (const members of local.groups()) for (const m of members) groups.union(ids[members[0]!]!, ids[m]!);
  return groups;
}

/** Similar links: one vector per content (this model's), all pairs above the threshold. */
async function linkSimilar(store: ScanStore, contents: Contents, groups: UnionFind, threshold: number, comparable: (i: number, j: number) => boolean, options: FindDuplicatesOptions): Promise<void> {
  const index = new Map(contents.hashes.map((h, i) => [h, i]));
  let vectors: Float32Array | null = null;
  let dimension = 0;
  const has = new Uint8Array(contents.hashes.length);
  for await (const batch of store.scanVectors(options.folder !== undefined ? { folder: options.folder } : {})) {
    options.signal?.throwIfAborted();
    dimension = batch.dimension;
    vectors ??= new Float32Array(contents.hashes.length * dimension);
    for (let r = 0; r < batch.hashes.length; r++) {
      const i = index.get(batch.hashes[r]!);
      if (i === undefined || has[i]) continue;
      vectors.set(batch.vectors.subarray(r * dimension, (r + 1) * dimension), i * dimension);
      has[i] = 1;
    }
  }
  if (!vectors) return;
  // Contents without a vector (none, normally: every row has one) are left out.
  const ids: number[] = [];
  for (let i = 0; i < has.length; i++) if (has[i]) ids.push(i);
  let packed = vectors;
  if (ids.length < has.length) {
    packed = new Float32Array(ids.length * dimension);
    ids.forEach((id, i) => packed.set(vectors.subarray(id * dimension, (id + 1) * dimension), i * dimension));
  }
  await similarPairs(packed, ids.length, dimension, threshold, (a, b) => {
    if (comparable(ids[a]!, ids[b]!)) groups.union(ids[a]!, ids[b]!);
  }, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'similar', done, total }),
  });
}
