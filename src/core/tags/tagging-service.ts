// Auto-tagging with user label sets: the label sets in the library, zero-shot classification
// of a folder or the whole library against a set (classify.ts, zero-shot.ts), the user's
// accept/reject decisions and the adaptation they drive (adaptation.ts), and the hook that
// tags newly indexed photos under folders that were tagged before.
import { shellWord } from '../../base/shell-word';
import path from 'node:path';
import type { AutoTagFolderRepository, LabelSetRepository, PhotoListing, PhotoLookups, PhotoRecord, TagRecord, TagRepository, TagState, VectorBatch, VectorReads } from '../store/types';
import { isInside } from '../../base/path-inside';
import { learnShifts, type LabelExamples } from './adaptation';
import { rescoreTaggedPhotos } from './decision-rescore';
import { DecisionRescoreCache } from './decision-rescore-cache';
import { currentTagsOf, hashesShowingLabel, isShown, onCurrentLabels } from './current-labels';
import { classifyBatches, type Prototypes } from './classify';
import { labelTextEmbeddings, type TextEmbedder } from './label-embeddings';
import { LabelSetConflictError, LabelSetError, labelIndex, labelKey, labelSetRevision, labelSetToJson, parseLabelSet, parseLabelSetJson, type LabelSet } from './label-set';
import { jsScorer, scorerFor, type MatrixScorer } from './matrix-scorer';
import fs from 'node:fs';
import { sidecarPath, writeXmpSidecar, xmpSets } from './xmp';

/**
 * The repositories tagging reads and writes: label sets, tags and auto-tag folders, the
 * active model's vectors, and photo lookups. The store (LibraryStore) has them all; unit
 * tests hand in fakes (test/helpers/fakes/).
 */
export type TaggingStore = LabelSetRepository &
  TagRepository &
  AutoTagFolderRepository &
  VectorReads &
  Pick<PhotoLookups, 'photosByPath'> &
  Pick<PhotoListing, 'listPhotos' | 'countPhotos' | 'listPhotoDates' | 'libraryPathsByHash'>;

/** What tagging needs of the library (LibraryService provides it). */
export interface TaggingLibrary {
  readonly modelId: string;
  writable(): Promise<TaggingStore>;
  readable(): Promise<TaggingStore>;
  clip(): TextEmbedder;
  /** Label prompts' embeddings kept between runs (LibraryService: on disk); default clip(). */
  labelEmbedder?(): TextEmbedder;
}

/** A tag as a photo shows it: a rejected one is not shown (src/shared's ShownTag carries every state). */
export interface ShownTag {
  label: string;
  set: string;
  /** Confidence in [0, 1] (zero-shot.ts); for an accepted tag, the last one computed. */
  score: number;
  state: Exclude<TagState, 'rejected'>;
}

export interface PhotoTags {
  path: string;
  tags: ShownTag[];
}

export interface TagDecision {
  path: string;
  set: string;
  label: string;
  state: TagState;
  /** The state the tag had before: the same as `state` when the decision changed nothing ('auto': none). */
  was: TagState;
  score: number;
  /** The XMP sidecars of the photo (and its identical copies) that carry the set, updated. */
  sidecars: SidecarReport;
}

/** One decision on many photos (setTagStates). */
export interface TagDecisions {
  set: string;
  label: string;
  /** Each decided photo's path with its tag's score (paths not in the library are absent). */
  scores: Map<string, number>;
  /** Each decided photo's path with the state its tag had before ('auto': no decision). */
  before: Map<string, TagState>;
  /** The XMP sidecars that carry the set, updated (for every path with the decided contents). */
  sidecars: SidecarReport;
}

export interface SidecarReport {
  written: number;
  unchanged: number;
  failed: { path: string; error: string }[];
}

/** Auto-tag folder entry meaning "the whole library". */
export const WHOLE_LIBRARY = '';

export class TaggingError extends Error {
  override name = 'TaggingError';
}

