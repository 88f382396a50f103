// LanceDB has one writer: the engine (DESIGN.md). A second writer on the same home (a second
// `shoebox index` while `watch` runs, or the app) gets a clear "library busy" error instead of
// interleaving commits. Readers (status, list, search) take no lock.
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

/** Homes this process already writes to: a second writer in-process is refused too. */
const heldHere = new Set<string>();

export function acquireWriterLock(home: string, command: string): WriterLock {
  fs.mkdirSync(home, { recursive: true });
  const file = path.join(home, 'library.lock');
  if (heldHere.has(file)) throw new LibraryBusyError(`library busy: this process is already writing to ${home}`);
  const info: LockInfo = { pid: process.pid, command, since: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' fails if the file exists: creating it is the atomic test-and-set.
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        try {
          if (readLock(file)?.pid === process.pid) fs.rmSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      // Our own pid here means a lock left by an earlier process that had our pid: stale.
      if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) {
        throw new LibraryBusyError(
          `library busy: ${holder.command} (pid ${holder.pid}) is writing to ${home}; stop it or wait for it to finish`,
        );
      }
      // The holder died without releasing (kill -9, power loss): the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new LibraryBusyError(`library busy: could not take the writer lock ${file}`);
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}
