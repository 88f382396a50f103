// The identical copies beside an excluded photo: the other library paths that held its content
// when it was excluded. An exclusion follows its own file through a move or rename, but never
// onto one of them (album-pins.ts): they were shown in the album, not excluded, and trashing
// the excluded copy must not take the original out with it, even when the original was renamed
// or moved since. What tells the excluded file from its copies wherever they go is its
// modification time: a move or rename keeps a file's mtime, an independent copy has its own.
// Not always: a copy that keeps times (Finder's Duplicate, `cp -p`, `rsync -a`) has the
// original's. So the record keeps the copies' mtimes too, and where the excluded file's own is
// among them, the mtime tells nothing: the exclusion then follows nowhere (it is lost with its
// file, never moved onto the original: losing an exclusion shows a photo, excluding the original
// hides one).
import type { PhotoListing, PhotoLookups } from '../store/types';
import type { AlbumDefinition, CopiesBeside } from './album';

/** What the rule reads of an album (both absent in albums stored before it). */
export type ExclusionRecords = Partial<Pick<AlbumDefinition, 'copiesBeside' | 'createdAt'>> & Pick<AlbumDefinition, 'excluded' | 'hashes'>;

type Store = Pick<PhotoListing, 'libraryPathsByHash'> & Pick<PhotoLookups, 'photosByPath'>;

/**
 * A record as this module writes it: `copyMtimes`, the copies' mtimes when it was made (sorted,
 * each once). Records stored before it have none: their excluded file's mtime is taken as its own.
 */
export type CopiesRecord = CopiesBeside;

/** Whether a record's mtime tells its file from its copies: not when a copy had the same (a copy that kept times). */
function mtimeTellsApart(record: CopiesRecord): boolean {
  return !record.copyMtimes?.includes(record.mtimeMs);
}

/**
 * Where each excluded entry whose path lost its content went, of the paths holding that content
 * now (`byHash`: the library's paths of the entries' contents). An entry with a record
 * (recordCopiesBeside) follows onto a path that is none of the copies recorded beside it and has
 * the excluded file's own mtime (the copies renamed or moved since have theirs), and nowhere when
 * a copy had that mtime too (mtimeTellsApart: it could be that copy renamed). An entry
 * without one had no copy beside it, or is an album's stored before the record: it follows onto
 * every copy indexed after the album was made (where a moved photo lands); a copy indexed
 * before was surely in the library when the entry was made, beside it and shown. One lookup of
 * rows, and only when some excluded path lost its content (rare).
 */
export async function excludedWentTo(store: Store, album: ExclusionRecords, byHash: ReadonlyMap<string, readonly string[]>): Promise<(entry: string) => readonly string[]> {
  const records: Record<string, CopiesRecord> = album.copiesBeside ?? {};
  const createdAt = album.createdAt ?? 0;
  // Entries whose path no longer holds their content, and the paths that hold it now.
  const lost = new Map<string, readonly string[]>();
  for (const p of album.excluded) {
    const hash = album.hashes[p];
    const now = hash === undefined ? [] : (byHash.get(hash) ?? []);
    if (now.length > 0 && !now.includes(p)) lost.set(p, now);
  }
  const holders = [...new Set([...lost.values()].flat())];
  const rows = holders.length ? await store.photosByPath(holders) : new Map<string, { mtimeMs: number; indexedAt: number }>();
  const follows = (record: CopiesRecord | undefined) => (q: string) => {
    const row = rows.get(q);
    if (!row) return false;
    if (record) return mtimeTellsApart(record) && !record.paths.includes(q) && row.mtimeMs === record.mtimeMs;
    // An album without a creation time (stored before it had one) tells nothing: followed as before.
    return createdAt === 0 || row.indexedAt >= createdAt;
  };
  return (entry) => {
    const now = lost.get(entry);
    return now ? now.filter(follows(records[entry])) : [];
  };
}

/**
 * Keeps the record of every excluded entry that has one, makes it for those without while their
 * path still holds their content and another path holds it too (a photo excluded now, or an
 * entry made before at the next edit that excludes: the copies beside it now, shown, so a copy
 * indexed since is not excluded either), and drops those of entries no longer excluded. Only
 * entries with a copy beside them get a record: most have none, and the album's JSON is read
 * whole at every summary.
 */
export async function recordCopiesBeside(store: Store, album: AlbumDefinition): Promise<void> {
  const previous = album.copiesBeside ?? {};
  const records: Record<string, CopiesBeside> = {};
  const unrecorded: string[] = [];
  for (const p of album.excluded) {
    if (previous[p] !== undefined) records[p] = previous[p];
    else if (album.hashes[p] !== undefined) unrecorded.push(p);
  }
  const hashes = [...new Set(unrecorded.map((p) => album.hashes[p]!))];
  const byHash = hashes.length ? await store.libraryPathsByHash(hashes) : new Map<string, string[]>();
  const withCopies = unrecorded.filter((p) => {
    const now = byHash.get(album.hashes[p]!) ?? [];
    return now.includes(p) && now.length > 1;
  });
  // The rows of the excluded files and of their copies: one look-up.
  const copiesOf = (p: string) => byHash.get(album.hashes[p]!)!.filter((q) => q !== p).sort();
  const wanted = [...new Set(withCopies.flatMap((p) => [p, ...copiesOf(p)]))];
  const rows = wanted.length ? await store.photosByPath(wanted) : new Map<string, { mtimeMs: number }>();
  for (const p of withCopies) {
    const row = rows.get(p);
    if (!row) continue;
    const paths = copiesOf(p);
    const copyMtimes = [...new Set(paths.flatMap((q) => rows.get(q)?.mtimeMs ?? []))].sort((a, b) => a - b);
    const record: CopiesRecord = { mtimeMs: row.mtimeMs, paths, copyMtimes };
    records[p] = record;
  }
  if (Object.keys(records).length) album.copiesBeside = records;
  else delete album.copiesBeside;
}

/**
 * The records as stored, those of another shape (an unreleased earlier form) left out: they read
 * as unrecorded. A record without copies' mtimes (stored before them) is kept as it is; one whose
 * copies' mtimes are not a list of numbers, the same way (without them).
 */
export function storedCopiesBeside(raw: unknown): Record<string, CopiesBeside> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const records = Object.entries(raw as Record<string, unknown>).flatMap(([p, value]): [string, CopiesRecord][] => {
    const r = value as Partial<CopiesRecord> | null;
    if (!r || typeof r.mtimeMs !== 'number' || !Array.isArray(r.paths)) return [];
    const { copyMtimes, ...rest } = r as CopiesRecord;
    const valid = Array.isArray(copyMtimes) && copyMtimes.every((m) => typeof m === 'number');
    return [[p, valid ? { ...rest, copyMtimes } : rest]];
  });
  return records.length ? Object.fromEntries(records) : undefined;
}

/** Drops the records of entries no longer excluded (an edit that pins or frees: nothing to look up). */
export function forgetFreedRecords(album: AlbumDefinition): void {
  if (!album.copiesBeside) return;
  const excluded = new Set(album.excluded);
  const kept = Object.entries(album.copiesBeside).filter(([p]) => excluded.has(p));
  if (kept.length) album.copiesBeside = Object.fromEntries(kept);
  else delete album.copiesBeside;
}
