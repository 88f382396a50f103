// Exports photos into a folder as symbolic links (default: no space used, the originals
// stay where they are) or as copies (for a USB stick or another machine). Originals are
// only read. A photo's XMP sidecar goes along under the exported name. Running the export
// again adds what is new and skips what is already there; nothing in the folder is deleted.
// A photo the user turned (Rotate) is copied turned when it is a JPEG: its copy's EXIF
// orientation says so, nothing re-encoded (media/jpeg-orientation.ts), so it shows as in
// Shoebox, and its XMP sidecar, if it states an orientation, states the copy's. A link cannot be
// turned, nor another format's copy without re-encoding it: those are exported as their files
// show them, and the report names them.
import fs from 'node:fs';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { jpegOrientation, turnedJpeg, withXmpOrientation } from '../media';
import { addTurns } from '../../shared/rotation';
import { AlbumError } from './album';
import { isRegularFile } from '../../base/file-kind';

export interface ExportReport {
  dir: string;
  mode: 'symlink' | 'copy';
  exported: number;
  /** Already in the folder from an earlier export. */
  skipped: number;
  /** Of `exported` and of `skipped`, the videos (options.videos): a count says photos and videos apart. */
  exportedVideos: number;
  skippedVideos: number;
  failed: { path: string; error: string }[];
  /** Copies of turned photos written turned. */
  turned: number;
  /** Turned photos exported as their files show them (links; copies of other formats than JPEG). */
  unturned: string[];
}

export interface ExportOptions {
  mode: 'symlink' | 'copy';
  /** The clockwise quarter turns of the photos the user turned, by path (turnsByPath). */
  turns?: ReadonlyMap<string, number>;
  /** Which of the sources are videos (export-videos.ts), for the report's counts. */
  videos?: ReadonlySet<string>;
}

/**
 * Refuses an export folder inside a library folder (or a library folder itself): the links
 * or copies written there would be indexed as new photos at the next index, and match the
 * album again, so it would show every photo twice. Compared as given and with symbolic links
 * resolved (the folder need not exist yet: its nearest existing parent is resolved).
 */
export function checkExportDir(dir: string, libraryFolders: readonly string[]): void {
  const abs = path.resolve(dir);
  // A file where the folder (or one of its parents) would be: said plainly, not as mkdir's EEXIST/ENOTDIR.
  const file = fileInTheWay(abs);
  if (file !== null) throw new AlbumError(`export to a folder: ${file} is a file${file === abs ? '' : `, so ${abs} cannot be made`}`, true);
  const forms = (p: string) => [...new Set([p, realPathOfNearest(p)])];
  for (const folder of libraryFolders) {
    if (forms(abs).some((p) => forms(path.resolve(folder)).some((f) => isAtOrInside(p, f)))) {
      throw new AlbumError(`export to a folder outside the library: ${abs} is inside the library folder ${folder}, whose photos are indexed (the exported photos would be added again)`, true);
    }
  }
}

/** The nearest existing path at or above `p` when it is not a folder (a file in the way), else null. */
function fileInTheWay(p: string): string | null {
  for (let at = p; ; at = path.dirname(at)) {
    try {
      return fs.statSync(at).isDirectory() ? null : at;
    } catch {
      if (path.dirname(at) === at) return null;
    }
  }
}

/** `p` with symbolic links resolved, through its nearest existing parent when it does not exist yet. */
function realPathOfNearest(p: string): string {
  const rest: string[] = [];
  for (let at = p; ; at = path.dirname(at)) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return p;
      rest.push(path.basename(at));
    }
  }
}

