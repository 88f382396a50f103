// LibraryApi's tag methods over src/core/tags. Tagging a folder is a background job like
// indexing (it writes the library); the user's decisions and label-set edits are small
// writes answered at once. The reads (review list, counts) are in tags-review.ts, the tag
// filter's choices in tag-choices.ts.
// TagsForeground is what the CLI asks beyond LibraryApi (`shoebox tag`, `tags`, `labels`):
// the same service, jobs and label policy, answered with the whole result.
import fs from 'node:fs';
import path from 'node:path';
import type { BatchResult, JobState, LabelSetInfo, LabelSetInput, PhotoTag, TagChoice, TagCount, TagReviewOptions, TagReviewPage, TagState } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import { isInside } from '../../base/path-inside';
import { shellWord } from '../../base/shell-word';
import { builtinLabelSets, resolveLabelSetFile } from '../tags/builtin-label-sets';
import { labelIndex, labelSetRevision, labelSetToJson, parseLabelSet, parseLabelSetJson, type LabelSet } from '../tags/label-set';
import { LabelSetError } from '../tags/label-set';
import { TaggingService, WHOLE_LIBRARY, type LabelsDropped, type PhotoTags, type SidecarReport, type TagDecision } from '../tags/tagging-service';
import type { ApiContext, ApiMethods } from './api-context';
import { runNow } from './run-now';
import { pathFromPhotoId } from './photo-id';
import { toTags } from './photo-views';
import { countTags, reviewPage } from './tags-review';
import { tagChoices } from './tag-choices';
import { autoTagsWaitNote } from './auto-tags-wait';
import { indexJobResult } from '../library/index-summary';
import { onCurrentLabels } from '../tags/current-labels';
import { parseAlbum } from '../albums/album';

export type TagsMethods = ApiMethods<'listLabelSets' | 'shippedLabelSets' | 'saveLabelSet' | 'removeLabelSet' | 'tagFolder' | 'stopAutoTagging' | 'tagCounts' | 'tagChoices' | 'reviewTags' | 'prepareTagDecisions' | 'setTagState' | 'setTagStates'>;

export type { PhotoTags, SidecarReport, TagDecision };

/** The CLI's share: the whole answer of each step, by path. */
export interface TagsForeground {
  /** Imports a label set file, or a shipped set by name (`--labels scenes`); a missing file
   *  or an invalid set is a LabelSetError (the caller's mistake). */
  importLabelSetFile(fileOrShippedName: string): Promise<LabelSetImport>;
  /** The set as its import format (JSON text, pretty-printed). */
  exportLabelSet(name: string): Promise<string>;
  /** Tags `folder` (null: the whole library) as a job, awaited: a folder not in the library
   *  is indexed (and added) first, as `shoebox index` would. `remember`: keep tagging photos
   *  indexed there later. Every photo of the scope with its tags from the set, by path. */
  tagNow(set: string, folder: string | null, options: { remember: boolean }): Promise<PhotoTags[]>;
  /** Writes the results' tags into XMP sidecars, merged with what they hold. */
  writeTagSidecars(results: PhotoTags[], sets: string[]): Promise<SidecarReport>;
  /** Photos (under `folder`, or all) with their current tags, by path. */
  photoTags(options?: { folder?: string; set?: string }): Promise<PhotoTags[]>;
  /** Paths carrying the label, matched as search's --tag matches it (any set, any case). */
  pathsWithTag(label: string, set?: string): Promise<string[]>;
  /** Why no automatic tag shows: the model in use has embedded none of the photos yet (one
   *  line, auto-tags-wait.ts), or null. The user's accepted tags show under every model. */
  autoTagsNote(): Promise<string | null>;
  /** setTagState by path, with the sidecars it updated; without `set`, the one set with the label. */
  decideTag(photoPath: string, label: string, state: TagState, set?: string): Promise<TagDecision>;
  /** Auto-tagged folders (null: the whole library) with their sets. */
  autoTagFolders(): Promise<{ folder: string | null; set: string }[]>;
  /** stopAutoTagging without needing the set: every set of that folder when none is given. */
  stopAutoTaggingIn(folder: string | null, set?: string): Promise<void>;
  /** removeLabelSet, saying what it leaves: the decisions kept, and the albums whose tag filter
   *  only this set had (they match nothing until the set is imported again). */
  removeLabelSetReport(name: string): Promise<LabelSetRemoval>;
}

