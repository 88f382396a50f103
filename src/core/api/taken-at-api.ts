// Date taken set by hand, as Google Photos' "Edit date & time": for a scan, a camera whose
// clock was wrong, a photo sent without its EXIF. Kept by content in the library (the store's
// taken_edits, so it follows a moved or renamed photo, a re-index keeps it, copies share it and
// every device sees it); the photo rows carry it, so the timeline, date filters, On this day and
// sorting all use it. The file is never touched, and a restore puts the file's own date back.
// A shift moves each photo's date by the same amount, as Google Photos' "Shift dates" for a
// camera whose clock was a time zone or a day off. The app (by id) and the CLI (`shoebox date`,
// by path) share this.
import { MAX_SHIFT_SECONDS, parseTakenAt, shiftText, takenAtInRange } from '../../shared/taken-at';
import type { ApiContext, ApiMethods } from './api-context';
import { byIds, emitChanged, pathsOf, photosAtPaths, restoreEdited } from './edits-by-path';

/** The CLI's share: by path, with what changed and what the library does not hold. */
export interface TakenAtForeground {
  /** Sets (or with null restores) the date taken of the photos at these paths. `changed`: the
   *  paths whose date changed (a restore changes only edited ones); `missing`: not in the library. */
  setTakenAtByPath(paths: string[], takenAt: string | null): Promise<{ changed: string[]; missing: string[] }>;
  /** Moves the date taken of the photos at these paths by `seconds`. `undated`: in the library
   *  but with no date to move (left as they are). */
  shiftTakenAtByPath(paths: string[], seconds: number): Promise<{ changed: string[]; missing: string[]; undated: string[] }>;
}

export function takenAtApi(ctx: ApiContext): ApiMethods<'setTakenAt' | 'shiftTakenAt'> & TakenAtForeground {
  const setTakenAtByPath = async (paths: string[], takenAt: string | null) => {
    // A date that does not parse fails before anything is opened or written.
    const date = takenAt === null ? null : parseTakenAt(takenAt);
    return ctx.writes.edits(async () => {
      const at = await photosAtPaths(ctx, paths);
      let changed = at.found;
      if (date) await at.store.setTakenAt(at.contents.map((r) => ({ hash: r.hash, ...date, fileTakenAt: r.takenAt, fileTakenOffset: r.takenOffset ?? null })));
      else changed = await restoreEdited(at, await at.store.takenEdits(), (hashes) => at.store.restoreTakenAt(hashes));
      emitChanged(ctx, changed);
      return { changed, missing: at.missing };
    });
  };
  const shiftTakenAtByPath = async (paths: string[], seconds: number) => {
    if (!Number.isInteger(seconds) || seconds === 0 || Math.abs(seconds) > MAX_SHIFT_SECONDS) throw new Error(`not a time shift: ${seconds} seconds`);
    // In the edits queue: two shifts at once (two windows) each move the date the other left.
    return ctx.writes.edits(() => shiftInQueue(paths, seconds));
  };
  const shiftInQueue = async (paths: string[], seconds: number) => {
    const at = await photosAtPaths(ctx, paths);
    const changed = at.found.filter((p) => at.rows.get(p)!.takenAt !== null);
    // Once per content: two copies of one photo selected together move once, not twice.
    const moved = at.contents.flatMap((r) => (r.takenAt === null ? [] : [{ hash: r.hash, takenAt: r.takenAt + seconds * 1000, takenOffset: r.takenOffset ?? null, fileTakenAt: r.takenAt, fileTakenOffset: r.takenOffset ?? null }]));
    const outside = moved.find((m) => !takenAtInRange(m.takenAt));
    if (outside) throw new Error(`a shift of ${shiftText(seconds)} would move a photo to the year ${new Date(outside.takenAt).getUTCFullYear()} (dates taken go from 1826 to 2200); nothing changed`);
    // Shifted back onto the file's own date: the edit is forgotten, as a restore would.
    const edits = await at.store.takenEdits();
    const isFileDate = (m: (typeof moved)[number]) => {
      const edit = edits.get(m.hash);
      return edit !== undefined && edit.fileTakenAt === m.takenAt && edit.fileTakenOffset === m.takenOffset;
    };
    await at.store.setTakenAt(moved.filter((m) => !isFileDate(m)));
    await at.store.restoreTakenAt(moved.filter(isFileDate).map((m) => m.hash));
    emitChanged(ctx, changed);
    return { changed, missing: at.missing, undated: at.found.filter((p) => at.rows.get(p)!.takenAt === null) };
  };
  return {
    setTakenAtByPath,
    shiftTakenAtByPath,
    setTakenAt: (ids, takenAt) => byIds(ids, (paths) => setTakenAtByPath(paths, takenAt)),
    async shiftTakenAt(ids, seconds) {
      const { changed, undated } = await shiftTakenAtByPath(pathsOf(ids), seconds);
      return { done: changed.length, missing: new Set(ids).size - changed.length - undated.length, undated: undated.length };
    },
  };
}