export interface TagFolderOptions {
  /** Keep tagging photos indexed there later (default true). */
  remember?: boolean;
  /** Stops the classification; nothing is stored then. */
  signal?: AbortSignal;
  /** Photos classified so far, of the scope's total (called once per photo: throttle it). */
  onProgress?: (done: number, total: number) => void;
}

export interface TaggingOptions {
  /** Chooses the matrix engine by the job's size (tests force one). */
  scorerFor?: (work: number) => MatrixScorer;
}

/** What a save took out of a set: the labels, the tags that showed them under every model
 *  (auto or accepted: their automatic tags go, every model's, and they show the label no
 *  more: droppedTagCount), and the user's decisions on them (kept, for the label's return). */
export interface LabelsDropped {
  labels: string[];
  tags: number;
  decisions: number;
}

/**
 * The tags labels taken out of a set took along, under every model: each accepted one once
 * (a decision holds under every model), and each model's automatic ones the user had not
 * decided on (each model tags on its own: switching back to another finds none of them).
 * `auto`: every model's auto rows removed, as stored (one model's builds are told apart there).
 */
function droppedTagCount(decisions: readonly TagRecord[], auto: readonly TagRecord[]): number {
  const key = (t: TagRecord) => `${t.hash}\0${labelKey(t.label)}`;
  const decided = new Set(decisions.map(key));
  const accepted = new Set(decisions.filter((t) => t.state === 'accepted').map(key));
  const undecided = new Set(auto.filter((t) => !decided.has(key(t))).map((t) => `${t.modelId}\0${key(t)}`));
  return accepted.size + undecided.size;
}

/** The stored set in a few words, for the conflict's message: what the editor will see on reload. */
function summary(set: LabelSet): string {
  return `it now has ${set.labels.length} labels, threshold ${set.threshold}, margin ${set.margin}`;
}

export class TaggingService {
  private readonly textEmbeddings = new Map<string, Promise<{ matrix: Float32Array; dimension: number }>>();
  private centre: Promise<Float32Array | null> | undefined;
  /** The scope the last decision re-scored, for the next one of the session (decisions only). */
  private readonly rescoreCache = new DecisionRescoreCache();

  constructor(
    private readonly library: TaggingLibrary,
    private readonly options: TaggingOptions = {},
  ) {}

  // ---- label sets ------------------------------------------------------------------------

  /** Validates and stores a set (replacing one of the same name); returns it with what its
   *  labels dropped took along (saveLabelSet). */
  async importLabelSet(json: string, source: string): Promise<{ set: LabelSet; dropped: LabelsDropped }> {
    const set = parseLabelSetJson(json, source);
    return { set, dropped: await this.saveLabelSet(set) };
  }

  /**
   * Stores the set, replacing one of its name. With `expectedRevision` (the revision the editor
   * loaded: labelSetRevision), the save is refused when the stored set is another by now: it
   * was changed or removed elsewhere (a CLI import) while the editor was open, and writing
   * the editor's copy would undo that without a word. Checked on the writable store, in the
   * same call that writes (the caller holds the tag writes' one-at-a-time lock), so nothing
   * can come in between. Returns the labels taken out and what went with them.
   */
  async saveLabelSet(set: LabelSet, options: { expectedRevision?: string } = {}): Promise<LabelsDropped> {
    const checked = parseLabelSet(labelSetToJson(set), `"${set.name}"`);
    const store = await this.library.writable();
    const before = await store.getLabelSet(checked.name);
    const stored = before ? parseLabelSetJson(before.json, `"${checked.name}" (stored)`) : null;
    if (options.expectedRevision !== undefined) {
      if (!stored) throw new LabelSetConflictError(`${checked.name} was removed elsewhere since you opened it: save it as a new set to keep it`);
      if (labelSetRevision(stored) !== options.expectedRevision) throw new LabelSetConflictError(`${checked.name} was changed elsewhere since you opened it (${summary(stored)}): reload to see it`);
    }
    // A label taken out of the set takes its automatic tags with it, every model's (the next
    // tagging would not make them again); the user's decisions on it stay, and count again
    // if it comes back. Before the set is saved: a crash in between leaves the label in the
    // set, its tags to be made again by the next tagging. A label only spelled anew ("red" →
    // "Red") is not taken out: its tags show under the new spelling (labelKey, as reads match).
    const labels = new Set(checked.labels.map((l) => labelKey(l.name)));
    const removed = stored ? stored.labels.map((l) => l.name).filter((l) => !labels.has(labelKey(l))) : [];
    const dropped: LabelsDropped = { labels: removed, tags: 0, decisions: 0 };
    if (removed.length) {
      // Counted for the one line that says so (`labels import`): the decisions before the auto
      // tags go, then every model's auto tags as removed (droppedTagCount).
      const keys = new Set(removed.map(labelKey));
      const decisions = (await store.listTags({ set: checked.name, states: ['accepted', 'rejected'] })).filter((t) => keys.has(labelKey(t.label)));
      dropped.decisions = decisions.length;
      dropped.tags = droppedTagCount(decisions, await store.removeAutoTagsOfLabels(checked.name, removed));
    }
    await store.putLabelSet({ name: checked.name, json: JSON.stringify(labelSetToJson(checked)), updatedAt: Date.now() });
    return dropped;
  }

