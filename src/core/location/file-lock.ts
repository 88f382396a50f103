// A lock beside one file of a local library (".<name>.lock", created exclusively), held while a
// change compares the file's version and writes it: the folder's equivalent of S3's
// conditional PUT, between processes of this machine and devices sharing the folder (a NAS
// share: exclusive create and rename are atomic over SMB and NFSv3+).
//
// The lock holds its holder's random token, so a holder removes only its own lock. A holder
// that died leaves its lock behind, and a compare-and-write takes milliseconds, so a lock seen
// unchanged for `staleMs` of the waiter's own time is taken over: measured by the waiter's
// clock, not by comparing the share's file times with this device's clock (a device running
// half a minute ahead of the NAS would take every live lock). A lock whose file time is ten
// minutes old is a crash's leftover whatever the clocks say, and is taken over at once.
// Taking over is atomic as base/pid-lock.ts does it: the waiters race to create a claim named
// after that very lock, and only the one that made it replaces the lock, by a rename, once it
// has checked that the lock is still the stale one (read-delete-create would let two waiters in).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A lock unchanged this long, by the waiter's clock, is a dead holder's. */
const STALE_MS = 15_000;
/** A lock file this old by the share's time against ours is a leftover, clocks aside. */
const LEFTOVER_MS = 10 * 60_000;
const WAIT_MS = 30_000;

export interface FileLockTiming {
  staleMs?: number;
  waitMs?: number;
}

/**
 * Runs `work` holding the lock. `stillHeld` throws if the lock was taken over meanwhile (this
 * process frozen past `staleMs`, a laptop's lid closed mid-write): called right before the
 * write replaces the file, it keeps a late writer from overwriting the new holder's write.
 */
export async function withFileLock<T>(file: string, work: (stillHeld: () => Promise<void>) => Promise<T>, timing: FileLockTiming = {}): Promise<T> {
  const lock = path.join(path.dirname(file), `.${path.basename(file)}.lock`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const token = randomUUID();
  await acquire(lock, token, timing, file);
  const stillHeld = async () => {
    if ((await readText(lock)) !== token) throw new Error(`${file} was taken over by another writer while this one was stalled: try again`);
  };
  try {
    return await work(stillHeld);
  } finally {
    // Only our own: a lock taken over from us (we were seen stale) is the new holder's.
    if ((await readText(lock)) === token) await fs.rm(lock, { force: true });
  }
}

async function acquire(lock: string, token: string, timing: FileLockTiming, file: string): Promise<void> {
  const staleMs = timing.staleMs ?? STALE_MS;
  const until = performance.now() + (timing.waitMs ?? WAIT_MS);
  // What the waiter saw of the lock (and of a claim on it), and since when by its own clock.
  const seen = new Watch();
  const claimSeen = new Watch();
  for (;;) {
    try {
      await fs.writeFile(lock, token, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readText(lock);
    if (holder !== null) {
      const leftover = await fs.stat(lock).then((s) => Date.now() - s.mtimeMs > LEFTOVER_MS, () => false);
      if (leftover || seen.unchangedFor(holder) > staleMs) {
        if (await takeOver(lock, holder, token, claimSeen, staleMs)) return;
      }
    }
    if (performance.now() > until) throw new Error(`${file} stays locked by another writer (${lock}): try again, or remove the lock if no Shoebox runs`);
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

/** Replaces the stale lock `holder` with ours if this waiter wins its claim; false otherwise. */
async function takeOver(lock: string, holder: string, token: string, claimSeen: Watch, staleMs: number): Promise<boolean> {
  const claim = `${lock}.claim-${createHash('sha256').update(holder).digest('hex').slice(0, 16)}`;
  try {
    await fs.writeFile(claim, token, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another waiter is taking it over. One that died doing so leaves its claim unchanged:
    // after as long again, that claim goes, and the waiters race for it afresh.
    const claimer = await readText(claim);
    if (claimer !== null && claimSeen.unchangedFor(claimer) > staleMs) await fs.rm(claim, { force: true });
    return false;
  }
  try {
    // Still the stale lock? Released or taken over between our look and our claim: look again.
    if ((await readText(lock)) !== holder) return false;
    const temp = `${lock}.${token}.tmp`;
    await fs.writeFile(temp, token);
    await fs.rename(temp, lock); // replaces the stale lock in one step: never a moment without one
    return true;
  } finally {
    // Safe once the lock is replaced: a late claim on the old lock finds it is not there.
    await fs.rm(claim, { force: true });
  }
}

/** How long a value has been seen unchanged, by this process's clock. */
class Watch {
  private value: string | null = null;
  private since = 0;

  unchangedFor(value: string): number {
    const now = performance.now();
    if (value !== this.value) {
      this.value = value;
      this.since = now;
    }
    return now - this.since;
  }
}

async function readText(file: string): Promise<string | null> {
  return fs.readFile(file, 'utf8').catch(() => null);
}
