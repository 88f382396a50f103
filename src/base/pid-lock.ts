// A lock file naming its holder: one process at a time across processes, and a lock whose
// holder died (kill -9, power loss) is taken over.
//
// Taking the lock is creating the file exclusively, with the holder's pid, the time it was
// taken and the caller's details as JSON already in it (./lock-file-create.ts: a lock seen
// empty would read as a leftover and be taken over under a live taker). Taking over a stale lock must be atomic too:
// several processes may find the same stale lock at once, and read-delete-create lets two of
// them win (the second deletes the lock the first just made). So a stale lock is never
// deleted: the processes race to create a claim file named after that very lock (its
// holder's pid and start time), exclusively, and only the one that created it may replace the
// lock, by an atomic rename, after checking that the lock is still the stale one.
import fs from 'node:fs';
import path from 'node:path';
import { createLockFile, writeTempBeside } from './lock-file-create';
import { isProcessAlive } from './process-alive';
import { sweepLockTemps } from './lock-temp-sweep';

/** What a lock file holds: the caller's details beside the pid and the time it was taken. */
export interface LockHolder {
  pid: number;
  since: number;
  [detail: string]: unknown;
}

export interface HeldLock {
  /** Removes the lock file if it is still ours; calling it twice is harmless. */
  release(): void;
}

/**
 * `holder`: who has it (its pid is `process.pid` when this very process holds it), or null
 * when it could not be told (a lock being written, or contention that did not settle).
 */
export type LockAttempt = { acquired: true; lock: HeldLock } | { acquired: false; holder: LockHolder | null };

/** Claims on one stale lock: a claimer that died mid-takeover leaves the next number free. */
const MAX_CLAIMS = 8;
/**
 * An unreadable (empty) lock is never one this version is writing (the lock appears with its
 * holder in it), except on filesystems without hard links, or from an older Shoebox, which
 * create it empty and write it at once. One this old is a leftover (a crash, a full disk).
 * A younger one, or one dated in the future (a file server's clock ahead, a clock set back: its
 * age is unknown), is watched for this long once, by our own clock, then taken over if still
 * the same empty file, its holder named if it was written meanwhile. Every wait is bounded by
 * this, whatever the dates say; kept short as the user waits it out on each leftover, and a
 * taker paused longer still does not win twice (it checks its lock is still its own).
 */
const UNREADABLE_STALE_MS = 500;

/** Lock files this process holds → their release: a second taker in-process is refused too. */
const heldHere = new Map<string, () => void>();
let exitHooked = false;

export function tryAcquirePidLock(lockFile: string, details: Record<string, unknown> = {}): LockAttempt {
  const file = path.resolve(lockFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The temps that takers killed mid-take left beside it (a readdir: the lock's folder is small).
  sweepLockTemps(file);
  if (heldHere.has(file)) return { acquired: false, holder: look(file)?.holder ?? { pid: process.pid, since: 0 } };
  const info: LockHolder = { ...details, pid: process.pid, since: Date.now() };
  /** The empty lock already watched for UNREADABLE_STALE_MS: not waited on twice. */
  let watched: string | null = null;
  // A few rounds: a lock released or taken over while we looked is looked at again.
  for (let round = 0; round < 5; round++) {
    try {
      // Fails with EEXIST if the file exists: creating it is the atomic test-and-set.
      createLockFile(file, JSON.stringify(info));
      return { acquired: true, lock: held(file, info) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const stale = look(file);
    if (!stale) continue; // released meanwhile: look again
    if (stale.holder) {
      // Our own pid here means a lock left by an earlier process that had our pid: stale.
      if (stale.holder.pid !== process.pid && isProcessAlive(stale.holder.pid)) return { acquired: false, holder: stale.holder };
    } else if (stale.key !== watched && !(Date.now() - stale.mtimeMs >= UNREADABLE_STALE_MS)) {
      // Maybe being written by the process that just created it: look again once it is not
      // new. A future date says nothing of its age: the whole moment, never more.
      watched = stale.key;
      const age = Math.max(0, Date.now() - stale.mtimeMs);
      sleepSync(Math.min(UNREADABLE_STALE_MS, UNREADABLE_STALE_MS - age));
      continue;
    }
    const claim = claimStale(file, stale.key);
    if (claim === 'busy') return { acquired: false, holder: look(file)?.holder ?? stale.holder };
    if (claim === 'gone') continue;
    try {
      // Still the stale lock? A claim is made after the lock was seen stale; this catches one
      // replaced in between. No one else can replace it now: the claim is ours.
      if (look(file)?.key !== stale.key) continue;
      const temp = writeTempBeside(file, JSON.stringify(info));
      try {
        fs.renameSync(temp, file); // replaces the stale lock in one step: never a moment without one
      } catch (err) {
        fs.rmSync(temp, { force: true });
        throw err;
      }
      return { acquired: true, lock: held(file, info) };
    } finally {
      // Safe once the lock is replaced: a late claim on the old lock finds it is not there.
      fs.rmSync(claim, { force: true });
    }
  }
  return { acquired: false, holder: null };
}

/** Blocks this thread for `ms` (a lock is taken synchronously; the wait is under a second). */
function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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

function held(file: string, info: LockHolder): HeldLock {
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
  // One exit hook for every lock this process ever holds (a listener per lock piles up past
  // Node's limit of 10 when locks are taken again and again).
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => {
      for (const r of [...heldHere.values()]) r();
    });
  }
  return { release };
}

/** A lock file as found: its holder (null if unreadable) and a key naming this very lock. */
interface Seen {
  holder: LockHolder | null;
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
  let holder: LockHolder | null = null;
  try {
    const parsed = JSON.parse(text) as LockHolder | number;
    // A bare pid is the format of lock files written before this one (models' locks).
    if (typeof parsed === 'number') holder = { pid: parsed, since: 0 };
    else if (typeof parsed?.pid === 'number' && typeof parsed.since === 'number') holder = parsed;
  } catch {
    // Empty or garbled (a crash while it was written): stale once it is not brand new.
  }
  return { holder, key: holder ? keyOf(holder) : `file${st.ino}-${Math.floor(st.mtimeMs)}`, mtimeMs: st.mtimeMs };
}

function keyOf(info: LockHolder): string {
  return `${info.pid}-${info.since}`;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