  async labelSet(name: string): Promise<LabelSet> {
    const record = await (await this.library.readable()).getLabelSet(name);
    if (!record) throw new LabelSetError(`no label set named "${name}" in the library (shoebox labels list)`);
    return parseLabelSetJson(record.json, `"${name}" (stored)`);
  }

  async listLabelSets(): Promise<LabelSet[]> {
    const records = await (await this.library.readable()).listLabelSets();
    return records.map((r) => parseLabelSetJson(r.json, `"${r.name}" (stored)`));
  }

  async exportLabelSet(name: string): Promise<string> {
    return `${JSON.stringify(labelSetToJson(await this.labelSet(name)), null, 2)}\n`;
  }

  /**
   * Removes the set, its automatic tags and its auto-tagged folders. The user's accept/reject
   * decisions on it are kept (keyed by content, set and label, as a label taken out of a set
   * keeps them): a set imported again under the same name finds them, and until then they
   * show nowhere (photoTags, search and albums read only the library's sets). Returns how
   * many decisions were kept.
   */
  async removeLabelSet(name: string): Promise<{ decisions: number }> {
    await this.labelSet(name);
    const store = await this.library.writable();
    const decisions = await store.listTags({ set: name, states: ['accepted', 'rejected'] });
    await store.removeLabelSet(name); // the decisions are not the set's to take along
    return { decisions: decisions.length };
  }

  // ---- tagging ---------------------------------------------------------------------------

