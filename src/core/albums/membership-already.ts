// How many photos of an album edit were so already, read from the album before the edit: a
// pin asked of a photo pinned already (by its path, or a copy with its content), an exclusion
// of one excluded already, freeing one neither pinned nor excluded. The edit leaves those as
// they were, and every front end says them apart ("1 photo was pinned already"), as the CLI
// does for one photo ("was pinned to the album … already; nothing changed").
import { isHandPicked, type AlbumDefinition } from './album';

type EditedPhoto = { path: string; hash: string | null };

/** `excludedNow`: where the album's exclusions are now (an excluded photo moved there), when the edit read it. */
export function alreadySo(album: Pick<AlbumDefinition, 'query' | 'pinned' | 'excluded' | 'hashes'>, photos: readonly EditedPhoto[], membership: 'pinned' | 'excluded' | 'none', excludedNow?: ReadonlySet<string>): number {
  const hashesOf = (entries: readonly string[]) => new Set(entries.flatMap((p) => album.hashes[p] ?? []));
  const pinnedPaths = new Set(album.pinned);
  const pinnedHashes = hashesOf(album.pinned);
  // A pin names its content: a copy pinned already is this photo's pin (applyMembership lists it once).
  const pinned = (p: EditedPhoto) => pinnedPaths.has(p.path) || (p.hash !== null && pinnedHashes.has(p.hash));
  // An exclusion is its own file's (excluded-copies.ts), where it is now.
  const excludedPaths = new Set([...album.excluded, ...(excludedNow ?? [])]);
  const excludedHashes = hashesOf(album.excluded);
  // Freeing drops any entry that names the photo, by its path or its content (applyMembership's `named`).
  const excludedNamed = (p: EditedPhoto) => excludedPaths.has(p.path) || (p.hash !== null && excludedHashes.has(p.hash));
  const count = (test: (p: EditedPhoto) => boolean) => photos.filter(test).length;
  // A pin also lifts an exclusion: pinned but excluded too changes the album.
  if (membership === 'pinned') return count((p) => pinned(p) && !excludedNamed(p));
  // A hand-picked album holds only its pins: excluding from it is unpinning.
  if (membership === 'excluded' && isHandPicked(album)) return count((p) => !pinned(p));
  if (membership === 'excluded') return count((p) => excludedPaths.has(p.path) && !pinned(p));
  return count((p) => !pinned(p) && !excludedNamed(p));
}
