// Writing a file into a folder so that a crash (kill -9, a power cut) or a full disk never
// leaves half of it under its name, and never replaces a file there: the bytes go to a hidden
// part file beside the name, flushed, and only then get the name, by a hard link (which fails
// when the name is taken: EEXIST). Where the disk has no hard links (exFAT, FAT32: a camera
// card's or a USB stick's), the name is claimed by creating it empty (which fails if it
// exists), a note of the claim left first, and the part file renamed over the claim. What a
// crash leaves (a part file; a claim the copy never reached) is hidden, and removed by the
// next writer into the folder (removeCrashLeftovers). Used by the import and the export.
//
// Two writers may share a folder at once (the app's export and the CLI's, two imports), so
// only what a writer that is gone left is removed: each part file and claim names its writer
// (the pid, in its pid scope: process-scope.ts). Not by age: a part file gets the photo's own
// (old) mtime before it is flushed and named, so its times say nothing of whether it is
// being written. Where the scope is another one (another boot, or a sandbox in its own pid
// namespace beside us, where the pid cannot be checked), what has not been touched (its ctime,
// which every write and time change moves) for FOREIGN_IDLE_MS is taken for left.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './process-alive';
import { processScope } from './process-scope';

/** A copy not yet named: hidden (a scanner or watcher passes over it), removed by the next run. */
const PART = '.shoebox-part';
/** Beside a name claimed empty on a disk without hard links, until the copy has it. */
const CLAIM = '.shoebox-claim';
/** `.<scope>_<pid>` before the suffix: the writer. Names without it are from a Shoebox before it (removed, as then). */
const WRITER = /\.([0-9a-z-]+)_(\d+)$/;
const FOREIGN_IDLE_MS = 15 * 60_000;

/** This process as a writer: the mark its part files and claims carry. */
function writerMark(): string {
  return `.${processScope()}_${process.pid}`;
}

/** A new hidden part file's path in `dir` for a file to be named `name` (not created). */
export function partFilePath(dir: string, name: string): string {
  return path.join(dir, `.${name}.${crypto.randomBytes(4).toString('hex')}${writerMark()}${PART}`);
}

/** Whether `name` is a part file or a claim's note (never a photo, never counted as one). */
export function isCrashLeftoverName(name: string): boolean {
  return name.startsWith('.') && (name.endsWith(PART) || name.endsWith(CLAIM));
}

/**
 * What a crash left in `dir`: part files not yet named, and a name claimed on a disk without
 * hard links that the copy never reached, left empty; what a writer still running has there is
 * kept (see the top of this file).
 */
export function removeCrashLeftovers(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!isCrashLeftoverName(name)) continue;
    const file = path.join(dir, name);
    const stem = name.slice(0, -(name.endsWith(PART) ? PART : CLAIM).length);
    const writer = WRITER.exec(stem);
    if (writer && !writerGone(file, writer[1]!, Number(writer[2]))) continue;
    if (name.endsWith(CLAIM)) {
      const claimed = path.join(dir, (writer ? stem.slice(0, writer.index) : stem).slice(1));
      if (isEmptyFile(claimed)) fs.rmSync(claimed);
    }
    fs.rmSync(file, { force: true });
  }
}

function writerGone(file: string, scope: string, pid: number): boolean {
  if (scope === processScope()) return !isProcessAlive(pid);
  try {
    return Date.now() - fs.statSync(file).ctimeMs > FOREIGN_IDLE_MS;
  } catch {
    return false; // gone meanwhile
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
  const claim = path.join(path.dirname(target), `.${path.basename(target)}${writerMark()}${CLAIM}`);
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
