// Whether a library file is still the one that was indexed, before its bytes are served.
// A photo's row records the size and mtime of the file it was made from, as stat() saw it
// following links (library/scan.ts, indexer.ts); the watcher re-indexes a file whose stat
// changes, but until then (or for good with --no-watch) the row would vouch for whatever is
// at that path now: an indexed photo replaced by a symlink to a private file whose first bytes
// happen to look like a JPEG would be served. Shoebox itself never writes an original (a
// Rotate, a date or a place is kept in the library; exports write copies), so an unchanged
// photo always passes, a symlinked one included (its target's stat is what was recorded).
// The check is on stat rather than on the real path staying inside a library folder: a user's
// own links from a folder to photos kept elsewhere are indexed, and must still be shown.
import type { Stats } from 'node:fs';
import type { PhotoSummary } from '../store/types';

export function unchangedSinceIndexed(now: Pick<Stats, 'size' | 'mtimeMs'>, row: Pick<PhotoSummary, 'size' | 'mtimeMs'>): boolean {
  // The index keeps whole milliseconds (Math.floor of stat's mtimeMs).
  return now.size === row.size && Math.floor(now.mtimeMs) === row.mtimeMs;
}
