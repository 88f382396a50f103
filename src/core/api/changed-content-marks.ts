// What the user gave a photo stays with it when another program rewrites its file
// (library/content-changes.ts says when a rewritten file still shows the same picture): its
// favourite and archive, description, tag decisions, rotation, date and place set by hand,
// its pins and exclusions in albums and its "Not duplicates" decisions go from the old
// content hash to the new one. Unlike the duplicates trash's hand-over to a keeper
// (keeper-marks.ts) this is the same photo, so
// the archive and the rotation go too (the rotation only while the file shows itself as
// before). Carried before the new row is committed: the new content's own marks win, and each
// part is added, never taken away, so a carry run twice (a crash before the commit) changes
// nothing more. Released after the run: an old content no photo holds any more gives its
// marks up, so they moved. Each table's part runs in the queue the user's own edits of it go
// through.
import { parseAlbum } from '../albums/album';
import { carryDecisionsToNewContent } from '../dupes/decision-records';
import type { LibraryFiles } from '../location/library-files';
import type { ContentChange } from '../library/content-changes';
import type { LibraryStore, TagRecord } from '../store/types';
import type { MarkWrites } from './api-context';
import { labelKey } from '../tags/label-set';

export async function carryMarksToNewContent(store: LibraryStore, files: LibraryFiles, changes: readonly ContentChange[], writes: MarkWrites): Promise<void> {
  if (changes.length === 0) return;
  const addMark = async (has: () => Promise<ReadonlySet<string>>, set: (hashes: string[]) => Promise<void>) => {
    const marked = await has();
    const gained = changes.filter((c) => marked.has(c.from) && !marked.has(c.to)).map((c) => c.to);
    if (gained.length) await set(gained);
  };
  await writes.favourites(() => addMark(() => store.favouriteHashes(), (hashes) => store.setFavourites(hashes, true)));
  await writes.archive(() => addMark(() => store.archivedHashes(), (hashes) => store.setArchived(hashes, true)));

  await writes.descriptions(async () => {
    const descriptions = await store.descriptions();
    const texts = new Map(changes.flatMap((c) => (descriptions.has(c.from) ? [[c.to, descriptions.get(c.from)!] as const] : [])));
    if (texts.size) await store.addDescriptions(texts); // never replaces the new content's own
  });

  await writes.edits(async () => {
    const [dates, places] = await Promise.all([store.takenEdits(), store.placeEdits()]);
    // The new file's own date and place are what a restore puts back.
    const datesGiven = changes.flatMap((c) => {
      const edit = dates.get(c.from);
      return edit && !dates.has(c.to) ? [{ hash: c.to, takenAt: edit.takenAt, takenOffset: edit.takenOffset, fileTakenAt: c.file.takenAt, fileTakenOffset: c.file.takenOffset ?? null }] : [];
    });
    if (datesGiven.length) await store.setTakenAt(datesGiven);
    const placesGiven = changes.flatMap((c) => {
      const edit = places.get(c.from);
      return edit && !places.has(c.to) ? [{ hash: c.to, gpsLat: edit.gpsLat, gpsLon: edit.gpsLon, fileGpsLat: c.file.gpsLat, fileGpsLon: c.file.gpsLon }] : [];
    });
    if (placesGiven.length) await store.setPlace(placesGiven);
  });

  await writes.tags(async () => {
    const decided = await store.listTags({ hashes: [...new Set(changes.map((c) => c.from))], states: ['accepted', 'rejected'] });
    if (decided.length === 0) return;
    const own = new Set((await store.listTags({ hashes: [...new Set(changes.map((c) => c.to))], states: ['accepted', 'rejected'] })).map((t) => tagKey(t.hash, t)));
    const given = changes.flatMap((c) => decided.filter((t) => t.hash === c.from && !own.has(tagKey(c.to, t))).map((t): TagRecord => ({ ...t, hash: c.to })));
    if (given.length) await store.putTags(given);
  });

  // The rotations repository keeps its own write queue.
  const rotations = await store.rotations();
  const byTurns = new Map<number, string[]>();
  for (const c of changes) {
    const turns = rotations.get(c.from);
    if (c.turns && turns && !rotations.has(c.to)) byTurns.set(turns, [...(byTurns.get(turns) ?? []), c.to]);
  }
  for (const [turns, hashes] of byTurns) await store.rotate(hashes, turns);

  // An album's pin or exclusion names the path with the content it had: the path's new content now.
  await renameAlbumEntries(store, writes, (entry, hash) => changes.find((c) => c.path === entry && c.from === hash)?.to);
  // So does a "Not duplicates" decision (it has its own compare-and-write).
  await carryDecisionsToNewContent(files, store, changes);
}

