// Creating a lock file that is never seen empty (src/base/pid-lock.ts takes its locks so).
//
// Creating the lock with open('wx') and writing its holder after leaves a moment where the file
// exists empty: a taker paused there (Ctrl-Z, swap, a loaded box, or just a file server whose
// clock runs behind) has its lock judged a leftover and taken over, then writes into the
// orphaned file and believes it holds the lock: two writers. So the holder is written first, to
// a temporary file of our own beside the lock, and the lock is created by hard-linking it there:
// link is atomic and fails with EEXIST when the lock exists, like 'wx', but the lock appears
// with its holder already in it.
//
// Filesystems without hard links (FAT/exFAT, some SMB shares) refuse the link: there the lock is
// created the old way, open('wx') then write, and the empty moment stays. Two guards make it
// safe still: after writing, the lock is checked to be the very file we created (a takeover
// while we were paused shows as another file there: we did not get the lock), and a failed
// write removes the lock only if it is still the file we created.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A lock-file error with a code, like the ones fs throws (EEXIST: someone else has it). */
function codedError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** A temporary file beside `file`, unique to this process and call. */
export function tempBeside(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** The pid that wrote `name` (a file name in `file`'s folder) if it is one of tempBeside's for `file`; else null. */
export function tempWriterPid(file: string, name: string): number | null {
  const prefix = `${path.basename(file)}.`;
  if (!name.startsWith(prefix)) return null;
  const match = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
  return match ? Number(match[1]) : null;
}

/** Writes `text` to a new temporary file beside `file`; a failed write (a full disk) removes it. */
export function writeTempBeside(file: string, text: string): string {
  const temp = tempBeside(file);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return temp;
}

/**
 * Creates the lock `file` holding `text`, exclusively: throws an EEXIST error when a lock is
 * there (or took our place while we wrote it), or the filesystem's error (ENOSPC, EACCES).
 */
export function createLockFile(file: string, text: string): void {
  const temp = writeTempBeside(file, text);
  let linked: boolean;
  try {
    fs.linkSync(temp, file);
    linked = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
    // Any other refusal is taken as "no hard links here" (EPERM on Linux's vfat, ENOTSUP on
    // SMB, EISDIR as Windows reports FAT's refusal): the way below meets a real failure
    // (a read-only folder, a full disk) itself and reports it.
    linked = false;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  if (!linked) createLockFileInPlace(file, text);
}

/** The way for filesystems without hard links: create empty, then write (see the top). */
function createLockFileInPlace(file: string, text: string): void {
  const fd = fs.openSync(file, 'wx');
  let ours: fs.Stats | undefined;
  try {
    ours = fs.fstatSync(fd);
    fs.writeFileSync(fd, text);
  } catch (err) {
    fs.closeSync(fd);
    // An empty lock left behind would refuse the next command until it is taken over; but one
    // that replaced ours meanwhile is another taker's lock and stays.
    if (ours && sameFile(file, ours) === true) fs.rmSync(file, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  // Without inode numbers, the holder we wrote (pid and time to the millisecond) tells it.
  const stillOurs = sameFile(file, ours) ?? readText(file) === text;
  if (!stillOurs) throw codedError('EEXIST', `lock ${file} was taken over while it was being written`);
}

/** Whether `file` is still the file `ours` describes; null when inode numbers cannot tell. */
function sameFile(file: string, ours: fs.Stats): boolean | null {
  let now: fs.Stats;
  try {
    now = fs.statSync(file);
  } catch {
    return false;
  }
  if (!ours.ino || !now.ino) return null;
  return now.ino === ours.ino && now.dev === ours.dev;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