  /**
   * Classifies the photos under `folder` (absolute or relative; the whole library when
   * omitted) against the set, stores the tags, and remembers the folder so photos indexed
   * there later are tagged too (unless `remember` is false). Returns every photo of the
   * scope with its tags from this set, user decisions applied, ordered by path.
   */
  async tagFolder(setName: string, folder?: string, options: TagFolderOptions = {}): Promise<PhotoTags[]> {
    const store = await this.library.writable();
    const set = await this.labelSet(setName);
    const scope = folder === undefined ? undefined : path.resolve(folder);
    const prototypes = await this.prototypes(set, store);
    // Decisions on labels the set has now, matched in any case and under the set's spelling:
    // one on a label taken out of it waits, unseen (current-labels.ts).
    const decided = groupByHash(currentTagsOf([set], await store.listTags({ set: set.name, states: ['accepted', 'rejected'] })));
    const photos = await store.countPhotos(scope === undefined ? {} : { folder: scope });
    const scorer = (this.options.scorerFor ?? scorerFor)(photos * (prototypes.labels + (prototypes.shifts?.length ?? 0)) * prototypes.dimension);
    const tags: TagRecord[] = [];
    const hashes: string[] = [];
    const results: PhotoTags[] = [];
    const now = Date.now();
    try {
      await classifyBatches(store.scanVectors(scope === undefined ? {} : { folder: scope }), prototypes, set, scorer, (photoPath, hash, found) => {
        // Stopping mid-way stores nothing: a half-classified scope would look finished.
        options.signal?.throwIfAborted();
        hashes.push(hash);
        const auto = found.map((d) => ({ hash, set: set.name, label: set.labels[d.label]!.name, score: d.confidence, state: 'auto' as const, modelId: this.library.modelId, updatedAt: now }));
        tags.push(...auto);
        results.push({ path: photoPath, tags: applyDecisions(auto, decided.get(hash) ?? []) });
        options.onProgress?.(results.length, photos);
      });
    } finally {
      await scorer.close();
    }
    await store.replaceAutoTags(set.name, scope === undefined ? 'all' : hashes, tags);
    if (options.remember ?? true) await store.addAutoTagFolder(scope ?? WHOLE_LIBRARY, set.name);
    return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * The indexer's hook: tags photos just committed to the library with the sets of the
   * auto-tagged folders they are under. Small batches, so the product runs in JavaScript.
   *
   * Only contents the set has not tagged yet under this model: tags are the content's, so a
   * photo moved, renamed or copied into the folder keeps the ones it has. Classifying it
   * again would score it with the prototypes as the decisions made since have shifted them,
   * while the photos left in place keep their older scores: a plain `mv` would change tags.
   * Scoring everything again is what `shoebox tag` is for. A content counts as tagged when an
   * automatic tag of this model shows for it; one whose every automatic tag a decision hides,
   * or that the set classified as fitting no label, has no row to tell by and is classified
   * again.
   */
  async tagNewPhotos(records: readonly PhotoRecord[]): Promise<void> {
    if (records.length === 0) return;
    const store = await this.library.writable();
    const rules = await store.listAutoTagFolders();
    if (rules.length === 0) return;
    const sets = new Map<string, PhotoRecord[]>();
    for (const record of records) {
      if (record.modelId !== this.library.modelId) continue;
      for (const rule of rules) {
        if (rule.folder !== WHOLE_LIBRARY && !isInside(record.path, rule.folder)) continue;
        const list = sets.get(rule.set) ?? [];
        if (!list.includes(record)) list.push(record);
        sets.set(rule.set, list);
      }
    }
    for (const [name, photos] of sets) {
      const record = await store.getLabelSet(name);
      if (!record) continue; // the set was removed; its folders go with it
      const set = parseLabelSetJson(record.json, `"${name}" (stored)`);
      // Tagged = an automatic tag of this model shows (a decision alone holds under every
      // model: after `models use`, a content with only decisions still gets this model's tags).
      const tagged = new Set((await store.listTags({ set: name, hashes: photos.map((p) => p.hash), states: ['auto'] })).map((t) => t.hash));
      const untagged = photos.filter((p) => !tagged.has(p.hash));
      if (untagged.length === 0) continue;
      const prototypes = await this.prototypes(set, store);
      const batch = toBatch(untagged, prototypes.dimension);
      const tags: TagRecord[] = [];
      const now = Date.now();
      await classifyBatches([batch], prototypes, set, jsScorer(), (_path, hash, found) => {
        for (const d of found) tags.push({ hash, set: set.name, label: set.labels[d.label]!.name, score: d.confidence, state: 'auto', modelId: this.library.modelId, updatedAt: now });
      });
      await store.replaceAutoTags(set.name, batch.hashes, tags);
    }
  }

  /** Folders (WHOLE_LIBRARY: '') whose new photos are tagged, with their sets. */
  async autoTagFolders(): Promise<{ folder: string; set: string }[]> {
    return (await (await this.library.readable()).listAutoTagFolders()).map(({ folder, set }) => ({ folder, set }));
  }

  async stopAutoTagging(folder: string, set?: string): Promise<void> {
    const abs = folder === WHOLE_LIBRARY ? folder : path.resolve(folder);
    await (await this.library.writable()).removeAutoTagFolder(abs, set);
  }

  /**
   * Writes each photo's tags of `sets` into its XMP sidecar (xmp.ts), merging with what the
   * sidecar already holds. One photo failing does not stop the others.
   */
  writeSidecars(results: readonly PhotoTags[], sets: readonly string[]): SidecarReport {
    const report: SidecarReport = { written: 0, unchanged: 0, failed: [] };
    const owned = new Set(sets);
    for (const r of results) {
      try {
        const keywords = r.tags.filter((t) => owned.has(t.set)).map((t) => ({ set: t.set, label: t.label }));
        const { changed } = writeXmpSidecar(r.path, sets, keywords);
        if (changed) report.written++;
        else report.unchanged++;
      } catch (error) {
        report.failed.push({ path: r.path, error: (error as Error).message });
      }
    }
    return report;
  }

  // ---- decisions -------------------------------------------------------------------------

  /**
   * Records the user's decision on one photo's label: 'accepted' keeps the tag whatever
   * later classifications say, 'rejected' removes it for good, 'auto' forgets the decision.
   * Decisions adapt the label at once: the set's suggestions they change are scored again.
   */
  async setTagState(photoPath: string, label: string, state: TagState, setName?: string): Promise<TagDecision> {
    const abs = path.resolve(photoPath);
    const decided = await this.setTagStates([abs], label, state, setName);
    const score = decided.scores.get(abs);
    if (score === undefined) throw new TaggingError(`not in the library: ${abs}`);
    return { path: abs, set: decided.set, label: decided.label, state, was: decided.before.get(abs)!, score, sidecars: decided.sidecars };
  }

  /**
   * The same decision on many photos at once (a selection of thousands): one write for all
   * of them, and the sidecars of all of them updated in one pass, where a decision per photo
   * costs a write (and a table version) each. Paths not in the library are left out.
   */
  async setTagStates(photoPaths: readonly string[], label: string, state: TagState, setName?: string): Promise<TagDecisions> {
    const store = await this.library.writable();
    const set = await this.setWithLabel(label, setName);
    const canonical = set.labels[labelIndex(set, label)]!.name;
    const wanted = [...new Set(photoPaths.map((p) => path.resolve(p)))];
    const rows = await store.photosByPath(wanted);
    const hashes = [...new Set([...rows.values()].map((r) => r.hash))];
    // The label's rows in any spelling (labelKey): a decision recorded as "red" is this
    // label's when the set spells it "Red", and a new decision replaces it where it is stored.
    const key = labelKey(canonical);
    const stored = (hashes.length ? await store.listTags({ set: set.name, hashes }) : []).filter((t) => labelKey(t.label) === key);
    const existing = new Map(currentTagsOf([set], stored).map((t) => [t.hash, t]));
    const spellings = new Map<string, Set<string>>();
    for (const t of stored) if (t.state !== 'auto') spellings.set(t.hash, (spellings.get(t.hash) ?? new Set()).add(t.label));
    const now = Date.now();
    const decided = hashes.flatMap((hash): TagRecord[] => {
      const old = existing.get(hash);
      const score = old?.score ?? (state === 'accepted' ? 1 : 0);
      const modelId = old?.modelId ?? this.library.modelId;
      return [...(spellings.get(hash) ?? [canonical])].map((l) => ({ hash, set: set.name, label: l, score, state, modelId, updatedAt: now }));
    });
    const before = new Map(hashes.map((hash) => [hash, existing.get(hash)?.state ?? 'auto'] as const));
    // This decision's writes are the only ones from here to end(): if nobody wrote since the
    // last decision, the scope it re-scored is still the stored one (decision-rescore-cache.ts).
    await this.rescoreCache.begin(store);
    let written = false;
    try {
      await store.putTags(decided);
      // The label learns from the decision at once: the suggestions it changes (this photo's
      // other labels, photos like it) are scored again now, as `shoebox tag` would score them,
      // so what shows after a decision is what a later `tag` or re-index gives (decision-rescore.ts).
      if (hashes.some((hash) => before.get(hash) !== state)) await this.rescore(store, set, false, hashes);
      written = true;
    } finally {
      await this.rescoreCache.end(store, written);
    }
    const scoreOf = new Map(decided.map((t) => [t.hash, t.score]));
    return {
      set: set.name,
      label: canonical,
      scores: new Map([...rows].map(([p, row]) => [p, scoreOf.get(row.hash)!])),
      before: new Map([...rows].map(([p, row]) => [p, before.get(row.hash)!])),
      sidecars: await this.updateSidecars(store, hashes, set),
    };
  }

  /**
   * Readies the set for a review session: re-scores its suggestions now, as the next decision
   * would (decision-rescore.ts), and keeps the scope that decision then re-scores from, so the
   * session's first accept or reject costs what the later ones cost instead of a read of the
   * whole scope (seconds at 100k photos). The app calls it when the review screen opens, in
   * the background; the caller queues it with the tag writes, like a decision. Stored
   * suggestions that were not a fresh `tag` run's (a set edited since) become so: returns
   * whether it wrote anything, so a list read before is read again.
   */
  async prepareDecisions(setName: string): Promise<boolean> {
    const store = await this.library.writable();
    const set = await this.labelSet(setName);
    const versioned = store as TaggingStore & Partial<Pick<PhotoLookups, 'dataVersion'>>;
    const version = () => versioned.dataVersion?.().catch(() => undefined);
    await this.rescoreCache.begin(store);
    let written = false;
    try {
      const before = await version();
      // The library's centre too: the first decision learns from it when no decision did yet.
      await this.rescore(store, set, true);
      written = true;
      const after = await version();
      return before === undefined || after !== before;
    } finally {
      await this.rescoreCache.end(store, written);
    }
  }

  /** The set's suggestions scored again as the decisions now shape them (inside begin/end of the cache). */
  private async rescore(store: TaggingStore, set: LabelSet, withCentre = false, decided: readonly string[] = []): Promise<void> {
    const prototypes = async () => {
      if (withCentre) await this.libraryCentre(store);
      return this.prototypes(set, store);
    };
    await rescoreTaggedPhotos(store, set, prototypes, this.library.modelId, this.options.scorerFor ?? scorerFor, this.rescoreCache, decided);
  }

  /**
   * After a decision: rewrites the set's keywords in the sidecars that already carry the set
   * (written by `--write-xmp` before), for every path with this content. A photo without a
   * sidecar, or whose sidecar the set never wrote, is left alone: writing XMP stays opt-in.
   */
  private async updateSidecars(store: TaggingStore, hashes: readonly string[], labelSet: LabelSet): Promise<SidecarReport> {
    const set = labelSet.name;
    const report: SidecarReport = { written: 0, unchanged: 0, failed: [] };
    if (hashes.length === 0) return report;
    const carrying = new Map<string, string[]>();
    for (const [hash, paths] of await store.libraryPathsByHash(hashes)) {
      const withSet = paths.filter((p) => {
        try {
          return xmpSets(fs.readFileSync(sidecarPath(p), 'utf8')).has(set);
        } catch (error) {
          // No sidecar: nothing to update. One that cannot be read: writeSidecars says so.
          return (error as NodeJS.ErrnoException).code !== 'ENOENT';
        }
      });
      if (withSet.length) carrying.set(hash, withSet);
    }
    if (carrying.size === 0) return report;
    const keywords = new Map<string, ShownTag[]>();
    // Every state: a rejection recorded in another spelling hides the model's tag (current-labels.ts).
    for (const t of currentTagsOf([labelSet], await store.listTags({ set, hashes: [...carrying.keys()] })).filter(isShown)) {
      const shown = keywords.get(t.hash) ?? [];
      shown.push({ label: t.label, set, score: t.score, state: t.state as ShownTag['state'] });
      keywords.set(t.hash, shown);
    }
    return this.writeSidecars(
      [...carrying].flatMap(([hash, paths]) => paths.map((p) => ({ path: p, tags: keywords.get(hash) ?? [] }))),
      [set],
    );
  }

  private async setWithLabel(label: string, setName?: string): Promise<LabelSet> {
    if (setName !== undefined) {
      const set = await this.labelSet(setName);
      if (labelIndex(set, label) < 0) throw new LabelSetError(`label set "${setName}" has no label "${label}"`);
      return set;
    }
    const sets = (await this.listLabelSets()).filter((s) => labelIndex(s, label) >= 0);
    if (sets.length === 0) throw new LabelSetError(`no label set has the label "${label}"`);
    if (sets.length > 1) {
      // Quoted as the shell needs it ("🌈 Rainbow" is two words bare), so the hint pastes as it is.
      const options = sets.map((s) => `--set ${shellWord(s.name)}`);
      throw new LabelSetError(`the label "${label}" is in several sets (${sets.map((s) => s.name).join(', ')}): choose one with ${options.slice(0, -1).join(', ')} or ${options.at(-1)!}`);
    }
    return sets[0]!;
  }

  // ---- reading tags ----------------------------------------------------------------------

  /** Photos (under `folder`, or all) with their tags (not the rejected ones), ordered by path. */
  async photoTags(options: { folder?: string; set?: string } = {}): Promise<PhotoTags[]> {
    const store = await this.library.readable();
    const photos = await store.listPhotos(options.folder === undefined ? {} : { folder: path.resolve(options.folder) });
    // Decisions on a removed set, or on a label taken out of a set, wait unseen for its return.
    // Every state read: a rejection hides the model's tag on its label in any spelling.
    const tags = (await onCurrentLabels(store, await store.listTags(options.set !== undefined ? { set: options.set } : {}))).filter(isShown);
    const byHash = new Map<string, ShownTag[]>();
    for (const t of tags) {
      const list = byHash.get(t.hash) ?? [];
      list.push({ label: t.label, set: t.set, score: t.score, state: t.state as ShownTag['state'] });
      byHash.set(t.hash, list);
    }
    return photos.map((p) => ({ path: p.path, tags: [...(byHash.get(p.hash) ?? [])].sort(byScore) }));
  }

  /**
   * Paths of photos with this label (auto or accepted), the label matched as search's `--tag`
   * matches it (src/core/search/tag-filter.ts): trimmed, case-insensitively, in every set that
   * has it (or only `set`). A label no set has is refused, as search refuses it.
   */
  async pathsWithTag(label: string, set?: string): Promise<string[]> {
    const sets = set === undefined ? await this.listLabelSets() : [await this.labelSet(set)];
    const named = sets.filter((s) => labelIndex(s, label) >= 0);
    if (named.length === 0) throw new LabelSetError(set === undefined ? `no label set has the label "${label.trim()}" (shoebox labels list)` : `label set "${set}" has no label "${label.trim()}"`);
    const store = await this.library.readable();
    // The model's own suggestions and the user's decisions (listTags); the photos holding
    // them are the library's, not only those the model in use has embedded.
    // Any spelling of the label: decisions in another count, a rejection hides the model's tag.
    const hashes = await hashesShowingLabel(store, named, label);
    const paths = await store.libraryPathsByHash([...hashes]);
    return [...new Set([...paths.values()].flat())].sort();
  }

  // ---- prototypes ------------------------------------------------------------------------

  /** The set's label prototypes for the library's model: text ensembles, with the shifts the decisions learned. */
  async prototypes(set: LabelSet, store: TaggingStore): Promise<Prototypes> {
    const text = await this.textPrototypes(set);
    const prototypes: Prototypes = { matrix: text.matrix, labels: set.labels.length, dimension: text.dimension };
    // Decisions in any spelling of the set's labels, one per photo and label (current-labels.ts).
    const decided = currentTagsOf([set], await store.listTags({ set: set.name, states: ['accepted', 'rejected'] }));
    if (decided.length === 0) return prototypes;
    const vectors = await store.vectorsByHash(decided.map((t) => t.hash));
    const examples = new Map<number, LabelExamples>();
    for (const t of decided) {
      const i = labelIndex(set, t.label);
      const v = vectors.get(t.hash);
      if (i < 0 || !v || v.length !== text.dimension) continue;
      const ex = examples.get(i) ?? { accepted: [], rejected: [] };
      (t.state === 'accepted' ? ex.accepted : ex.rejected).push(v);
      examples.set(i, ex);
    }
    if (examples.size === 0) return prototypes;
    const centre = (await this.libraryCentre(store)) ?? new Float32Array(text.dimension);
    const shifts = [...examples].flatMap(([i, ex]) => learnShifts(prototypes, i, ex, centre, set));
    return { ...prototypes, shifts };
  }

  private textPrototypes(set: LabelSet): Promise<{ matrix: Float32Array; dimension: number }> {
    const key = JSON.stringify([this.library.modelId, labelSetToJson(set).labels, set.templates ?? null]);
    let cached = this.textEmbeddings.get(key);
    if (!cached) {
      cached = labelTextEmbeddings(this.library.labelEmbedder?.() ?? this.library.clip(), set);
      cached.catch(() => this.textEmbeddings.delete(key));
      this.textEmbeddings.set(key, cached);
    }
    return cached;
  }

  /** Mean image embedding of the library (adaptation.ts centres examples on it); once per service. */
  private libraryCentre(store: TaggingStore): Promise<Float32Array | null> {
    this.centre ??= (async () => {
      let sum: Float64Array | null = null;
      let count = 0;
      for await (const batch of store.scanVectors()) {
        const d = batch.dimension;
        sum ??= new Float64Array(d);
        for (let i = 0; i < batch.paths.length; i++) for (let k = 0; k < d; k++) sum[k]! += batch.vectors[i * d + k]!;
        count += batch.paths.length;
      }
      return sum && count ? Float32Array.from(sum, (x) => x / count) : null;
    })();
    this.centre.catch(() => (this.centre = undefined));
    return this.centre;
  }
}

/**
 * The indexer's hook, ready to plug in: LibraryService passes it as
 * `onPhotosCommitted` and the indexer calls it after each committed batch. Calls run one
 * after another; a failure is reported through `onError` and never stops indexing (the
 * photos are still indexed; `shoebox tag` tags them later).
 */
export function autoTagHook(tagging: TaggingService, onError: (error: Error) => void): (records: readonly PhotoRecord[]) => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return (records) => {
    chain = chain.then(() => tagging.tagNewPhotos(records)).catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
    return chain;
  };
}

