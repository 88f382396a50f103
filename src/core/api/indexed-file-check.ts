// Whether a library file is still the one that was indexed, before its bytes are served.
// A photo's row records the size, mtime and content hash of the file it was made from, as
// stat() saw it following links (library/scan.ts, indexer.ts); the watcher re-indexes a file
// whose stat changes, but until then (or for good with --no-watch, or on a network share whose
// changes made by another machine it does not see) the row would vouch for whatever is at that
// path now: an indexed photo replaced by a symlink to a private file whose first bytes happen
// to look like a JPEG would be served. Shoebox itself never writes an original (a Rotate, a
// date or a place is kept in the library; exports write copies), so an unchanged photo always
// passes, a symlinked one included (its target's stat is what was recorded).
// The check is on the file rather than on the real path staying inside a library folder: a
// user's own links from a folder to photos kept elsewhere are indexed, and must still be shown.
//
// The size must match; the mtime need not. Ordinary setups move mtimes of unchanged files: a
// FAT32/exFAT card or USB drive stores local time, so a time-zone or DST change shifts every
// mtime by the offset; a folder mapped from another mount or a sync tool may not keep it. A
// photo whose mtime moved is served when its bytes hash to the indexed content hash (the
// indexer's own SHA-256, on the bytes read for serving anyway): another file, the symlink swap
// included, has another hash. Each such file is hashed once per process (verified-originals.ts),
// and on this thread with no copy of its bytes (a 40 MB original: ~20 ms, once). A video is too large to hash per request: its mtime may only
// have moved by what a clock does, a whole zone offset or FAT's 2 s resolution.
import type { Stats } from 'node:fs';
import { sha256InPlace } from '../library/hash-thread';
import type { PhotoSummary } from '../store/types';
import { VerifiedOriginals, type VerifiedStat } from './verified-originals';

type FileStat = Pick<Stats, 'size' | 'mtimeMs'>;

/** FAT keeps mtimes to 2 s; a copy or a sync tool may round them to it. */
const CLOCK_SLACK_MS = 2_000;
/** Every time zone's offset is a whole number of quarter hours (India +5:30, Nepal +5:45). */
const ZONE_STEP_MS = 15 * 60_000;
/** The largest zone offset (UTC+14): a card read in another zone, or DST, shifts by less. */
const MAX_SHIFT_MS = 14 * 3_600_000;

/** Size and mtime as recorded: the file indexed, with no need to read it. */
export function unchangedSinceIndexed(now: FileStat, row: Pick<PhotoSummary, 'size' | 'mtimeMs'>): boolean {
  // The index keeps whole milliseconds (Math.floor of stat's mtimeMs).
  return now.size === row.size && Math.floor(now.mtimeMs) === row.mtimeMs;
}

const verified = new VerifiedOriginals();

/** Whether a photo read as `bytes` (stat `now`, of the handle read) is the content indexed in `row`. */
export function photoStillIndexed(now: VerifiedStat, bytes: Uint8Array, row: Pick<PhotoSummary, 'path' | 'size' | 'mtimeMs' | 'hash'>): boolean {
  if (now.size !== row.size || bytes.length !== row.size) return false;
  if (unchangedSinceIndexed(now, row)) return true;
  if (verified.has(row.path, now, row.hash)) return true;
  // Touched, shifted or copied without its mtime: the same content is the same photo.
  const same = sha256InPlace(bytes) === row.hash;
  if (same) verified.remember(row.path, now, row.hash);
  return same;
}

/** Whether a video's file (stat `now`) is still the one indexed: same size, mtime as recorded or only shifted as a clock shifts it. */
export function videoStillIndexed(now: FileStat, row: Pick<PhotoSummary, 'size' | 'mtimeMs'>): boolean {
  return now.size === row.size && clockShiftOnly(Math.floor(now.mtimeMs) - row.mtimeMs);
}

/** A difference of mtimes a zone, DST or FAT rounding explains (0 included). */
function clockShiftOnly(deltaMs: number): boolean {
  if (Math.abs(deltaMs) > MAX_SHIFT_MS + CLOCK_SLACK_MS) return false;
  const offBy = Math.abs(deltaMs - Math.round(deltaMs / ZONE_STEP_MS) * ZONE_STEP_MS);
  return offBy <= CLOCK_SLACK_MS;
}