export function exportPhotos(sources: readonly string[], dir: string, options: ExportOptions): ExportReport {
  fs.mkdirSync(dir, { recursive: true });
  const report: ExportReport = { dir, mode: options.mode, exported: 0, skipped: 0, exportedVideos: 0, skippedVideos: 0, failed: [], turned: 0, unturned: [] };
  const taken = new Set(fs.readdirSync(dir));
  const present = alreadyExported(dir, taken, options.mode);
  for (const source of sources) {
    const video = options.videos?.has(source) === true;
    try {
      const turns = addTurns(options.turns?.get(source) ?? 0, 0);
      // The turned copy's bytes, made first: an earlier export of it is known by them.
      const turned = turns !== 0 && options.mode === 'copy' ? turnedJpeg(fs.readFileSync(source), turns) : null;
      const unturned = turns !== 0 && !turned;
      if (isExported(present, source, options.mode, turned)) {
        report.skipped++;
        if (video) report.skippedVideos++;
        if (unturned) report.unturned.push(source);
        continue;
      }
      const name = freeName(taken, path.basename(source));
      place(source, path.join(dir, name), options.mode, turned);
      taken.add(name);
      if (turned) report.turned++;
      if (unturned) report.unturned.push(source);
      const sidecar = `${source}.xmp`;
      // Only the photo's own sidecar: a link named like one may point anywhere (a private file).
      if (isRegularFile(sidecar) && !taken.has(`${name}.xmp`)) {
        place(sidecar, path.join(dir, `${name}.xmp`), options.mode, turned ? turnedSidecar(sidecar, jpegOrientation(turned) ?? 1) : null);
        taken.add(`${name}.xmp`);
      }
      report.exported++;
      if (video) report.exportedVideos++;
    } catch (error) {
      report.failed.push({ path: source, error: (error as Error).message });
    }
  }
  return report;
}

/**
 * The sidecar of a turned copy stating the copy's EXIF orientation where it states one; null:
 * copied as it is (it states none, is not UTF-8, as XMP must be, so its text could not be
 * written back byte for byte, or cannot be read now: the copy is placed already).
 */
function turnedSidecar(sidecar: string, orientation: number): Buffer | null {
  try {
    const bytes = fs.readFileSync(sidecar);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) return null;
    const turned = withXmpOrientation(text, orientation);
    return turned === null ? null : Buffer.from(turned, 'utf8');
  } catch {
    return null;
  }
}

/** Links or copies `source` as `target` (a copy keeps its mtime); `bytes`: write these instead (a turned copy). */
function place(source: string, target: string, mode: 'symlink' | 'copy', bytes: Buffer | null = null): void {
  if (mode === 'symlink') {
    fs.symlinkSync(source, target);
    return;
  }
  if (bytes) fs.writeFileSync(target, bytes, { flag: 'wx' });
  else fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  const st = fs.statSync(source);
  fs.utimesSync(target, st.atime, st.mtime);
}

/**
 * What the folder already holds from earlier exports: the targets of its links, or its files
 * by (extension, size, mtime) for copies (copies keep the original's mtime).
 */
function alreadyExported(dir: string, names: Set<string>, mode: 'symlink' | 'copy'): Map<string, string[]> {
  const present = new Map<string, string[]>();
  const add = (key: string, file: string) => present.set(key, [...(present.get(key) ?? []), file]);
  for (const name of names) {
    const entry = path.join(dir, name);
    try {
      const st = fs.lstatSync(entry);
      if (mode === 'symlink' && st.isSymbolicLink()) add(path.resolve(dir, fs.readlinkSync(entry)), entry);
      if (mode === 'copy' && st.isFile()) add(copyKey(entry, st.size, st.mtimeMs), entry);
    } catch {
      // Vanished meanwhile: nothing to skip.
    }
  }
  return present;
}

/** Where a copy can differ from another of the same photo, size and time: a turn is written in
 *  its EXIF, a segment of at most 64 KB at the start of the file. */
const HEAD_BYTES = 128 * 1024;

/**
 * Whether the folder holds this export already: a link to `source`, or a copy with the size and
 * time of what would be written (`turned`, or the file) that also starts with the same bytes, so
 * a photo exported at one turn is copied again at another (a camera JPEG's turn changes two
 * bytes of its EXIF, not its size).
 */
function isExported(present: ReadonlyMap<string, string[]>, source: string, mode: 'symlink' | 'copy', turned: Buffer | null): boolean {
  if (mode === 'symlink') return present.has(source);
  const st = fs.statSync(source);
  const candidates = present.get(copyKey(source, turned ? turned.length : st.size, st.mtimeMs));
  if (!candidates) return false;
  const want = turned ? turned.subarray(0, HEAD_BYTES) : head(source);
  return candidates.some((file) => head(file).equals(want));
}

function head(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function copyKey(file: string, size: number, mtimeMs: number): string {
  return JSON.stringify([path.extname(file).toLowerCase(), size, Math.round(mtimeMs)]);
}

/** `name`, else `stem (2).ext`, `stem (3).ext`, ... not yet in the folder. */
function freeName(taken: Set<string>, name: string): string {
  if (!taken.has(name)) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
