// Exports photos into a folder as symbolic links (default: no space used, the originals
// stay where they are) or as copies (for a USB stick or another machine). Originals are
// only read. A photo's XMP sidecar goes along under the exported name. Running the export
// again adds what is new (a sidecar made since included) and skips what is already there;
// nothing in the folder is deleted or overwritten. A copy is written whole under a hidden part
// file and only then named (base/part-file.ts, as the import writes): a crash or a full disk
// leaves no cut-short photo under a photo's name, and the next export removes the part file.
// A full (or read-only) disk stops the export at the first photo it refuses, said once.
// A copy is the photo as Shoebox shows it (export-copy-bytes.ts): a JPEG's copy is written
// turned and with the date and place the user set or removed by hand, in its EXIF, nothing
// re-encoded, and its sidecar says the same. A link cannot be, nor another format's copy
// without re-encoding it: those are exported as their files show them, and the report names
// them; but a copy that would carry a position the user removed is refused.
import fs from 'node:fs';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { jpegOrientation } from '../media';
import { addTurns } from '../../shared/rotation';
import { AlbumError } from './album';
import { isRegularFile } from '../../base/file-kind';
import { copyPlan, sidecarBytes } from './export-copy-bytes';
import type { ExportEdits } from './export-edits';
import { nameFile, partFilePath, removeCrashLeftovers, syncFile } from '../../base/part-file';
import { importDestinationFailure, isDiskWide } from '../../shared/disk-failure-text';

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
  /** Copies written with the date or place the user set or removed by hand. */
  edited: number;
  /** Photos with such edits exported as their files show them (links; copies of other formats). */
  unedited: string[];
  /** Sidecars in the folder from an earlier export that differ from what would be written now: left as they are. */
  keptSidecars: string[];
}

export interface ExportOptions {
  mode: 'symlink' | 'copy';
  /** The clockwise quarter turns of the photos the user turned, by path (turnsByPath). */
  turns?: ReadonlyMap<string, number>;
  /** Which of the sources are videos (export-videos.ts), for the report's counts. */
  videos?: ReadonlySet<string>;
  /** The dates and places set or removed by hand, by path (editsByPath). */
  edits?: ReadonlyMap<string, ExportEdits>;
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
  // A copy a killed export left unnamed: it holds no photo's name, so it is only removed (one
  // another export into this folder is writing now is kept: base/part-file.ts).
  removeCrashLeftovers(dir);
  const report: ExportReport = { dir, mode: options.mode, exported: 0, skipped: 0, exportedVideos: 0, skippedVideos: 0, failed: [], turned: 0, unturned: [], edited: 0, unedited: [], keptSidecars: [] };
  const taken = new Set(fs.readdirSync(dir));
  const present = alreadyExported(dir, taken, options.mode);
  for (const [at, source] of sources.entries()) {
    const video = options.videos?.has(source) === true;
    try {
      const edits = options.edits?.get(source);
      // The copy's bytes, made first: an earlier export of it is known by them.
      const plan = copyPlan(source, options.mode, addTurns(options.turns?.get(source) ?? 0, 0), edits);
      const sidecar = `${source}.xmp`;
      // Only the photo's own sidecar: a link named like one may point anywhere (a private file).
      // Its bytes before anything is written: one that must not go refuses the photo.
      const hasSidecar = isRegularFile(sidecar);
      const sidecarCopy = hasSidecar && options.mode === 'copy' ? sidecarBytes(sidecar, plan.turned ? (jpegOrientation(plan.bytes!) ?? 1) : null, edits) : null;
      if (plan.unturned) report.unturned.push(source);
      if (plan.unedited) report.unedited.push(source);
      const earlier = exportedAs(present, source, options.mode, plan.bytes);
      if (earlier !== null) {
        report.skipped++;
        if (video) report.skippedVideos++;
        // A sidecar made since the earlier export goes along now; one there already is never overwritten.
        if (hasSidecar) addSidecar(report, taken, dir, path.basename(earlier), sidecar, options.mode, sidecarCopy);
        continue;
      }
      const name = placePhoto(source, dir, taken, options.mode, plan.bytes);
      taken.add(name);
      if (plan.turned) report.turned++;
      if (plan.edited) report.edited++;
      if (hasSidecar && !taken.has(`${name}.xmp`)) placeSidecar(report, taken, dir, name, sidecar, options.mode, sidecarCopy);
      report.exported++;
      if (video) report.exportedVideos++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A full, over-quota or read-only disk refuses every photo after it too: said once, and stopped.
      if (isDiskWide(code)) {
        report.failed.push({ path: source, error: diskStopped(report, code!, sources.length - at) });
        break;
      }
      report.failed.push({ path: source, error: (error as Error).message });
    }
  }
  return report;
}

/** The one failure of an export a disk stopped: the folder and the cause in the import's words, and how far it got. */
function diskStopped(report: ExportReport, code: string, left: number): string {
  const already = report.skipped ? ` (${report.skipped} already there)` : '';
  const advice = code === 'EROFS' ? '' : '; free some space and export again';
  return `${importDestinationFailure(report.dir, code)}: stopped with ${report.exported} exported${already} and ${left} not exported${advice}`;
}

