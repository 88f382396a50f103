// Sweeping the temporary files a lock's takers leave beside it. A taker writes its holder to
// `<lock>.<pid>.<hex>.tmp` and links or renames it into place (./lock-file-create.ts), then
// removes it; one killed in between (kill -9, power loss) leaves it for good, under a random
// name no later taker would ever reuse: they would pile up in the home over the years.
//
// A temp lives for a moment (a write and a link, in one synchronous call), so one whose writer
// is dead, or that has been there over a minute, is a leftover. A live writer's younger one is
// never touched: it may be about to be linked. (Even one removed under a taker paused for a
// minute costs nothing unsafe: its link finds no file and it creates the lock the other way.)
import fs from 'node:fs';
import path from 'node:path';
import { tempWriterPid } from './lock-file-create';
import { isProcessAlive } from './process-alive';

/** How long a live writer's temp may stay: far longer than the moment it is used for. */
export const LOCK_TEMP_STALE_MS = 60_000;

/** Removes the leftover temps beside the lock `file`, best effort: never throws. */
export function sweepLockTemps(file: string, now: number = Date.now()): void {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = tempWriterPid(file, name);
    if (pid === null) continue;
    const temp = path.join(dir, name);
    try {
      // A date in the future (a clock set back) says nothing of its age: only a dead writer frees it.
      const old = now - fs.statSync(temp).mtimeMs > LOCK_TEMP_STALE_MS;
      if (old || !isProcessAlive(pid)) fs.rmSync(temp, { force: true });
    } catch {
      // Gone meanwhile (its writer removed it), or not ours to remove: the next take tries again.
    }
  }
}
