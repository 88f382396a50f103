// Lightroom's sidecars are named for the shot (`IMG_7005.xmp` beside `IMG_7005.JPG` and
// `IMG_7005.CR2`), not for one file (`IMG_7005.JPG.xmp`, darktable's and digiKam's). Shoebox
// reads both (api/description-import.ts: the photo's own first, then the shot's), so an import
// takes the shot's along too, under the name the copy's shot has in the library: a copy named
// `IMG_7005 (2).JPG` gets `IMG_7005 (2).xmp`, never another shot's sidecar.
import fs from 'node:fs';
import path from 'node:path';

/** Whether `file` is named as an XMP sidecar (either case, as cameras and Windows write it). */
function isXmp(file: string): boolean {
  return path.extname(file).toLowerCase() === '.xmp';
}

/** Each media file's shot sidecar among `others` (the card's files that are no photo or video), by the media file's path. */
export function shotSidecars(media: readonly string[], others: readonly string[]): Map<string, string> {
  const byShot = new Map<string, string>(); // dir/stem → its sidecar
  for (const file of others) if (isXmp(file)) byShot.set(shotOf(file), file);
  const out = new Map<string, string>();
  for (const file of media) {
    const sidecar = byShot.get(shotOf(file));
    if (sidecar) out.set(file, sidecar);
  }
  return out;
}

/**
 * Copies the shot's `sidecar` beside `target` (the copy, by its name in the library). One there
 * of the same bytes is that shot's (another file of it, a RAW, was imported with it): it stays.
 * One of other bytes is never replaced, nor passed over unsaid: the import names the copy so
 * that none is there (photo-import.ts), so one met here came meanwhile, and is an error.
 */
export function copyShotSidecar(sidecar: string, target: string): void {
  const dest = path.join(path.dirname(target), `${path.parse(target).name}${path.extname(sidecar)}`);
  try {
    fs.copyFileSync(sidecar, dest, fs.constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (sameBytes(dest, sidecar)) return;
    throw new Error(`${path.basename(dest)} in ${path.dirname(dest)} is another sidecar: not replaced`, { cause: error });
  }
  const st = fs.statSync(sidecar);
  fs.utimesSync(dest, st.atime, st.mtime);
}

/** `dir/IMG_7005` for `dir/IMG_7005.JPG` and `dir/IMG_7005.xmp` alike. */
function shotOf(file: string): string {
  return path.join(path.dirname(file), path.parse(file).name);
}

/** Whether two files hold the same bytes (sidecars: a few kilobytes); false when one cannot be read. */
export function sameBytes(a: string, b: string): boolean {
  try {
    return fs.readFileSync(a).equals(fs.readFileSync(b));
  } catch {
    return false;
  }
}
