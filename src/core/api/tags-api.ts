// LibraryApi's tag methods over src/core/tags. Tagging a folder is a background job like
// indexing (it writes the library); the user's decisions and label-set edits are small
// writes answered at once. The reads (review list, counts) are in tags-review.ts.
import path from 'node:path';
import type { JobResult, JobState, LabelSetInfo, LabelSetInput, PhotoTag, TagCount, TagReviewOptions, TagReviewPage, TagState } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import { isInside } from '../library/scan';
import { labelIndex, parseLabelSet, type LabelSet } from '../tags/label-set';
import { LabelSetError } from '../tags/label-set';
import { TaggingService, WHOLE_LIBRARY } from '../tags/tagging-service';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId } from './photo-id';
import { toTags } from './photo-views';
import { countTags, reviewPage } from './tags-review';

export type TagsMethods = ApiMethods<'listLabelSets' | 'saveLabelSet' | 'removeLabelSet' | 'tagFolder' | 'stopAutoTagging' | 'tagCounts' | 'reviewTags' | 'setTagState'>;

/** How often a tagging job reports progress (it classifies thousands of photos a second). */
const PROGRESS_EVERY_MS = 250;

export function tagsApi(ctx: ApiContext): TagsMethods {
  // One service per opened library: it caches the sets' label text embeddings, which cost
  // a text-model run per prompt. A reopened library (another model) gets a fresh one.
  const services = new WeakMap<LibraryService, TaggingService>();
  const tagging = async (): Promise<{ lib: LibraryService; tags: TaggingService }> => {
    const lib = await ctx.need();
    let tags = services.get(lib);
    if (!tags) services.set(lib, (tags = new TaggingService(lib)));
    return { lib, tags };
  };
  // Tag writes from the UI and from tagging jobs go one at a time: LanceDB commits to one
  // table from two calls at once can conflict.
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = writes.then(fn, fn);
    writes = next.catch(() => undefined);
    return next;
  };
  /** Which set each queued or running tagging job is for, so removing a set can stop them. */
  const jobSets = new Map<string, string>();

  const info = async (tags: TaggingService, set: LabelSet): Promise<LabelSetInfo> => {
    const folders = (await tags.autoTagFolders()).filter((f) => f.set === set.name).map((f) => f.folder);
    return { name: set.name, labels: set.labels.map((l) => ({ name: l.name, prompts: [...l.prompts] })), threshold: set.threshold, margin: set.margin, templates: set.templates ?? null, autoFolders: folders };
  };

  /** A library folder or a folder under one, as an absolute path; null for the whole library. */
  const scopeOf = async (lib: LibraryService, folder: string | null): Promise<string | null> => {
    if (folder === null || folder === WHOLE_LIBRARY) return null;
    const abs = path.resolve(folder);
    const folders = (await (await lib.readable()).listFolders()).map((f) => f.path);
    if (!folders.some((f) => f === abs || isInside(abs, f))) throw new Error(`${abs} is not in the library: add it as a folder first`);
    return abs;
  };

  return {
    async listLabelSets(): Promise<LabelSetInfo[]> {
      if (!(await ctx.open())) return [];
      const { tags } = await tagging();
      return Promise.all((await tags.listLabelSets()).map((set) => info(tags, set)));
    },

    async saveLabelSet(input: LabelSetInput): Promise<LabelSetInfo> {
      const { tags } = await tagging();
      const set = parseLabelSet(input, `"${input.name.trim()}"`);
      await serial(() => tags.saveLabelSet(set));
      return info(tags, set);
    },

    async removeLabelSet(name: string): Promise<void> {
      const { tags } = await tagging();
      await ctx.jobs.cancel((job) => job.kind === 'tag' && jobSets.get(job.id) === name);
      await serial(() => tags.removeLabelSet(name));
    },

    async tagFolder(setName: string, folder: string | null): Promise<JobState> {
      const { lib, tags } = await tagging();
      // Checked now, so a mistake reaches the caller rather than a failed job.
      const set = await tags.labelSet(setName);
      const scope = await scopeOf(lib, folder);
      const job = ctx.jobs.enqueue('tag', scope ?? WHOLE_LIBRARY, async (signal): Promise<JobResult> => {
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
          const results = await serial(() => tags.tagFolder(set.name, scope ?? undefined, { signal, onProgress }));
          const tagged = results.filter((r) => r.tags.length > 0).length;
          return { added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, summary: `tagged ${tagged.toLocaleString('en')} of ${results.length.toLocaleString('en')} photos with ${set.name}` };
        } finally {
          jobSets.delete(job.id);
        }
      });
      jobSets.set(job.id, set.name);
      return job;
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

    async reviewTags(options: TagReviewOptions): Promise<TagReviewPage> {
      const { lib, tags } = await tagging();
      const set = await tags.labelSet(options.set);
      const { offset, limit } = ctx.page(options);
      return reviewPage(await lib.readable(), { set, label: options.label === undefined ? undefined : canonicalLabel(set, options.label), state: options.state ?? 'auto', offset, limit });
    },

    async setTagState(id: string, setName: string, label: string, state: TagState): Promise<PhotoTag[]> {
      const { lib, tags } = await tagging();
      const photoPath = pathFromPhotoId(id);
      const row = photoPath ? await (await lib.readable()).getPhoto(photoPath) : null;
      if (!row) throw new Error('that photo is not in the library (any more)');
      const decision = await serial(() => tags.setTagState(row.path, label, state, setName));
      // The sidecars the set wrote follow the decision; one that could not be updated is said.
      for (const f of decision.sidecars.failed) ctx.emit({ type: 'log', level: 'warn', message: `XMP sidecar not updated: ${f.path}: ${f.error}` });
      return toTags(await (await lib.readable()).listTags({ hashes: [row.hash] }));
    },
  };
}

/** The label as the set spells it; a one-line error naming the set when it has no such label. */
function canonicalLabel(set: LabelSet, label: string): string {
  const i = labelIndex(set, label);
  if (i < 0) throw new LabelSetError(`label set "${set.name}" has no label "${label}"`);
  return set.labels[i]!.name;
}