/** Takes the marks off old contents no photo holds any more (`moved`: each with the new content it went to). */
export async function releaseOldContentMarks(store: LibraryStore, moved: readonly { from: string; to: string }[], writes: MarkWrites): Promise<void> {
  if (moved.length === 0) return;
  const olds = [...new Set(moved.map((m) => m.from))];
  const removeMark = async (has: () => Promise<ReadonlySet<string>>, unset: (hashes: string[]) => Promise<void>) => {
    const marked = await has();
    const held = olds.filter((h) => marked.has(h));
    if (held.length) await unset(held);
  };
  await writes.favourites(() => removeMark(() => store.favouriteHashes(), (hashes) => store.setFavourites(hashes, false)));
  await writes.archive(() => removeMark(() => store.archivedHashes(), (hashes) => store.setArchived(hashes, false)));
  await writes.descriptions(async () => {
    const descriptions = await store.descriptions();
    const held = olds.filter((h) => descriptions.has(h));
    if (held.length) await store.setDescriptions(held, null);
  });
  await writes.edits(async () => {
    const [dates, places] = await Promise.all([store.takenEdits(), store.placeEdits()]);
    const dated = olds.filter((h) => dates.has(h));
    if (dated.length) await store.restoreTakenAt(dated);
    const placed = olds.filter((h) => places.has(h));
    if (placed.length) await store.restorePlace(placed);
  });
  // A decision forgotten is an automatic tag again ('auto'), as `tags forget` does.
  await writes.tags(async () => {
    const decided = await store.listTags({ hashes: olds, states: ['accepted', 'rejected'] });
    if (decided.length) await store.putTags(decided.map((t) => ({ ...t, state: 'auto' as const })));
  });
  const turned = [...(await store.rotations()).keys()].filter((h) => olds.includes(h));
  if (turned.length) await store.rotate(turned, 'reset');
  // An entry naming the old content under a path it was at before (renamed since) follows it too.
  const to = new Map(moved.map((m) => [m.from, m.to]));
  await renameAlbumEntries(store, writes, (_entry, hash) => to.get(hash));
}

/** Gives album entries another content hash where `next` says (undefined: as they are). */
async function renameAlbumEntries(store: LibraryStore, writes: MarkWrites, next: (entry: string, hash: string) => string | undefined): Promise<void> {
  await writes.albums(async () => {
    for (const record of await store.listAlbums()) {
      const album = parseAlbum(record.json);
      let changed = false;
      for (const [entry, hash] of Object.entries(album.hashes)) {
        const to = next(entry, hash);
        if (to !== undefined && to !== hash) {
          album.hashes[entry] = to;
          changed = true;
        }
      }
      if (changed) await store.putAlbum({ name: record.name, json: JSON.stringify(album), updatedAt: Date.now() });
    }
  });
}

function tagKey(hash: string, t: Pick<TagRecord, 'set' | 'label'>): string {
  // The label as the set's validator compares it (labelKey): "red" and "Red" are one tag.
  return JSON.stringify([hash, t.set, labelKey(t.label)]);
}
