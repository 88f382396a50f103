// One writer per library (DESIGN.md). A second writer (a second `shoebox index` while `watch`
// runs, the app, another device sharing the library) gets a clear "library busy" error
// instead of interleaving commits. Readers (status, list, search) take nothing and never wait.
//
// Two locks, taken in this order:
// - `<home>/library.lock`, a pid lock file (src/base/pid-lock.ts: created exclusively, a dead
//   holder's lock taken over by exactly one of the processes that find it): one writer per
//   home, decided at once on this machine;
// - the library's writer lease (src/core/store/writer-lease.ts), kept in the library itself:
//   one writer per library across homes and devices, renewed while writing, lapsing when its
//   holder crashed. Store writes check it first (`assertHeld`), so a writer that lost it
//   (paused past its expiry, cut off from the store) stops with LeaseLostError.
import { HAND_BACK_MS } from './writer-hand-back';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tryAcquirePidLock, type HeldLock, type LockHolder } from '../../base/pid-lock';
import { describeHolder, tryAcquireWriterLease, type LeaseHolder, type LeaseLostError, type LeaseOptions, type WriterLease } from '../store/writer-lease';
import type { StoreLocation } from '../store/connection';

export class LibraryBusyError extends Error {
  override name = 'LibraryBusyError';
  /** The process the message names as writing ("shoebox watch on gpubox (pid 4242)"), so front
   *  ends need not read it back out of the message; null when it names none (this process, or
   *  one still taking the lock). */
  readonly holder: string | null;

  constructor(message: string, holder: string | null = null) {
    super(message);
    this.holder = holder;
  }
}

/** The home's pid lock; `library` names the library in the "library busy" message. */
export function acquireWriterLock(home: string, command: string, library: string = home): HeldLock {
  fs.mkdirSync(home, { recursive: true });
  const file = path.join(home, 'library.lock');
  const attempt = tryAcquirePidLock(file, { command, host: os.hostname() });
  if (attempt.acquired) return attempt.lock;
  const { holder } = attempt;
  if (holder?.pid === process.pid) throw new LibraryBusyError(`library busy: this process is already writing to ${library}`);
  if (!holder) throw new LibraryBusyError(`library busy: another process is taking the writer lock ${file}`);
  throw busy(library, holder);
}

/** Both locks, held until `release()`: what a library's writer holds. */
export interface LibraryWriter {
  /** Throws LeaseLostError unless this process may still write (called before each store write). */
  assertHeld(): void;
  /** Called once if the lease is lost. */
  onLost(listener: (error: LeaseLostError) => void): () => void;
  release(): Promise<void>;
}

export interface LibraryWriterOptions {
  home: string;
  /** Where the library is; `libraryUri` is how messages name it (never a secret). */
  library: StoreLocation;
  libraryUri: string;
  command: string;
  lease?: Omit<LeaseOptions, 'command'>;
}

export async function acquireLibraryWriter(options: LibraryWriterOptions): Promise<LibraryWriter> {
  const { home, library, libraryUri, command } = options;
  const pidLock = acquireWriterLock(home, command, libraryUri);
  let lease: WriterLease;
  try {
    const attempt = await tryAcquireWriterLease(library, { command, ...options.lease });
    if (!attempt.acquired) {
      if (attempt.here) throw new LibraryBusyError(`library busy: this process is already writing to ${libraryUri}`);
      throw leaseBusyError(attempt.holder, libraryUri);
    }
    lease = attempt.lease;
  } catch (error) {
    pidLock.release();
    throw error;
  }
  let lost = false;
  lease.onLost(() => (lost = true));
  return {
    assertHeld: () => lease.assertHeld(),
    onLost: (listener) => lease.onLost(listener),
    release: async () => {
      // A lost lease leaves nothing of ours to wait for: the home's pid lock goes at once, so
      // this process may take the library again whatever the lease's release waits on.
      if (lost) pidLock.release();
      try {
        await lease.release();
      } finally {
        pidLock.release();
      }
    },
  };
}

/**
 * "library busy" for the lease `holder` holds (read from the library): what a refused writer
 * is told, and what a process that does not write says of the one that does (writer-elsewhere.ts).
 */
export function leaseBusyError(holder: LeaseHolder, libraryUri: string, now = Date.now()): LibraryBusyError {
  const who = describeHolder(holder);
  return new LibraryBusyError(`library busy: ${who} is writing to ${libraryUri}; ${adviceFor(holder.command)} ${lapseNote(holder.expiresAt, now)}`, who);
}

function busy(library: string, holder: LockHolder): LibraryBusyError {
  const command = typeof holder.command === 'string' ? holder.command : 'another process';
  const host = typeof holder.host === 'string' ? holder.host : os.hostname();
  const who = `${command} on ${host} (pid ${holder.pid})`;
  return new LibraryBusyError(`library busy: ${who} is writing to ${library}; ${adviceFor(command)}`, who);
}

/**
 * The commands that run until stopped and give the lock back once quiet (writer-hand-back.ts):
 * `shoebox watch`, and the hosts that hold the lock (library-api.ts: `serve`, the app). Told
 * "wait for it to finish", a user would wait for a process that never does.
 */
const LETS_GO_WHEN_QUIET = new Set(['shoebox watch', 'shoebox serve', 'Shoebox (desktop app)']);

function adviceFor(command: unknown): string {
  if (typeof command === 'string' && LETS_GO_WHEN_QUIET.has(command)) return `it lets the library go once quiet for ${HAND_BACK_MS / 1000} s (unless set otherwise): try again then`;
  return 'stop it or wait for it to finish';
}

/**
 * When the holder's lease lapses if it is not renewed: a writer killed on another device (or
 * in another home on a NAS, or a copy cut off from the store) cannot be stopped or waited
 * for, but its lease frees the library by itself then. Said as a clock time and a countdown
 * (the lease's expiry is the holder's wall clock: devices' clocks agree, writer-lease.ts).
 */
export function lapseNote(expiresAt: number, now = Date.now()): string {
  const at = new Date(expiresAt);
  const clock = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  const seconds = Math.max(1, Math.ceil((expiresAt - now) / 1000));
  return `(if it has stopped, its lease lapses by itself at ${clock}, in ${seconds} s)`;
}

/**
 * A "library busy" line without what it advises (nor when the lease lapses): who writes where,
 * the same from one try to the next while the same writer holds the library (the lapse's
 * countdown is not), for a caller that says it once (library-watch.ts).
 */
export function busyWithoutAdvice(line: string): string {
  return line.replace(/; (stop it or wait for it to finish|it lets the library go once quiet ).*$/, '');
}
