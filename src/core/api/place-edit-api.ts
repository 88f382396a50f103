// Place set by hand, as Google Photos' "Edit location": for a photo whose camera recorded no
// position (most cameras, scans) or a wrong one. Kept by content in the library (the store's
// place_edits: it follows a moved photo, a re-index keeps it, copies share it, every device
// sees it); the photo rows carry the position, so Places, the map, the place filters and
// "location recorded" all go by it. The place can also be removed (Google Photos' "Remove
// location": a position from a GPS glitch, a place the user would rather not show): the photo
// then has none in Shoebox, whatever its file says. The file is never touched; a restore puts
// its own back. The app's set, removal or restore can be undone exactly (edit-undo.ts).
// The app (by id, choosing from findPlaces) and the CLI (`shoebox place`, by path and name)
// share this.
import type { PlaceChoice, PlaceSetting } from '../../shared/api';
import { findPlaces } from '../places/place-choices';
import { positionOutOfRange } from '../../shared/place-name';
import { isNoFixPosition, NO_FIX_REFUSAL } from '../../shared/no-fix-position';
import type { ApiContext, ApiMethods } from './api-context';
import type { PlaceEdit } from '../store/types';
import { byIds, emitChanged, photosAtPaths, restoreEdited } from './edits-by-path';
import { changeOf, type EditUndos, type UndoKind } from './edit-undo';

/** The CLI's share: by path, with what changed and what the library does not hold. */
export interface PlaceEditForeground {
  /** Sets the place of the photos at these paths, or with 'none' removes it, or with null
   *  restores their files' own. `changed`: the paths whose place changed (a restore changes only
   *  edited ones); `unchanged`: in the library, but so already (a restore: showing their
   *  files' own place; a removal: showing none), nothing written; `missing`: not in the library. */
  setPlaceByPath(paths: string[], position: PlaceSetting): Promise<{ changed: string[]; unchanged: string[]; missing: string[] }>;
  /** The place a name or position stands for: a town of exactly that name first (findPlaces' 'named' order; the app's suggestions, as typed, weigh population: place-choices.ts); throws a one-line error when none. */
  choosePlace(text: string): PlaceChoice;
}

/** Places as an undo puts them back (edit-undo.ts). */
const PLACES: UndoKind<PlaceEdit> = {
  edits: (store) => store.placeEdits(),
  set: (store, edits) => store.setPlace(edits),
  restore: (store, hashes) => store.restorePlace(hashes),
  // No edit (undefined) differs from a removed place (null) and from any position.
  same: (a, b) => a?.gpsLat === b?.gpsLat && a?.gpsLon === b?.gpsLon,
  onto: (before, hash, now, row) => ({
    hash,
    gpsLat: before.gpsLat,
    gpsLon: before.gpsLon,
    fileGpsLat: now ? now.fileGpsLat : row.gpsLat,
    fileGpsLon: now ? now.fileGpsLon : row.gpsLon,
  }),
};

/** How many towns a name's suggestions list (the app's, `shoebox place find`'s) when not asked otherwise. */
export const PLACE_SUGGESTIONS = 8;

/** `undos`: where the app's changes are kept for undoEdit (the CLI's, by path, are not). */
export function placeEditApi(ctx: ApiContext, undos: EditUndos): ApiMethods<'findPlaces' | 'setPlace'> & PlaceEditForeground {
  const setPlaces = async (paths: string[], position: PlaceSetting) => {
    if (position !== null && position !== 'none' && !(Math.abs(position.lat) <= 90 && Math.abs(position.lon) <= 180)) throw new Error(`not a position: ${position.lat}, ${position.lon}`);
    if (position !== null && position !== 'none' && isNoFixPosition(position.lat, position.lon)) throw new Error(NO_FIX_REFUSAL);
    return ctx.writes.edits(async () => {
      const at = await photosAtPaths(ctx, paths);
      // What each content had before, for undoEdit (read in this queue turn, before writing).
      const edits = await at.store.placeEdits();
      let changed = at.found;
      if (position === 'none') {
        // Only photos that show a place: one without any has nothing to remove (no edit is
        // recorded, so it never reads "removed by hand").
        changed = at.found.filter((p) => at.rows.get(p)!.gpsLat !== null);
        const placed = at.contents.filter((r) => r.gpsLat !== null);
        await at.store.setPlace(placed.map((r) => ({ hash: r.hash, gpsLat: null, gpsLon: null, fileGpsLat: r.gpsLat, fileGpsLon: r.gpsLon })));
      } else if (position !== null) {
        await at.store.setPlace(at.contents.map((r) => ({ hash: r.hash, gpsLat: position.lat, gpsLon: position.lon, fileGpsLat: r.gpsLat, fileGpsLon: r.gpsLon })));
      } else changed = await restoreEdited(at, edits, (hashes) => at.store.restorePlace(hashes));
      emitChanged(ctx, changed);
      // Those found and not changed were so already (nothing written): the CLI says them apart.
      const done = new Set(changed);
      const unchanged = at.found.filter((p) => !done.has(p));
      return { changed, unchanged, missing: at.missing, change: await changeOf(PLACES, at.store, edits, changed, at.rows) };
    });
  };
  const setPlaceByPath = async (paths: string[], position: PlaceSetting) => {
    const { changed, unchanged, missing } = await setPlaces(paths, position);
    return { changed, unchanged, missing };
  };
  return {
    setPlaceByPath,
    choosePlace(text) {
      // A whole name given, with no list in sight: the town of exactly that name.
      const [first] = findPlaces(text, 1, 'named');
      if (first && isNoFixPosition(first.lat, first.lon)) throw new Error(NO_FIX_REFUSAL);
      const notPosition = positionOutOfRange(text);
      if (!first && notPosition) throw new Error(notPosition);
      if (!first) throw new Error(`no town called "${text}" (try "town, country", or a position such as 43.7696,11.2558)`);
      return first;
    },
    async findPlaces(query, limit = PLACE_SUGGESTIONS) {
      // 0, 0 is no choice: it could not be set (NO_FIX_REFUSAL).
      return findPlaces(query, limit).filter((c) => !isNoFixPosition(c.lat, c.lon));
    },
    async setPlace(ids, position) {
      let undo: number | undefined;
      const result = await byIds(ids, async (paths) => {
        const done = await setPlaces(paths, position);
        undo = undos.keep(done.change);
        return done;
      });
      return undo !== undefined ? { ...result, undo } : result;
    },
  };
}
