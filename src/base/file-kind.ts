// What a path is, asked without throwing: a missing or unreadable path is simply not a folder
// or a file. Written once here after the import, album export, model folders and device
// folders each had their own.
import fs from 'node:fs';

/** A folder (a link to one counts: the user named it). */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A regular file itself, not a link to one: copying or exporting never follows a link out. */
export function isRegularFile(p: string): boolean {
  try {
    return fs.lstatSync(p).isFile();
  } catch {
    return false;
  }
}

/** The size of the file at `p` (a link followed), or null when there is none. */
export function fileSize(p: string): number | null {
  try {
    return fs.statSync(p).size;
  } catch {
    return null;
  }
}

/**
 * What a path that is not a regular file is, in words for a failure line ("a FIFO"): asked of
 * a stat, never by opening it (opening a FIFO waits for a writer, a device may act on it).
 */
export function specialFileKind(st: Pick<fs.Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a file';
}

/** The failure line of a path a photo or video was expected at that is not a regular file. */
export function notRegularFileReason(st: Parameters<typeof specialFileKind>[0]): string {
  return `not a regular file (${specialFileKind(st)})`;
}
