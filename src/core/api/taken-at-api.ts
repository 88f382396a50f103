// Date taken set by hand, as Google Photos' "Edit date & time": for a scan, a camera whose
// clock was wrong, a photo sent without its EXIF. Kept by content in the library (the store's
// taken_edits, so it follows a moved or renamed photo, a re-index keeps it, copies share it and
// every device sees it); the photo rows carry it, so the timeline, date filters, On this day and
// sorting all use it. The file is never touched, and a restore puts the file's own date back.
// A shift moves each photo's date by the same amount, as Google Photos' "Shift dates" for a
// camera whose clock was a time zone or a day off. The app (by id) and the CLI (`shoebox date`,
// by path) share this, and so one policy: a date typed without an offset is the camera's clock
// and each photo keeps its own time zone (as the viewer's editor and a shift do); one typed with
// an offset ("+02:00", "Z") sets that one; a date that is the file's own (clock and offset) is no
// edit (an earlier edit is forgotten, as a restore would) and one a photo already shows is no change.
// The app's set (or restore) and shift can be undone exactly, each photo's earlier edit back
// (edit-undo.ts): a shift is undone by putting back what each photo had, not by the same shift
// the other way, so a photo dated again since keeps that date.
import { MAX_SHIFT_SECONDS, parseTakenAt, shiftText, takenAtInRange } from '../../shared/taken-at';
import type { TakenEdit } from '../store/types';
import type { ApiContext, ApiMethods } from './api-context';
import { byIds, emitChanged, pathsOf, photosAtPaths, restoreEdited, type PhotosAtPaths } from './edits-by-path';
import { changeOf, type EditUndos, type UndoKind } from './edit-undo';

/** The CLI's share: by path, with what changed and what the library does not hold. */
export interface TakenAtForeground {
  /** Sets (or with null restores) the date taken of the photos at these paths: typed without an
   *  offset, each keeps its own. `changed`: the paths whose date changed; `unchanged`: in the
   *  library and showing that date already (a restore: never edited); `missing`: not in the library. */
  setTakenAtByPath(paths: string[], takenAt: string | null): Promise<{ changed: string[]; unchanged: string[]; missing: string[] }>;
  /** Moves the date taken of the photos at these paths by `seconds`. `undated`: in the library
   *  but with no date to move (left as they are). */
  shiftTakenAtByPath(paths: string[], seconds: number): Promise<{ changed: string[]; missing: string[]; undated: string[] }>;
}

/** Dates as an undo puts them back (edit-undo.ts). */
const DATES: UndoKind<TakenEdit> = {
  edits: (store) => store.takenEdits(),
  set: (store, edits) => store.setTakenAt(edits),
  restore: (store, hashes) => store.restoreTakenAt(hashes),
  // No edit (undefined) differs from an edit of either value, an offset null included.
  same: (a, b) => a?.takenAt === b?.takenAt && a?.takenOffset === b?.takenOffset,
  onto: (before, hash, now, row) => ({
    hash,
    takenAt: before.takenAt,
    takenOffset: before.takenOffset,
    fileTakenAt: now ? now.fileTakenAt : row.takenAt,
    fileTakenOffset: now ? now.fileTakenOffset : (row.takenOffset ?? null),
  }),
};

