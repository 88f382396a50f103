// The identical copies beside an excluded photo: the other library paths that held its content
// when it was excluded. An exclusion follows its photo through a move or rename (a path new to
// the library) but never onto one of them (album-pins.ts): they were shown in the album, not
// excluded, and trashing the excluded copy must not take the original out with it.
import type { PhotoListing, PhotoLookups } from '../store/types';
import type { AlbumDefinition } from './album';

/** What the rule reads of an album (both absent in albums stored before it). */
export type ExclusionRecords = Partial<Pick<AlbumDefinition, 'copiesBeside' | 'createdAt'>> & Pick<AlbumDefinition, 'excluded' | 'hashes'>;

type Store = Pick<PhotoListing, 'libraryPathsByHash'> & Pick<PhotoLookups, 'photosByPath'>;

/**
 * For each excluded entry, the paths its exclusion must not move onto. Recorded with the entry
 * when it was made (recordCopiesBeside); an entry stored before that record (an album saved by
 * an earlier version) reads as beside it every copy indexed before the album was made, which was
 * surely in the library when the entry was made; a copy indexed later (where a moved photo lands)
 * it still follows onto, as it always did. `byHash`: the library's paths of the entries' contents.
 */
export async function copiesBesideNow(store: Store, album: ExclusionRecords, byHash: ReadonlyMap<string, readonly string[]>): Promise<(entry: string) => ReadonlySet<string>> {
  const recorded = album.copiesBeside ?? {};
  const createdAt = album.createdAt ?? 0;
  // Old entries whose path no longer holds their content, and where that content is now.
  const unrecorded = new Map<string, readonly string[]>();
  for (const p of album.excluded) {
    const hash = album.hashes[p];
    const now = hash === undefined ? [] : (byHash.get(hash) ?? []);
    if (recorded[p] === undefined && now.length > 0 && !now.includes(p)) unrecorded.set(p, now);
  }
  const holders = [...new Set([...unrecorded.values()].flat())];
  // An album without a creation time (stored before it had one) tells nothing: followed as before.
  const rows = createdAt > 0 && holders.length ? await store.photosByPath(holders) : new Map<string, { indexedAt: number }>();
  const older = new Set(holders.filter((q) => (rows.get(q)?.indexedAt ?? Infinity) < createdAt));
  const none = new Set<string>();
  return (entry) => {
    const copies = recorded[entry];
    if (copies) return new Set(copies);
    const now = unrecorded.get(entry);
    return now ? new Set(now.filter((q) => older.has(q))) : none;
  };
}

/**
 * Keeps the record of every excluded entry that has one, makes it for those without while their
 * path still holds their content (a photo excluded now, or an old album's entry at its next
 * edit: the copies beside it now, so a copy indexed since is not excluded either), and drops
 * those of entries no longer excluded.
 */
export async function recordCopiesBeside(store: Pick<PhotoListing, 'libraryPathsByHash'>, album: AlbumDefinition): Promise<void> {
  const previous = album.copiesBeside ?? {};
  const copies: Record<string, string[]> = {};
  const unrecorded: string[] = [];
  for (const p of album.excluded) {
    if (previous[p] !== undefined) copies[p] = previous[p];
    else if (album.hashes[p] !== undefined) unrecorded.push(p);
  }
  const hashes = [...new Set(unrecorded.map((p) => album.hashes[p]!))];
  const byHash = hashes.length ? await store.libraryPathsByHash(hashes) : new Map<string, string[]>();
  for (const p of unrecorded) {
    const now = byHash.get(album.hashes[p]!) ?? [];
    if (now.includes(p)) copies[p] = now.filter((q) => q !== p).sort();
  }
  // An entry with no copy beside it records an empty list: it was known to have none (a copy
  // there now came later, where a moved photo lands), unlike an entry without a record.
  if (Object.keys(copies).length) album.copiesBeside = copies;
  else delete album.copiesBeside;
}
