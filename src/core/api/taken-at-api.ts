// Date taken set by hand, as Google Photos' "Edit date & time": for a scan, a camera whose
// clock was wrong, a photo sent without its EXIF. Kept by content in the library (the store's
// taken_edits, so it follows a moved or renamed photo, a re-index keeps it, copies share it and
// every device sees it); the photo rows carry it, so the timeline, date filters, On this day and
// sorting all use it. The file is never touched, and a restore puts the file's own date back.
// A shift moves each photo's date by the same amount, as Google Photos' "Shift dates" for a
// camera whose clock was a time zone or a day off. The app (by id) and the CLI (`shoebox date`,
// by path) share this.
import path from 'node:path';
import { MAX_SHIFT_SECONDS, parseTakenAt, shiftText, takenAtInRange } from '../../shared/taken-at';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId } from './photo-id';

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
  const shiftTakenAtByPath = async (paths: string[], seconds: number) => {
    if (!Number.isInteger(seconds) || seconds === 0 || Math.abs(seconds) > MAX_SHIFT_SECONDS) throw new Error(`not a time shift: ${seconds} seconds`);
    const wanted = [...new Set(paths.map((p) => path.resolve(p)))];
    const lib = await ctx.need();
    const store = await lib.writable();
    const rows = await store.photosByPath(wanted);
    const found = wanted.filter((p) => rows.has(p));
    const changed = found.filter((p) => rows.get(p)!.takenAt !== null);
    // Once per content: two copies of one photo selected together move once, not twice.
    const byHash = new Map(changed.map((p) => [rows.get(p)!.hash, rows.get(p)!]));
    const moved = [...byHash.values()].map((r) => ({ hash: r.hash, takenAt: r.takenAt! + seconds * 1000, takenOffset: r.takenOffset ?? null, fileTakenAt: r.takenAt, fileTakenOffset: r.takenOffset ?? null }));
    const outside = moved.find((m) => !takenAtInRange(m.takenAt));
    if (outside) throw new Error(`a shift of ${shiftText(seconds)} would move a photo to the year ${new Date(outside.takenAt).getUTCFullYear()} (dates taken go from 1826 to 2200); nothing changed`);
    // Shifted back onto the file's own date: the edit is forgotten, as a restore would.
    const edits = await store.takenEdits();
    const isFileDate = (m: (typeof moved)[number]) => {
      const edit = edits.get(m.hash);
      return edit !== undefined && edit.fileTakenAt === m.takenAt && edit.fileTakenOffset === m.takenOffset;
    };
    await store.setTakenAt(moved.filter((m) => !isFileDate(m)));
    await store.restoreTakenAt(moved.filter(isFileDate).map((m) => m.hash));
    if (changed.length) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
    return { changed, missing: wanted.filter((p) => !rows.has(p)), undated: found.filter((p) => rows.get(p)!.takenAt === null) };
  };
  const paths = (ids: string[]) => [...new Set(ids)].flatMap((id) => pathFromPhotoId(id) ?? []);
  return {
    setTakenAtByPath,
    shiftTakenAtByPath,
    async setTakenAt(ids, takenAt) {
      const chosen = paths(ids);
      const { missing } = await setTakenAtByPath(chosen, takenAt);
      const done = chosen.length - missing.length;
      return { done, missing: new Set(ids).size - done };
    },
    async shiftTakenAt(ids, seconds) {
      const { changed, undated } = await shiftTakenAtByPath(paths(ids), seconds);
      return { done: changed.length, missing: new Set(ids).size - changed.length - undated.length, undated: undated.length };
    },
  };
}
