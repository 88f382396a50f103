// "library busy" for another device's writer lease (a folder shared by two homes, a NAS mount,
// or an S3 prefix): a writer killed there (kill -9, a dropped connection) cannot be stopped or
// waited for from here, so the line also says when its lease lapses by itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLibraryWriter, busyWithoutAdvice, lapseNote, LibraryBusyError } from '../../../src/core/library/writer-lock';
import { loadLanceDb } from '../../../src/core/store/connection';
import { tryAcquireWriterLease } from '../../../src/core/store/writer-lease';
import { tempDir } from '../../helpers/images';

/** The lease of `library` as a writer on another device leaves it: held until `expiresAt`, never renewed. */
async function leftByAnotherDevice(library: string, command: string, expiresAt: number): Promise<void> {
  const attempt = await tryAcquireWriterLease(library, { command: 'test' }); // makes the lease table
  if (!attempt.acquired) throw new Error('the new library is not free');
  await attempt.lease.release();
  const { connect } = await loadLanceDb();
  const db = await connect(path.join(library, '.writer-lease'));
  const table = await db.openTable('lease');
  await table.update({ where: 'true', values: { claim: 'theirs.another-scope', host: 'gpubox', pid: 2298, command, since: Date.now() - 5_000, expires_at: expiresAt } });
  table.close();
  db.close();
}

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

describe('a library whose writer lease another device holds', () => {
  it('says who writes it, and when its lease lapses if that writer has stopped', async () => {
    const library = tempDir('shoebox-busy-library-');
    const expiresAt = Date.now() + 24_500;
    await leftByAnotherDevice(library, 'shoebox index', expiresAt);
    const error = await acquireLibraryWriter({ home: tempDir('shoebox-busy-home-'), library, libraryUri: library, command: 'shoebox index' }).then(
      () => null,
      (e: Error) => e,
    );
    // Who writes is the error's own field too: front ends name it without reading the line.
    expect(error).toBeInstanceOf(LibraryBusyError);
    expect((error as LibraryBusyError).holder).toBe('shoebox index on gpubox (pid 2298)');
    const refused = error?.message;
    expect(refused).toMatch(
      new RegExp(`^library busy: shoebox index on gpubox \\(pid 2298\\) is writing to ${library.replace(/[/.]/g, '\\$&')}; stop it or wait for it to finish \\(if it has stopped, its lease lapses by itself at ${clock(expiresAt)}, in 2[0-5] s\\)$`),
    );
  });

  it('a writer that lets go once quiet is said to, with the same lapse', async () => {
    const library = tempDir('shoebox-busy-library-');
    const expiresAt = Date.now() + 20_000;
    await leftByAnotherDevice(library, 'shoebox watch', expiresAt);
    const refused = await acquireLibraryWriter({ home: tempDir('shoebox-busy-home-'), library, libraryUri: library, command: 'shoebox index' }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/; it lets the library go once quiet for 30 s \(unless set otherwise\): try again then \(if it has stopped, its lease lapses by itself at \d\d:\d\d:\d\d, in 1\d s\)$/);
    expect(refused!.split('\n')).toHaveLength(1);
  });
});

describe('the lapse', () => {
  it('is a clock time and whole seconds to go, rounded up, never "in 0 s"', () => {
    const now = new Date(2026, 5, 1, 9, 4, 7).getTime();
    expect(lapseNote(now + 23_200, now)).toBe('(if it has stopped, its lease lapses by itself at 09:04:30, in 24 s)');
    expect(lapseNote(now + 30_000, now)).toBe('(if it has stopped, its lease lapses by itself at 09:04:37, in 30 s)');
    expect(lapseNote(now - 200, now)).toBe('(if it has stopped, its lease lapses by itself at 09:04:06, in 1 s)');
  });

  it('leaves who writes where the same from one try to the next (a watcher says it once)', () => {
    const line = (advice: string, s: number) => `library busy: shoebox index on gpubox (pid 2298) is writing to s3://shoebox/lock; ${advice} (if it has stopped, its lease lapses by itself at 09:04:30, in ${s} s)`;
    const who = 'library busy: shoebox index on gpubox (pid 2298) is writing to s3://shoebox/lock';
    expect(busyWithoutAdvice(line('stop it or wait for it to finish', 24))).toBe(who);
    expect(busyWithoutAdvice(line('stop it or wait for it to finish', 14))).toBe(who);
    expect(busyWithoutAdvice(line('it lets the library go once quiet for 30 s (unless set otherwise): try again then', 4))).toBe(who);
    // The home's own pid lock (a dead holder there is taken over at once): no lapse to say.
    expect(busyWithoutAdvice(`${who}; stop it or wait for it to finish`)).toBe(who);
  });
});
