// LanceDB has one writer: the engine (DESIGN.md). A second writer on the same home (a second
// `shoebox index` while `watch` runs, or the app) gets a clear "library busy" error instead of
// interleaving commits. Readers (status, list, search) take no lock.
//
// Taking the lock is creating `library.lock` exclusively ('wx'). A lock whose holder died
// (kill -9, power loss) is taken over, and that must be atomic too: several processes may
// find the same stale lock at once, and read-delete-create let two of them win. So a stale
// lock is never deleted: the processes race to create a claim file named after that very lock
// (its holder's pid and start time), exclusively, and only the one that created it may replace the
// lock, by an atomic rename, after checking that the lock is still the stale one.
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../process-alive';

export class LibraryBusyError extends Error {
  override name = 'LibraryBusyError';
}

export interface WriterLock {
  release(): void;
}

interface LockInfo {
  pid: number;
  command: string;
  since: number;
}

/** Claims on one stale lock: a claimer that died mid-takeover leaves the next number free. */
const MAX_CLAIMS = 8;
/** An unreadable lock this old is a crash's leftover, not one being written. */
const UNREADABLE_STALE_MS = 2000;

/** Lock files this process holds → their release: a second writer in-process is refused too. */
const heldHere = new Map<string, () => void>();
let exitHooked = false;

export function acquireWriterLock(home: string, command: string): WriterLock {
  fs.mkdirSync(home, { recursive: true });
  const file = path.join(home, 'library.lock');
  if (heldHere.has(file)) throw new LibraryBusyError(`library busy: this process is already writing to ${home}`);
  const info: LockInfo = { pid: process.pid, command, since: Date.now() };
  // A few rounds: a lock released or taken over while we looked is looked at again.
  for (let round = 0; round < 5; round++) {
    try {
      // 'wx' fails if the file exists: creating it is the atomic test-and-set.
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      return held(file, info);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const stale = look(file);
    if (!stale) continue; // released meanwhile: look again
    if (stale.holder) {
      // Our own pid here means a lock left by an earlier process that had our pid: stale.
      if (stale.holder.pid !== process.pid && isProcessAlive(stale.holder.pid)) throw busy(home, stale.holder);
    } else if (Date.now() - stale.mtimeMs < UNREADABLE_STALE_MS) {
      continue; // being written by the process that just created it
    }
    const claim = claimStale(file, stale.key);
    if (claim === 'busy') throw busy(home, look(file)?.holder ?? stale.holder ?? { pid: 0, command: 'another process', since: 0 });
    if (claim === 'gone') continue;
    try {
      // Still the stale lock? A claim is made after the lock was seen stale; this catches one
      // replaced in between. No one else can replace it now: the claim is ours.
      if (look(file)?.key !== stale.key) continue;
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(info));
      fs.renameSync(temp, file); // replaces the stale lock in one step: never a moment without one
      return held(file, info);
    } finally {
      // Safe once the lock is replaced: a late claim on the old lock finds it is not there.
      fs.rmSync(claim, { force: true });
    }
  }
  throw new LibraryBusyError(`library busy: another process is taking the writer lock ${file}`);
}

/**
 * Claims the right to replace the stale lock `key`: exactly one process creates the claim
 * file. Returns its path, 'busy' when a live process claimed it first, 'gone' when none is left.
 */
function claimStale(file: string, key: string): string | 'busy' | 'gone' {
  for (let n = 0; n < MAX_CLAIMS; n++) {
    const claim = `${file}.claim-${key}-${n}`;
    try {
      fs.writeFileSync(claim, String(process.pid), { flag: 'wx' });
      return claim;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const claimer = Number(readText(claim));
    // A claim being written reads empty: its writer is alive.
    if (!claimer || isProcessAlive(claimer)) return 'busy';
    // The claimer died mid-takeover: the next claim number is free to race for.
  }
  return 'gone';
}

function held(file: string, info: LockInfo): WriterLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    try {
      if (look(file)?.key === keyOf(info)) fs.rmSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  heldHere.set(file, release);
  // One exit hook for every lock this process ever holds (a listener per lock piled up
  // past Node's limit of 10 after a few model switches in the app).
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => {
      for (const r of [...heldHere.values()]) r();
    });
  }
  return { release };
}

function busy(home: string, holder: LockInfo): LibraryBusyError {
  const who = holder.pid ? `${holder.command} (pid ${holder.pid})` : holder.command;
  return new LibraryBusyError(`library busy: ${who} is writing to ${home}; stop it or wait for it to finish`);
}

/** A lock file as found: its holder (null if unreadable) and a key naming this very lock. */
interface Seen {
  holder: LockInfo | null;
  key: string;
  mtimeMs: number;
}

function look(file: string): Seen | null {
  let st: fs.Stats;
  let text: string;
  try {
    st = fs.statSync(file);
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let holder: LockInfo | null = null;
  try {
    const parsed = JSON.parse(text) as LockInfo;
    if (typeof parsed?.pid === 'number' && typeof parsed.since === 'number') holder = parsed;
  } catch {
    // Empty or garbled (a crash while it was written): stale once it is not brand new.
  }
  return { holder, key: holder ? keyOf(holder) : `file${st.ino}-${Math.floor(st.mtimeMs)}`, mtimeMs: st.mtimeMs };
}

function keyOf(info: LockInfo): string {
  return `${info.pid}-${info.since}`;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
