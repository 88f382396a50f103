// Date taken set by hand, as Google Photos' "Edit date & time": for a scan, a camera whose
// clock was wrong, a photo sent without its EXIF. Kept by content in the library (the store's
// taken_edits, so it follows a moved or renamed photo, a re-index keeps it, copies share it and
// every device sees it); the photo rows carry it, so the timeline, date filters, On this day and
// sorting all use it. The file is never touched, and a restore puts the file's own date back.
// The app (setTakenAt, by id) and the CLI (`shoebox date`, by path) share this.
import path from 'node:path';
import { parseTakenAt } from '../../shared/taken-at';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId } from './photo-id';

/** The CLI's share: by path, with what changed and what the library does not hold. */
export interface TakenAtForeground {
  /** Sets (or with null restores) the date taken of the photos at these paths. `changed`: the
   *  paths whose date changed (a restore changes only edited ones); `missing`: not in the library. */
  setTakenAtByPath(paths: string[], takenAt: string | null): Promise<{ changed: string[]; missing: string[] }>;
}

export function takenAtApi(ctx: ApiContext): ApiMethods<'setTakenAt'> & TakenAtForeground {
  const setTakenAtByPath = async (paths: string[], takenAt: string | null) => {
    // A date that does not parse fails before anything is opened or written.
    const date = takenAt === null ? null : parseTakenAt(takenAt);
    const wanted = [...new Set(paths.map((p) => path.resolve(p)))];
    const lib = await ctx.need();
    const store = await lib.writable();
    const rows = await store.photosByPath(wanted);
    const found = wanted.filter((p) => rows.has(p));
    let changed = found;
    if (date) {
      const byHash = new Map([...rows.values()].map((r) => [r.hash, r]));
      await store.setTakenAt([...byHash.values()].map((r) => ({ hash: r.hash, ...date, fileTakenAt: r.takenAt, fileTakenOffset: r.takenOffset ?? null })));
    } else {
      const edits = await store.takenEdits();
      changed = found.filter((p) => edits.has(rows.get(p)!.hash));
      await store.restoreTakenAt([...new Set(changed.map((p) => rows.get(p)!.hash))]);
    }
    // Every view showing these photos draws them again (their place in the timelines moved).
    if (changed.length) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
    return { changed, missing: wanted.filter((p) => !rows.has(p)) };
  };
  return {
    setTakenAtByPath,
    async setTakenAt(ids, takenAt) {
      const unique = [...new Set(ids)];
      const paths = unique.flatMap((id) => pathFromPhotoId(id) ?? []);
      const { missing } = await setTakenAtByPath(paths, takenAt);
      const done = paths.length - missing.length;
      return { done, missing: unique.length - done };
    },
  };
}
