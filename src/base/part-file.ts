// Writing a file into a folder so that a crash (kill -9, a power cut) or a full disk never
// leaves half of it under its name, and never replaces a file there: the bytes go to a hidden
// part file beside the name, flushed, and only then get the name, by a hard link (which fails
// when the name is taken: EEXIST). Where the disk has no hard links (exFAT, FAT32: a camera
// card's or a USB stick's), the name is claimed by creating it empty (which fails if it
// exists), a note of the claim left first, and the part file renamed over the claim. What a
// crash leaves (a part file; a claim the copy never reached) is hidden, and removed by the
// next writer into the folder (removeCrashLeftovers). Used by the import and the export.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A copy not yet named: hidden (a scanner or watcher passes over it), removed by the next run. */
const PART = '.shoebox-part';
/** Beside a name claimed empty on a disk without hard links, until the copy has it. */
const CLAIM = '.shoebox-claim';

/** A new hidden part file's path in `dir` for a file to be named `name` (not created). */
export function partFilePath(dir: string, name: string): string {
  return path.join(dir, `.${name}.${crypto.randomBytes(4).toString('hex')}${PART}`);
}

/** Whether `name` is a part file or a claim's note (never a photo, never counted as one). */
export function isCrashLeftoverName(name: string): boolean {
  return name.startsWith('.') && (name.endsWith(PART) || name.endsWith(CLAIM));
}

/**
 * What a crash left in `dir`: part files not yet named, and a name claimed on a disk without
 * hard links that the copy never reached, left empty.
 */
export function removeCrashLeftovers(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('.')) continue;
    if (name.endsWith(PART)) fs.rmSync(path.join(dir, name), { force: true });
    else if (name.endsWith(CLAIM)) {
      const claimed = path.join(dir, name.slice(1, -CLAIM.length));
      if (isEmptyFile(claimed)) fs.rmSync(claimed);
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}

/** Flushes a written part file to disk, so the name never holds bytes a power cut loses. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Gives the (complete) `part` the name `target` unless a file has it: false when taken. The part file stays (the caller removes it). */
export function nameFile(part: string, target: string): boolean {
  try {
    fs.linkSync(part, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  // No hard links on this disk: claim the name empty, noted first, then rename over the claim.
  const claim = path.join(path.dirname(target), `.${path.basename(target)}${CLAIM}`);
  fs.writeFileSync(claim, '');
  try {
    fs.closeSync(fs.openSync(target, 'wx'));
  } catch (error) {
    fs.rmSync(claim, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  fs.renameSync(part, target);
  fs.rmSync(claim, { force: true });
  return true;
}

/** Gives `part` the first of `names` in `dir` that is free and not passed over by `skip`: its path. */
export function nameFileFirstFree(part: string, dir: string, names: Iterable<string>, skip: (target: string) => boolean = () => false): string {
  for (const name of names) {
    const target = path.join(dir, name);
    if (!skip(target) && nameFile(part, target)) return target;
  }
  throw new Error(`no free name in ${dir}`);
}

function isEmptyFile(file: string): boolean {
  try {
    const st = fs.lstatSync(file);
    return st.isFile() && st.size === 0;
  } catch {
    return false;
  }
}