/** `undos`: where the app's changes are kept for undoEdit (the CLI's, by path, are not). */
export function takenAtApi(ctx: ApiContext, undos: EditUndos): ApiMethods<'setTakenAt' | 'shiftTakenAt'> & TakenAtForeground {
  const setDates = async (paths: string[], takenAt: string | null) => {
    // A date that does not parse fails before anything is opened or written.
    const date = takenAt === null ? null : parseTakenAt(takenAt);
    return ctx.writes.edits(async () => {
      const at = await photosAtPaths(ctx, paths);
      const edits = await at.store.takenEdits();
      let changed: string[];
      if (date) {
        // What each photo shows now: its edit's date (what its rows show, or take at the next
        // index run after a crash between the two), else its file's.
        const shown = (r: (typeof at.contents)[number]) => {
          const edit = edits.get(r.hash);
          return edit ? { takenAt: edit.takenAt, takenOffset: edit.takenOffset } : { takenAt: r.takenAt, takenOffset: r.takenOffset ?? null };
        };
        const wanted = at.contents.map((r) => ({ row: r, takenAt: date.takenAt, takenOffset: date.takenOffset ?? shown(r).takenOffset }));
        // A photo already showing that date is left as it is (nothing written, counted unchanged);
        // one set onto its file's own date (and offset) forgets its edit, as a restore would.
        const moved = wanted.filter((w) => !sameDate(w, shown(w.row).takenAt, shown(w.row).takenOffset));
        const isFileDate = (w: (typeof moved)[number]) => isOwnDate(w, edits.get(w.row.hash));
        await at.store.setTakenAt(moved.filter((w) => !isFileDate(w)).map((w) => ({ hash: w.row.hash, takenAt: w.takenAt, takenOffset: w.takenOffset, fileTakenAt: w.row.takenAt, fileTakenOffset: w.row.takenOffset ?? null })));
        await at.store.restoreTakenAt(moved.filter(isFileDate).map((w) => w.row.hash));
        const hashes = new Set(moved.map((w) => w.row.hash));
        changed = at.found.filter((p) => hashes.has(at.rows.get(p)!.hash));
      } else changed = await restoreEdited(at, edits, (hashes) => at.store.restoreTakenAt(hashes));
      emitChanged(ctx, changed);
      const done = new Set(changed);
      // What each changed content had before (`edits`, read before writing), for undoEdit.
      const change = await changeOf(DATES, at.store, edits, changed, at.rows);
      const unchanged = at.found.filter((p) => !done.has(p));
      return { changed, unchanged, missing: at.missing, change, changedVideos: videosAmong(at, changed), unchangedVideos: videosAmong(at, unchanged) };
    });
  };
  const setTakenAtByPath = async (paths: string[], takenAt: string | null) => {
    const { changed, unchanged, missing } = await setDates(paths, takenAt);
    return { changed, unchanged, missing };
  };
  const shiftDates = async (paths: string[], seconds: number) => {
    if (!Number.isInteger(seconds) || seconds === 0 || Math.abs(seconds) > MAX_SHIFT_SECONDS) throw new Error(`not a time shift: ${seconds} seconds`);
    // In the edits queue: two shifts at once (two windows) each move the date the other left.
    return ctx.writes.edits(() => shiftInQueue(paths, seconds));
  };
  const shiftTakenAtByPath = async (paths: string[], seconds: number) => {
    const { changed, missing, undated } = await shiftDates(paths, seconds);
    return { changed, missing, undated };
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
    const isFileDate = (m: (typeof moved)[number]) => isOwnDate(m, edits.get(m.hash));
    await at.store.setTakenAt(moved.filter((m) => !isFileDate(m)));
    await at.store.restoreTakenAt(moved.filter(isFileDate).map((m) => m.hash));
    emitChanged(ctx, changed);
    // What each moved content had before (`edits`, read before writing), for undoEdit.
    const change = await changeOf(DATES, at.store, edits, changed, at.rows);
    return { changed, missing: at.missing, undated: at.found.filter((p) => at.rows.get(p)!.takenAt === null), change, changedVideos: videosAmong(at, changed) };
  };
  return {
    setTakenAtByPath,
    shiftTakenAtByPath,
    async setTakenAt(ids, takenAt) {
      let unchanged = 0;
      let changedVideos = 0;
      let unchangedVideos = 0;
      let undo: number | undefined;
      const result = await byIds(ids, async (paths) => {
        const done = await setDates(paths, takenAt);
        if (takenAt !== null) {
          unchanged = done.unchanged.length;
          changedVideos = done.changedVideos;
          unchangedVideos = done.unchangedVideos;
        } else changedVideos = done.changedVideos + done.unchangedVideos; // a restore counts every photo it was asked for, as before
        undo = undos.keep(done.change);
        return done;
      });
      // Of `done`, the photos that showed that date already (the file's own, or the same edit);
      // the videos of each apart, so the app's line says "1 photo, 1 video" as the CLI does.
      return { ...result, ...(unchanged ? { unchanged } : {}), ...(changedVideos ? { changedVideos } : {}), ...(unchangedVideos ? { unchangedVideos } : {}), ...(undo !== undefined ? { undo } : {}) };
    },
    async shiftTakenAt(ids, seconds) {
      const { changed, undated, change, changedVideos } = await shiftDates(pathsOf(ids), seconds);
      const undo = undos.keep(change);
      return { done: changed.length, missing: new Set(ids).size - changed.length - undated.length, undated: undated.length, ...(changedVideos ? { changedVideos } : {}), ...(undo !== undefined ? { undo } : {}) };
    },
  };
}

/** How many of these paths (all among `at.found`) are videos: a video's row has its length (as content-marks.ts tells them apart). */
function videosAmong(at: PhotosAtPaths, paths: readonly string[]): number {
  return paths.filter((p) => typeof at.rows.get(p)?.durationMs === 'number').length;
}

/** A date taken and its offset (null: none recorded) equal to these. */
function sameDate(date: { takenAt: number; takenOffset: number | null }, takenAt: number | null, takenOffset: number | null): boolean {
  return date.takenAt === takenAt && date.takenOffset === takenOffset;
}

/** Whether a date is the file's own that an edit kept (no edit: the row shows the file's, compared apart). */
function isOwnDate(date: { takenAt: number; takenOffset: number | null }, edit: TakenEdit | undefined): boolean {
  return edit !== undefined && sameDate(date, edit.fileTakenAt, edit.fileTakenOffset);
}