/** An import, with what replacing a set of its name took out (absent for a new set or a shipped
 *  set already in the library). */
export interface LabelSetImport extends LabelSetInfo {
  dropped?: LabelsDroppedReport;
}

/** Labels an import took out of a set: the photos that showed them, the decisions kept (as
 *  `labels remove` keeps them), and the albums whose tag filter now matches nothing. */
export interface LabelsDroppedReport extends LabelsDropped {
  albums: string[];
}

export interface LabelSetRemoval {
  name: string;
  /** The user's accept/reject decisions on the set: kept, found again by a set of that name. */
  decisions: number;
  /** Albums whose `tag` filter names a label no remaining set has, by name. */
  albums: string[];
}

/** How often a tagging job reports progress (it classifies thousands of photos a second). */
const PROGRESS_EVERY_MS = 250;

export function tagsApi(ctx: ApiContext): TagsMethods & TagsForeground {
  // One service per opened library: it caches the sets' label text embeddings, which cost
  // a text-model run per prompt. A reopened library (another model) gets a fresh one.
  const services = new WeakMap<LibraryService, TaggingService>();
  const tagging = async (): Promise<{ lib: LibraryService; tags: TaggingService }> => {
    const lib = await ctx.need();
    let tags = services.get(lib);
    if (!tags) services.set(lib, (tags = new TaggingService(lib)));
    return { lib, tags };
  };
  // Tag writes from the UI, from tagging jobs and from the duplicates trash's hand-over go one
  // at a time: LanceDB commits to one table from two calls at once can conflict.
  const serial = ctx.writes.tags;
  /** Which set each queued or running tagging job is for, so removing a set can stop them. */
  const jobSets = new Map<string, string>();
  /** The review screen's readying of a set, queued or running: opening it again joins that one. */
  const preparing = new Map<string, Promise<boolean>>();

  const info = async (tags: TaggingService, set: LabelSet): Promise<LabelSetInfo> => {
    const folders = (await tags.autoTagFolders()).filter((f) => f.set === set.name).map((f) => f.folder);
    return { name: set.name, labels: set.labels.map((l) => ({ name: l.name, prompts: [...l.prompts] })), threshold: set.threshold, margin: set.margin, templates: set.templates ?? null, autoFolders: folders, revision: labelSetRevision(set) };
  };

  /** The tagging job of the app and the CLI: `results` resolves with its answer (or its own error). */
  const startTagging = (tags: TaggingService, set: LabelSet, scope: string | null, remember: boolean): { job: JobState; results: Promise<PhotoTags[]> } => {
    let job!: JobState;
    const results = runNow(ctx.jobs, 'tag', scope ?? WHOLE_LIBRARY, async (signal) => {
      try {
        let last = 0;
        const started = Date.now();
        const onProgress = (done: number, total: number) => {
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS && done < total) return;
          last = now;
          const rate = done / Math.max(0.001, (now - started) / 1000);
          ctx.jobs.progress({ done, total, rate, etaSeconds: rate > 0 ? (total - done) / rate : null });
        };
        const results = await serial(() => tags.tagFolder(set.name, scope ?? undefined, { signal, onProgress, remember }));
        const tagged = results.filter((r) => r.tags.length > 0).length;
        const summary = `tagged ${tagged.toLocaleString('en')} of ${results.length.toLocaleString('en')} photos with ${set.name}`;
        return { value: results, result: { added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, summary } };
      } finally {
        jobSets.delete(job.id);
      }
    }, undefined, (queued) => {
      job = queued;
      jobSets.set(queued.id, set.name);
    });
    // The app follows the job by its events; nobody awaits `results` then.
    results.catch(() => undefined);
    return { job, results };
  };

  /** `shoebox tag FOLDER`: a folder outside the library is indexed (and added) first, as a job. */
  const indexedFirst = async (lib: LibraryService, folder: string): Promise<void> => {
    const abs = path.resolve(folder);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new Error(`not a folder: ${abs}`);
    const folders = (await (await lib.readable()).listFolders()).map((f) => f.path);
    if (folders.some((f) => f === abs || isInside(abs, f))) return;
    await runNow(ctx.jobs, 'index', abs, async (signal) => {
      const s = await lib.index([abs], signal);
      return { value: s, result: indexJobResult(s) };
    });
    ctx.emit({ type: 'folders-changed' });
  };

  /** A library folder or a folder under one, as an absolute path; null for the whole library. */
  const scopeOf = async (lib: LibraryService, folder: string | null): Promise<string | null> => {
    if (folder === null || folder === WHOLE_LIBRARY) return null;
    const abs = path.resolve(folder);
    const folders = (await (await lib.readable()).listFolders()).map((f) => f.path);
    if (!folders.some((f) => f === abs || isInside(abs, f))) throw new Error(`${abs} is not in the library: add it as a folder first`);
    return abs;
  };

  /** Albums whose `tag` filter names a label none of `remaining` has: they match nothing now. */
  const albumsLeftWithout = async (remaining: LabelSet[]): Promise<string[]> => {
    const { lib } = await tagging();
    return (await (await lib.readable()).listAlbums()).flatMap((record) => {
      const tag = parseAlbum(record.json).filters.tag;
      return tag !== undefined && !remaining.some((set) => labelIndex(set, tag) >= 0) ? [record.name] : [];
    });
  };

  /** Stops the set's tagging jobs, then removes it (its decisions stay: TaggingService.removeLabelSet). */
  const removeSet = async (name: string): Promise<{ decisions: number }> => {
    const { tags } = await tagging();
    await ctx.jobs.cancel((job) => job.kind === 'tag' && jobSets.get(job.id) === name);
    return serial(() => tags.removeLabelSet(name));
  };

  return {
    async listLabelSets(): Promise<LabelSetInfo[]> {
      if (!(await ctx.open())) return [];
      const { tags } = await tagging();
      return Promise.all((await tags.listLabelSets()).map((set) => info(tags, set)));
    },

    async shippedLabelSets(): Promise<LabelSetInput[]> {
      // Read from the files each time (a few KB): nothing of the library's, no model needed.
      return builtinLabelSets().map((name) => {
        const file = resolveLabelSetFile(name)!;
        return labelSetToJson(parseLabelSetJson(fs.readFileSync(file, 'utf8'), path.basename(file)));
      });
    },

    async saveLabelSet(input: LabelSetInput, previousName?: string, expectedRevision?: string): Promise<LabelSetInfo> {
      const { tags } = await tagging();
      const set = parseLabelSet(input, `"${input.name.trim()}"`);
      await serial(async () => {
        // Tags and decisions belong to a set's name: a new set never takes an existing one's.
        if (previousName !== undefined && previousName !== set.name) throw new LabelSetError(`a label set keeps its name ("${previousName}"): its tags and decisions belong to it`);
        if (previousName === undefined && (await tags.listLabelSets()).some((s) => s.name === set.name)) {
          throw new LabelSetError(`a label set named "${set.name}" already exists: open it to change its labels, or choose another name`);
        }
        // The revision is compared inside this one-at-a-time write, with the write (TaggingService).
        await tags.saveLabelSet(set, expectedRevision === undefined ? {} : { expectedRevision });
      });
      return info(tags, set);
    },

    async removeLabelSet(name: string): Promise<void> {
      await removeSet(name);
    },

    async removeLabelSetReport(name: string): Promise<LabelSetRemoval> {
      const { tags } = await tagging();
      const { decisions } = await removeSet(name);
      return { name, decisions, albums: await albumsLeftWithout(await tags.listLabelSets()) };
    },

    async tagFolder(setName: string, folder: string | null): Promise<JobState> {
      const { lib, tags } = await tagging();
      // Checked now, so a mistake reaches the caller rather than a failed job.
      const set = await tags.labelSet(setName);
      return startTagging(tags, set, await scopeOf(lib, folder), true).job;
    },

    async tagNow(setName: string, folder: string | null, options: { remember: boolean }): Promise<PhotoTags[]> {
      const { lib, tags } = await tagging();
      const set = await tags.labelSet(setName);
      if (folder !== null) await indexedFirst(lib, folder);
      return startTagging(tags, set, await scopeOf(lib, folder), options.remember).results;
    },

    async stopAutoTagging(setName: string, folder: string | null): Promise<void> {
      const { tags } = await tagging();
      const set = await tags.labelSet(setName);
      const abs = folder === null || folder === WHOLE_LIBRARY ? WHOLE_LIBRARY : path.resolve(folder);
      await serial(() => tags.stopAutoTagging(abs, set.name));
    },

    async tagCounts(): Promise<TagCount[]> {
      const lib = await ctx.open();
      if (!lib) return [];
      const { tags } = await tagging();
      return countTags(await lib.readable(), await tags.listLabelSets());
    },

    async tagChoices(): Promise<TagChoice[]> {
      const lib = await ctx.open();
      if (!lib) return [];
      const { tags } = await tagging();
      return tagChoices(await lib.readable(), await tags.listLabelSets());
    },

    async reviewTags(options: TagReviewOptions): Promise<TagReviewPage> {
      const { lib, tags } = await tagging();
      const set = await tags.labelSet(options.set);
      const { offset, limit } = ctx.page(options);
      return reviewPage(await lib.readable(), { set, label: options.label === undefined ? undefined : canonicalLabel(set, options.label), state: options.state ?? 'auto', offset, limit });
    },

    async prepareTagDecisions(setName: string): Promise<boolean> {
      const { tags } = await tagging();
      let ready = preparing.get(setName);
      if (!ready) {
        // Queued with the tag writes, like a decision: one that comes meanwhile waits for it
        // and then re-scores from the scope it kept, rather than reading the whole scope again.
        ready = serial(() => tags.prepareDecisions(setName)).finally(() => preparing.delete(setName));
        preparing.set(setName, ready);
      }
      return ready;
    },

    async setTagState(id: string, setName: string, label: string, state: TagState): Promise<PhotoTag[]> {
      const { lib, tags } = await tagging();
      const photoPath = pathFromPhotoId(id);
      const row = photoPath ? await (await lib.readable()).getPhoto(photoPath) : null;
      if (!row) throw new Error('that photo is not in the library (any more)');
      const decision = await serial(() => tags.setTagState(row.path, label, state, setName));
      // The sidecars the set wrote follow the decision; one that could not be updated is said.
      for (const f of decision.sidecars.failed) ctx.emit({ type: 'log', level: 'warn', message: `XMP sidecar not updated: ${f.path}: ${f.error}` });
      const store = await lib.readable();
      return toTags(await onCurrentLabels(store, await store.listTags({ hashes: [row.hash] })));
    },

    async setTagStates(ids: string[], setName: string, label: string, state: TagState): Promise<BatchResult> {
      const { tags } = await tagging();
      const paths = ids.flatMap((id) => pathFromPhotoId(id) ?? []);
      const decided = await serial(() => tags.setTagStates(paths, label, state, setName));
      for (const f of decided.sidecars.failed) ctx.emit({ type: 'log', level: 'warn', message: `XMP sidecar not updated: ${f.path}: ${f.error}` });
      // `unchanged` (absent: none): of `done`, the photos whose tag had this state already (the CLI's "was accepted already").
      const unchanged = [...decided.before.values()].filter((was) => was === state).length;
      return { done: decided.scores.size, missing: new Set(ids).size - decided.scores.size, ...(unchanged ? { unchanged } : {}) };
    },

    async importLabelSetFile(value: string): Promise<LabelSetImport> {
      const { tags } = await tagging();
      const file = resolveLabelSetFile(value);
      if (!file) {
        // A set imported before is the library's, named rather than read from a file.
        const own = (await tags.listLabelSets()).find((s) => s.name === value);
        if (own) throw new LabelSetError(`label set file not found: ${value}; "${value}" is a label set of the library already: --set ${shellWord(value)} uses it`);
        throw new LabelSetError(`label set file not found: ${value} (shipped sets: ${builtinLabelSets().join(', ') || 'none'})`);
      }
      // A shipped set asked for by name (`--labels scenes`) is the library's own once it is
      // there: the user may have changed it, and asking for it by name is not asking to undo that.
      const text = fs.readFileSync(file, 'utf8');
      if (!fs.existsSync(value)) {
        const name = parseLabelSetJson(text, path.basename(file)).name;
        const own = (await tags.listLabelSets()).find((s) => s.name === name);
        if (own) {
          ctx.emit({ type: 'log', level: 'info', message: `label set "${name}" is already in the library: used as it is there (shoebox labels remove ${name}, then import it, starts again from the shipped one)` });
          return info(tags, own);
        }
      }
      const { set, dropped } = await serial(() => tags.importLabelSet(text, path.basename(file)));
      // Labels the new file lacks went with their tags; the albums filtering by them are said
      // as `labels remove` says them.
      const albums = dropped.labels.length ? await albumsLeftWithout(await tags.listLabelSets()) : [];
      return { ...(await info(tags, set)), dropped: { ...dropped, albums } };
    },

    async exportLabelSet(name: string): Promise<string> {
      return (await tagging()).tags.exportLabelSet(name);
    },

    async writeTagSidecars(results: PhotoTags[], sets: string[]): Promise<SidecarReport> {
      return (await tagging()).tags.writeSidecars(results, sets);
    },

    async photoTags(options: { folder?: string; set?: string } = {}): Promise<PhotoTags[]> {
      return (await tagging()).tags.photoTags(options);
    },

    async pathsWithTag(label: string, set?: string): Promise<string[]> {
      return (await tagging()).tags.pathsWithTag(label, set);
    },

    async autoTagsNote(): Promise<string | null> {
      const lib = await ctx.need();
      // No model on this device: nothing is tagged here anyway, and no model to name.
      if (lib.modelMissing) return null;
      return autoTagsWaitNote(await lib.readable(), lib.modelId);
    },

    async decideTag(photoPath: string, label: string, state: TagState, set?: string): Promise<TagDecision> {
      const { tags } = await tagging();
      return serial(() => tags.setTagState(photoPath, label, state, set));
    },

    async autoTagFolders(): Promise<{ folder: string | null; set: string }[]> {
      const { tags } = await tagging();
      return (await tags.autoTagFolders()).map((f) => ({ folder: f.folder === WHOLE_LIBRARY ? null : f.folder, set: f.set }));
    },

    async stopAutoTaggingIn(folder: string | null, set?: string): Promise<void> {
      const { tags } = await tagging();
      await serial(() => tags.stopAutoTagging(folder === null ? WHOLE_LIBRARY : path.resolve(folder), set));
    },
  };
}

/** The label as the set spells it; a one-line error naming the set when it has no such label. */
function canonicalLabel(set: LabelSet, label: string): string {
  const i = labelIndex(set, label);
  if (i < 0) throw new LabelSetError(`label set "${set.name}" has no label "${label}"`);
  return set.labels[i]!.name;
}