function byScore(a: ShownTag, b: ShownTag): number {
  return b.score - a.score || a.set.localeCompare(b.set) || a.label.localeCompare(b.label);
}

/** A photo's tags from one classification, with the user's decisions on that photo applied. */
function applyDecisions(auto: TagRecord[], mine: TagRecord[]): ShownTag[] {
  const rejected = new Set(mine.filter((d) => d.state === 'rejected').map((d) => d.label));
  const tags: ShownTag[] = auto.filter((t) => !rejected.has(t.label)).map((t) => ({ label: t.label, set: t.set, score: t.score, state: 'auto' }));
  for (const d of mine) {
    if (d.state !== 'accepted') continue;
    const found = tags.find((t) => t.label === d.label);
    if (found) found.state = 'accepted';
    else tags.push({ label: d.label, set: d.set, score: d.score, state: 'accepted' });
  }
  return tags.sort(byScore);
}

function groupByHash(tags: TagRecord[]): Map<string, TagRecord[]> {
  const map = new Map<string, TagRecord[]>();
  for (const t of tags) {
    const list = map.get(t.hash);
    if (list) list.push(t);
    else map.set(t.hash, [t]);
  }
  return map;
}

function toBatch(records: readonly PhotoRecord[], dimension: number): VectorBatch {
  const vectors = new Float32Array(records.length * dimension);
  records.forEach((r, i) => {
    if (r.vector.length !== dimension) throw new Error(`Photo ${r.path} has a ${r.vector.length}-d vector; the label prototypes are ${dimension}-d`);
    vectors.set(r.vector, i * dimension);
  });
  return { paths: records.map((r) => r.path), hashes: records.map((r) => r.hash), dimension, vectors };
}
