// What the user gave a photo stays with the picture when the duplicates trash moves that
// photo: its favourite, its description, its tag decisions (accepted or rejected) and its place
// in a smart album (pinned or excluded) go to the photo kept in its place, and so do a date and
// a place set by hand where the keeper has none at all. They are all kept by content hash, and
// a near duplicate's content is not its keeper's, so without this they would leave with the
// trashed file (they come back if it is restored and indexed again). The keeper's own marks,
// words, dates, places, decisions and album entries win: nothing it already has is overwritten.
// Two things do not pass. The archive: people archive the worse copy to hide it, and the copy
// they keep must not vanish from the timeline with it. A rotation: it is relative to how each
// file shows itself, and a copy that needed turning (its EXIF orientation stripped) has a
// keeper that may not.
import { parseAlbum } from '../albums/album';
import { AlbumService } from '../albums/album-service';
import type { LibraryService } from '../library/library-service';
import type { MarkWrites } from './api-context';
import type { TagRecord } from '../store/types';
import { TaggingService } from '../tags/tagging-service';
import { labelKey } from '../tags/label-set';

export interface MovedPhotos {
  /** The paths moved to the trash. */
  moved: readonly string[];
  /** Each moved path's keeper (TrashSelection.keepers). */
  keepers: ReadonlyMap<string, string>;
  /** The moved photos' content hashes, read before they left the library. */
  hashOf: ReadonlyMap<string, string>;
}

/** Hands the moved photos' marks to their keepers; returns how many keepers gained one. Each
 *  table's part runs in that table's write queue, so an edit the user makes meanwhile (a
 *  favourite, a tag, a pin, a description, a date) neither conflicts with it nor lands between its read and write. */
