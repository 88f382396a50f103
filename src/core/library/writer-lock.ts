// LanceDB has one writer: the engine (DESIGN.md). A second writer on the same home (a second
// `shoebox index` while `watch` runs, or the app) gets a clear "library busy" error instead of
// interleaving commits. Readers (status, list, search) take no lock.
//
// The lock is `<home>/library.lock`, a pid lock file (src/base/pid-lock.ts: created
// exclusively, a dead holder's lock taken over by exactly one of the processes that find it).
import fs from 'node:fs';
import path from 'node:path';
import { tryAcquirePidLock, type LockHolder } from '../../base/pid-lock';

export class LibraryBusyError extends Error {
  override name = 'LibraryBusyError';
}

export interface WriterLock {
  release(): void;
}

export function acquireWriterLock(home: string, command: string): WriterLock {
  fs.mkdirSync(home, { recursive: true });
  const file = path.join(home, 'library.lock');
  const attempt = tryAcquirePidLock(file, { command });
  if (attempt.acquired) return attempt.lock;
  const { holder } = attempt;
  if (holder?.pid === process.pid) throw new LibraryBusyError(`library busy: this process is already writing to ${home}`);
  if (!holder) throw new LibraryBusyError(`library busy: another process is taking the writer lock ${file}`);
  throw busy(home, holder);
}

function busy(home: string, holder: LockHolder): LibraryBusyError {
  const command = typeof holder.command === 'string' ? holder.command : 'another process';
  const who = holder.pid ? `${command} (pid ${holder.pid})` : command;
  return new LibraryBusyError(`library busy: ${who} is writing to ${home}; stop it or wait for it to finish`);
}
