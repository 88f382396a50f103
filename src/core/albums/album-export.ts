// Exports photos into a folder as symbolic links (default: no space used, the originals
// stay where they are) or as copies (for a USB stick or another machine). Originals are
// only read. A photo's XMP sidecar goes along under the exported name. Running the export
// again adds what is new and skips what is already there; nothing in the folder is deleted.
import fs from 'node:fs';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { AlbumError } from './album';

export interface ExportReport {
  dir: string;
  mode: 'symlink' | 'copy';
  exported: number;
  /** Already in the folder from an earlier export. */
  skipped: number;
  failed: { path: string; error: string }[];
}

/**
 * Refuses an export folder inside a library folder (or a library folder itself): the links
 * or copies written there would be indexed as new photos at the next index, and match the
 * album again, so it would show every photo twice. Compared as given and with symbolic links
 * resolved (the folder need not exist yet: its nearest existing parent is resolved).
 */
export function checkExportDir(dir: string, libraryFolders: readonly string[]): void {
  const abs = path.resolve(dir);
  const forms = (p: string) => [...new Set([p, realPathOfNearest(p)])];
  for (const folder of libraryFolders) {
    if (forms(abs).some((p) => forms(path.resolve(folder)).some((f) => isAtOrInside(p, f)))) {
      throw new AlbumError(`export to a folder outside the library: ${abs} is inside the library folder ${folder}, whose photos are indexed (the exported photos would be added again)`, true);
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

export function exportPhotos(sources: readonly string[], dir: string, options: { mode: 'symlink' | 'copy' }): ExportReport {
  fs.mkdirSync(dir, { recursive: true });
  const report: ExportReport = { dir, mode: options.mode, exported: 0, skipped: 0, failed: [] };
  const taken = new Set(fs.readdirSync(dir));
  const present = alreadyExported(dir, taken, options.mode);
  for (const source of sources) {
    try {
      if (present.has(options.mode === 'symlink' ? source : copyKey(source, fs.statSync(source)))) {
        report.skipped++;
        continue;
      }
      const name = freeName(taken, path.basename(source));
      place(source, path.join(dir, name), options.mode);
      taken.add(name);
      const sidecar = `${source}.xmp`;
      // Only the photo's own sidecar: a link named like one may point anywhere (a private file).
      if (isRegularFile(sidecar) && !taken.has(`${name}.xmp`)) {
        place(sidecar, path.join(dir, `${name}.xmp`), options.mode);
        taken.add(`${name}.xmp`);
      }
      report.exported++;
    } catch (error) {
      report.failed.push({ path: source, error: (error as Error).message });
    }
  }
  return report;
}

function isRegularFile(p: string): boolean {
  try {
    return fs.lstatSync(p).isFile();
  } catch {
    return false;
  }
}

function place(source: string, target: string, mode: 'symlink' | 'copy'): void {
  if (mode === 'symlink') {
    fs.symlinkSync(source, target);
    return;
  }
  fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  const st = fs.statSync(source);
  fs.utimesSync(target, st.atime, st.mtime);
}

/**
 * What the folder already holds from earlier exports: the targets of its links, or the
 * (extension, size, mtime) of its files for copies (copies keep the original's mtime).
 */
function alreadyExported(dir: string, names: Set<string>, mode: 'symlink' | 'copy'): Set<string> {
  const present = new Set<string>();
  for (const name of names) {
    const entry = path.join(dir, name);
    try {
      const st = fs.lstatSync(entry);
      if (mode === 'symlink' && st.isSymbolicLink()) present.add(path.resolve(dir, fs.readlinkSync(entry)));
      if (mode === 'copy' && st.isFile()) present.add(copyKey(entry, st));
    } catch {
      // Vanished meanwhile: nothing to skip.
    }
  }
  return present;
}

function copyKey(file: string, st: fs.Stats): string {
  return JSON.stringify([path.extname(file).toLowerCase(), st.size, Math.round(st.mtimeMs)]);
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