/** Places the photo in `dir` under its name, else `stem (2).ext`, ...: the name it got. */
function placePhoto(source: string, dir: string, taken: ReadonlySet<string>, mode: 'symlink' | 'copy', bytes: Buffer | null): string {
  if (mode === 'symlink') {
    // One call: a link is there whole or not at all.
    const name = freeName(taken, path.basename(source));
    fs.symlinkSync(source, path.join(dir, name));
    return name;
  }
  return path.basename(writeCopy(source, dir, freeNames(taken, path.basename(source)), bytes)!);
}

/** Places a photo's sidecar as `<name>.xmp` (`name`: the photo's in the folder); one there meanwhile is kept, and named in the report. */
function placeSidecar(report: ExportReport, taken: Set<string>, dir: string, name: string, sidecar: string, mode: 'symlink' | 'copy', bytes: Buffer | null): void {
  const target = path.join(dir, `${name}.xmp`);
  if (mode === 'symlink') fs.symlinkSync(sidecar, target);
  else if (writeCopy(sidecar, dir, [`${name}.xmp`], bytes) === null) report.keptSidecars.push(target);
  taken.add(`${name}.xmp`);
}

/**
 * Copies `source` (or writes `bytes`) into `dir` under the first free one of `names`, with the
 * source's mtime: into a part file first, flushed, then named (never over a file); the part file
 * is removed whatever happens. The path written; null when every name was taken.
 */
function writeCopy(source: string, dir: string, names: Iterable<string>, bytes: Buffer | null): string | null {
  const part = partFilePath(dir, path.basename(source));
  try {
    if (bytes) fs.writeFileSync(part, bytes, { flag: 'wx' });
    else fs.copyFileSync(source, part, fs.constants.COPYFILE_EXCL);
    // The times before the flush, which writes them too: a copy a power cut left named with the
    // time of writing would not be known as this photo's (alreadyExported) and get NAME (2).
    const st = fs.statSync(source);
    fs.utimesSync(part, st.atime, st.mtime);
    syncFile(part);
    for (const name of names) if (nameFile(part, path.join(dir, name))) return path.join(dir, name);
    return null;
  } finally {
    fs.rmSync(part, { force: true });
  }
}

/**
 * Places the sidecar of a photo the folder holds already (as `name`) where there is none; one
 * there that differs from what would be written is left as it is, and named in the report.
 */
function addSidecar(report: ExportReport, taken: Set<string>, dir: string, name: string, sidecar: string, mode: 'symlink' | 'copy', bytes: Buffer | null): void {
  const target = path.join(dir, `${name}.xmp`);
  if (!taken.has(`${name}.xmp`)) {
    placeSidecar(report, taken, dir, name, sidecar, mode, bytes);
    return;
  }
  try {
    const same = mode === 'symlink' ? path.resolve(dir, fs.readlinkSync(target)) === sidecar : fs.readFileSync(target).equals(bytes ?? fs.readFileSync(sidecar));
    if (!same) report.keptSidecars.push(target);
  } catch {
    report.keptSidecars.push(target);
  }
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

/** Where a copy can differ from another of the same photo, size and time: a turn or an edit is
 *  written in its EXIF (and XMP), segments of at most 64 KB at the start of the file. */
const HEAD_BYTES = 128 * 1024;

/**
 * The file or link in the folder that holds this export already (null: none): a link to
 * `source`, or a copy with the size and time of what would be written (`bytes`, or the file)
 * that also starts with the same bytes, so a photo exported at one turn, or with other edits,
 * is copied again (a camera JPEG's turn changes two bytes of its EXIF, not its size).
 */
function exportedAs(present: ReadonlyMap<string, string[]>, source: string, mode: 'symlink' | 'copy', bytes: Buffer | null): string | null {
  if (mode === 'symlink') return present.get(source)?.[0] ?? null;
  const st = fs.statSync(source);
  const candidates = present.get(copyKey(source, bytes ? bytes.length : st.size, st.mtimeMs));
  if (!candidates) return null;
  const want = bytes ? bytes.subarray(0, HEAD_BYTES) : head(source);
  return candidates.find((file) => head(file).equals(want)) ?? null;
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
function freeName(taken: ReadonlySet<string>, name: string): string {
  return freeNames(taken, name).next().value!;
}

/** `name`, then `stem (2).ext`, `stem (3).ext`, ..., those not in `taken` (a copy passes over one taken meanwhile too: base/part-file.ts). */
function* freeNames(taken: ReadonlySet<string>, name: string): Generator<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) yield candidate;
  }
}

/** The report's edits and kept sidecars as the API's AlbumExportReport carries them: only where there are any. */
export function editFields(report: ExportReport): { edited?: number; unedited?: string[]; keptSidecars?: string[] } {
  return {
    ...(report.edited ? { edited: report.edited } : {}),
    ...(report.unedited.length ? { unedited: report.unedited } : {}),
    ...(report.keptSidecars.length ? { keptSidecars: report.keptSidecars } : {}),
  };
}
