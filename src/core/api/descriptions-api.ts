// Descriptions, as Google Photos' "Add a description": the user's own words on a photo
// ("Grandma's 80th, the garden in Arezzo"), kept by content in the library (the store's
// descriptions table: every copy shares it, a move or a re-index keeps it, every device sees
// it), shown in the viewer and found by the timeline's `described` filter. The file is never
// touched. The app (by id) and the CLI (`shoebox description`, by path) share this.
import { MAX_DESCRIPTION, type DescriptionImport, type JobState } from '../../shared/api';
import { jobProgress } from './job-progress';
import type { ApiContext, ApiMethods } from './api-context';
import { importDescriptions } from './description-import';
import { importSummary } from '../../shared/description-import-text';
import { byIds, emitChanged, photosAtPaths } from './edits-by-path';
import { writerFirst } from './writer-first';
import { describedAlready } from './described-already';


/** The CLI's share: by path, with what changed and what the library does not hold. */
export interface DescriptionsForeground {
  /** Sets (or with null or blank text removes) the description of the photos at these paths.
   *  `changed`: the paths whose description changed; `unchanged`: in the library, but described
   *  so already (a removal: had none), so nothing was written; `missing`: not in the library. */
  setDescriptionByPath(paths: string[], text: string | null): Promise<{ changed: string[]; unchanged: string[]; missing: string[] }>;
  /** Imports the captions other apps wrote (description-import.ts), in the foreground. */
  importDescriptionsNow(options?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; everything?: boolean }): Promise<DescriptionImport>;
}



export function descriptionsApi(ctx: ApiContext): ApiMethods<'setDescription' | 'importDescriptions'> & DescriptionsForeground {
  const setDescriptionByPath = async (paths: string[], text: string | null) => {
    // Counted as kept: trimmed.
    if (text !== null && text.trim().length > MAX_DESCRIPTION) throw new Error(`a description is at most ${MAX_DESCRIPTION} characters (this one has ${text.trim().length})`);
    return ctx.writes.descriptions(async () => {
      const at = await photosAtPaths(ctx, paths);
      // A photo already so (the same words again, or a removal where there is none) is left as
      // it is and said apart, never counted as done (as a favourite marked again).
      const { changed, unchanged } = describedAlready(at, await at.store.descriptions(), text);
      await at.store.setDescriptions([...new Set(changed.map((p) => at.rows.get(p)!.hash))], text);
      emitChanged(ctx, changed);
      return { changed, unchanged, missing: at.missing };
    });
  };
  return {
    setDescriptionByPath,
    setDescription: (ids, text) => byIds(ids, (paths) => setDescriptionByPath(paths, text)),
    importDescriptionsNow: (options = {}) => importDescriptions(ctx, options),
    // The app's: a job of the host's queue, with progress, whose result says what it did.
    async importDescriptions(everything = false): Promise<JobState> {
      // No model yet, or another process writing: its one-line error now, not a failed job.
      await writerFirst(await ctx.need());
      return ctx.jobs.enqueue('import-descriptions', '', async (signal) => {
        const r = await importDescriptions(ctx, { signal, everything, onProgress: jobProgress(ctx.jobs, (event) => ctx.emit(event)) });
        return { added: 0, updated: r.imported, removed: 0, embedded: 0, failed: r.unreadable.length, summary: importSummary(r) };
      });
    },
  };
}
