// Where an album's pinned and excluded photos are now. They are stored as the path they had
// with their content hash (album.ts), and resolved against the library at read time, so a
// renamed photo or a moved folder keeps its pin or exclusion, like its tags (which are keyed
// by hash): an entry's path when it still holds that content, else wherever that content is
// now, else nowhere: a pinned photo whose content left the library leaves the album. An entry
// without a hash (an album stored before hashes) is its path.
//
// "Wherever that content is now" differs for the two kinds (excluded-copies.ts):
// - a pin follows onto every path holding it: the pinned picture stays in the album when the
//   copy that was pinned is trashed as a duplicate and another copy stays (a pin only ever
//   keeps that picture in);
// - an exclusion follows only its own file, never onto an identical copy that was beside it in
//   the library when it was made, even renamed since: that copy was shown, not excluded, and
//   the duplicates review's "exclude the copy, trash it" must not take the original out too.
import type { PhotoListing, PhotoLookups } from '../store/types';
import type { AlbumDefinition } from './album';
import { excludedWentTo, type ExclusionRecords } from './excluded-copies';

export interface ResolvedPins {
  /** Current path -> content hash of every pinned photo in the library, in pin order. */
  pinned: Map<string, string>;
  /** Current paths of the excluded photos in the library. */
  excluded: Set<string>;
}

type Entries = Pick<AlbumDefinition, 'pinned' | 'excluded' | 'hashes'> & ExclusionRecords;

/** One query for the entries with a hash, one more for those without (old albums only), and
 *  one for the rows of the paths an exclusion whose path lost its content could go to (rare). */
export async function resolvePins(store: Pick<PhotoListing, 'libraryPathsByHash'> & Pick<PhotoLookups, 'photosByPath'>, album: Entries): Promise<ResolvedPins> {
  const entries = [...album.pinned, ...album.excluded];
  const hashes = [...new Set(entries.flatMap((p) => album.hashes[p] ?? []))];
  const unhashed = entries.filter((p) => album.hashes[p] === undefined);
  const [byHash, rows] = await Promise.all([
    hashes.length ? store.libraryPathsByHash(hashes) : new Map<string, string[]>(),
    unhashed.length ? store.photosByPath(unhashed) : new Map<string, { hash: string }>(),
  ]);
  const whereNow = (p: string): [string, string][] => {
    const hash = album.hashes[p];
    if (hash === undefined) {
      const row = rows.get(p);
      return row ? [[p, row.hash]] : [];
    }
    const now = byHash.get(hash) ?? [];
    return now.includes(p) ? [[p, hash]] : now.map((q): [string, string] => [q, hash]);
  };
  // An exclusion whose path lost its content: where its own file went, not its copies.
  const wentTo = await excludedWentTo(store, album, byHash);
  const excludedNow = (p: string) => {
    const now = whereNow(p).map(([q]) => q);
    return now.includes(p) || album.hashes[p] === undefined ? now : wentTo(p);
  };
  return {
    pinned: new Map(album.pinned.flatMap(whereNow)),
    excluded: new Set(album.excluded.flatMap(excludedNow)),
  };
}

/** Whether an entry names one of `photos` (its path, or its content when the entry has a hash). */
export function namesAny(album: Pick<AlbumDefinition, 'hashes'>, photos: readonly { path: string; hash: string | null }[]): (entry: string) => boolean {
  const paths = new Set(photos.map((p) => p.path));
  const hashes = new Set(photos.flatMap((p) => p.hash ?? []));
  return (entry) => paths.has(entry) || (album.hashes[entry] !== undefined && hashes.has(album.hashes[entry]));
}
