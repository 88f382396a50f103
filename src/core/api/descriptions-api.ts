// Descriptions, as Google Photos' "Add a description": the user's own words on a photo
// ("Grandma's 80th, the garden in Arezzo"), kept by content in the library (the store's
// descriptions table: every copy shares it, a move or a re-index keeps it, every device sees
// it), shown in the viewer and found by the timeline's `described` filter. The file is never
// touched. The app (by id) and the CLI (`shoebox description`, by path) share this.
import type { ApiContext, ApiMethods } from './api-context';
import { byIds, emitChanged, photosAtPaths } from './edits-by-path';

/** The longest description kept (a paragraph or two). */
export const MAX_DESCRIPTION = 2000;

/** The CLI's share: by path, with what changed and what the library does not hold. */
export interface DescriptionsForeground {
  /** Sets (or with null or blank text removes) the description of the photos at these paths. */
  setDescriptionByPath(paths: string[], text: string | null): Promise<{ changed: string[]; missing: string[] }>;
}

export function descriptionsApi(ctx: ApiContext): ApiMethods<'setDescription'> & DescriptionsForeground {
  const setDescriptionByPath = async (paths: string[], text: string | null) => {
    // Counted as kept: trimmed.
    if (text !== null && text.trim().length > MAX_DESCRIPTION) throw new Error(`a description is at most ${MAX_DESCRIPTION} characters (this one has ${text.trim().length})`);
    return ctx.writes.descriptions(async () => {
      const at = await photosAtPaths(ctx, paths);
      await at.store.setDescriptions(at.contents.map((r) => r.hash), text);
      emitChanged(ctx, at.found);
      return { changed: at.found, missing: at.missing };
    });
  };
  return {
    setDescriptionByPath,
    setDescription: (ids, text) => byIds(ids, (paths) => setDescriptionByPath(paths, text)),
  };
}
