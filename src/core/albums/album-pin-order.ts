// A hand-picked album's photos are in the order they were pinned, so "Remove from album" then
// Undo (which pins them again) must put each back where it was, not at the end. The edit that
// takes pins out remembers their places (album.ts `lastRemoved`); pinning one of them again as
// the very next edit of the album inserts it there. Any other edit forgets them, so a photo
// added back much later (after other changes) goes at the end, as any new pin does.
import type { AlbumDefinition, RemovedPin } from './album';

/** The pins `named` names, with their places in `pinned` now (before they are taken out). */
export function removedPins(album: Pick<AlbumDefinition, 'pinned' | 'hashes'>, named: (entry: string) => boolean): RemovedPin[] {
  return album.pinned.flatMap((entry, index) => (named(entry) ? [{ path: entry, hash: album.hashes[entry] ?? null, index }] : []));
}

/**
 * `pinned` with `added` in: each one the last edit took out back at its old place (in the
 * order of those places, so several come back exactly as they were), the others at the end.
 */
export function withPinsAdded(pinned: readonly string[], added: readonly { path: string; hash: string | null }[], lastRemoved: readonly RemovedPin[] = []): string[] {
  const placeOf = (photo: { path: string; hash: string | null }) =>
    lastRemoved.find((r) => r.path === photo.path || (photo.hash !== null && r.hash === photo.hash))?.index;
  const back = added.flatMap((p) => {
    const index = placeOf(p);
    return index === undefined ? [] : [{ path: p.path, index }];
  });
  const out = [...pinned];
  for (const { path, index } of back.sort((a, b) => a.index - b.index)) out.splice(Math.min(index, out.length), 0, path);
  const returned = new Set(back.map((b) => b.path));
  for (const p of added) if (!returned.has(p.path)) out.push(p.path);
  return out;
}