export async function keepMarksOnKeepers(lib: LibraryService, photos: MovedPhotos, writes: MarkWrites): Promise<number> {
  const pairs = photos.moved.flatMap((p) => {
    const keeper = photos.keepers.get(p);
    const hash = photos.hashOf.get(p);
    return keeper && hash ? [{ moved: p, hash, keeper }] : [];
  });
  if (pairs.length === 0) return 0;
  const store = await lib.writable();
  const keeperRows = await store.photosByPath([...new Set(pairs.map((x) => x.keeper))]);
  const live = pairs.flatMap((x) => {
    const row = keeperRows.get(x.keeper);
    return row ? [{ ...x, keeperHash: row.hash }] : [];
  });
  const gained = new Set<string>();

  // Favourites.
  await writes.favourites(async () => {
    const favourites = await store.favouriteHashes();
    const newFavourites = live.filter((x) => favourites.has(x.hash) && !favourites.has(x.keeperHash));
    if (newFavourites.length) {
      await store.setFavourites([...new Set(newFavourites.map((x) => x.keeperHash))], true);
      for (const x of newFavourites) gained.add(x.keeper);
    }
  });

  // A description, a date and a place set by hand: the first moved photo's, to a keeper without
  // its own; read and written in the queue the user's own edits go through, so an edit made
  // meanwhile is neither overwritten nor lost.
  type Pair = (typeof live)[number];
  const firstPerKeeper = <T>(value: (x: Pair) => T | undefined) => {
    const out = new Map<string, { x: Pair; value: T }>();
    for (const x of live) {
      const v = value(x);
      if (v !== undefined && !out.has(x.keeperHash)) out.set(x.keeperHash, { x, value: v });
    }
    return [...out.values()];
  };
  await writes.descriptions(async () => {
    const descriptions = await store.descriptions();
    const given = firstPerKeeper((x) => (descriptions.has(x.keeperHash) ? undefined : descriptions.get(x.hash)));
    // One commit per text (the same description given to many keepers is one write).
    const byText = new Map<string, Pair[]>();
    for (const { x, value } of given) byText.set(value, [...(byText.get(value) ?? []), x]);
    for (const [text, pairs] of byText) {
      await store.setDescriptions(pairs.map((x) => x.keeperHash), text);
      for (const x of pairs) gained.add(x.keeper);
    }
  });
  await writes.edits(async () => {
    const [dates, places, keepers] = await Promise.all([store.takenEdits(), store.placeEdits(), store.photosByPath([...new Set(live.map((x) => x.keeper))])]);
    const keeperRow = (x: Pair) => keepers.get(x.keeper);
    const datesGiven = firstPerKeeper((x) => (keeperRow(x)?.takenAt === null ? dates.get(x.hash) : undefined));
    if (datesGiven.length) {
      await store.setTakenAt(datesGiven.map(({ x, value }) => ({ hash: x.keeperHash, takenAt: value.takenAt, takenOffset: value.takenOffset, fileTakenAt: null, fileTakenOffset: null })));
      for (const { x } of datesGiven) gained.add(x.keeper);
    }
    // A place removed by hand is nothing to give a keeper without one, and a keeper whose place
    // the user removed keeps it removed.
    const placesGiven = firstPerKeeper((x) => (keeperRow(x)?.gpsLat === null && !places.has(x.keeperHash) && places.get(x.hash)?.gpsLat != null ? places.get(x.hash) : undefined));
    if (placesGiven.length) {
      await store.setPlace(placesGiven.map(({ x, value }) => ({ hash: x.keeperHash, gpsLat: value.gpsLat, gpsLon: value.gpsLon, fileGpsLat: null, fileGpsLon: null })));
      for (const { x } of placesGiven) gained.add(x.keeper);
    }
  });

  // Tag decisions: one batch per (set, label, state), through tagging's own policy (sidecars).
  await writes.tags(async () => {
    const decisions = await store.listTags({ hashes: [...new Set(live.map((x) => x.hash))], states: ['accepted', 'rejected'] });
    if (decisions.length) {
      const keeperDecided = new Set((await store.listTags({ hashes: [...new Set(live.map((x) => x.keeperHash))], states: ['accepted', 'rejected'] })).map(decisionKey));
      const batches = new Map<string, { set: string; label: string; state: TagRecord['state']; paths: Set<string> }>();
      for (const d of decisions) {
        for (const x of live.filter((y) => y.hash === d.hash)) {
          if (keeperDecided.has(decisionKey({ ...d, hash: x.keeperHash }))) continue;
          const key = JSON.stringify([d.set, d.label, d.state]);
          let batch = batches.get(key);
          if (!batch) batches.set(key, (batch = { set: d.set, label: d.label, state: d.state, paths: new Set() }));
          batch.paths.add(x.keeper);
          gained.add(x.keeper);
        }
      }
      const tagging = new TaggingService(lib);
      for (const b of batches.values()) await tagging.setTagStates([...b.paths], b.label, b.state, b.set);
    }
  });

  // Smart albums: a pin or an exclusion of the moved photo (by its path or its content).
  await writes.albums(async () => {
    const albums = new AlbumService(lib);
    for (const record of await store.listAlbums()) {
      const album = parseAlbum(record.json);
      const names = (entry: string, path: string, hash: string) => entry === path || album.hashes[entry] === hash;
      const listed = (entries: readonly string[], path: string, hash: string) => entries.some((e) => names(e, path, hash));
      for (const membership of ['pinned', 'excluded'] as const) {
        const keepers = live
          .filter((x) => listed(album[membership], x.moved, x.hash))
          .filter((x) => !listed(album.pinned, x.keeper, x.keeperHash) && !listed(album.excluded, x.keeper, x.keeperHash))
          .map((x) => x.keeper);
        if (keepers.length === 0) continue;
        await albums.setMembership(album.name, [...new Set(keepers)], membership);
        for (const k of keepers) gained.add(k);
      }
    }
  });
  return gained.size;
}

/** One decision per content, set and label, the label compared as the set's validator does (labelKey). */
function decisionKey(t: { hash: string; set: string; label: string }): string {
  return JSON.stringify([t.hash, t.set, labelKey(t.label)]);
}
