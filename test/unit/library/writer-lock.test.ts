// One writer per home, whatever the timing: a lock left by a dead process is taken over by
// exactly one of the processes that find it at the same moment, and taking and releasing the
// lock many times leaves no listeners behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriterLock, LibraryBusyError } from '../../../src/core/library/writer-lock';
import { tempDir } from '../../helpers/images';

/** A pid no process has (above any pid_max): the lock's holder is dead. */
const DEAD_PID = 999_999_999;

function staleLock(home: string): void {
  fs.writeFileSync(path.join(home, 'library.lock'), JSON.stringify({ pid: DEAD_PID, command: 'shoebox index', since: Date.now() - 60_000 }));
}

/** The holder a refused lock's LibraryBusyError names (undefined: not refused so). */
function busyHolder(take: () => unknown): string | null | undefined {
  try {
    take();
  } catch (error) {
    if (error instanceof LibraryBusyError) return error.holder;
  }
  return undefined;
}

function contend(contenders: number, homes: string[]): Promise<void>[] {
  const script = path.join(import.meta.dirname, '../../helpers/lock-contender.mjs');
  return Array.from({ length: contenders }, () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [script, String(contenders), ...homes], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`contender exited ${code}: ${stderr}`))));
    }),
  );
}

describe('the writer lock', () => {
  it('a stale lock found by several processes at once is taken over by exactly one, every time', async () => {
    const trials = 200;
    const homes = Array.from({ length: trials }, () => {
      const home = tempDir('shoebox-lock-');
      staleLock(home);
      return home;
    });
    await Promise.all(contend(4, homes));
    const winners = homes.map((home) => fs.readdirSync(home).filter((f) => f.startsWith('won-')).length);
    expect(winners.filter((n) => n !== 1).length, `trials without exactly one winner: ${winners.map((n, i) => (n === 1 ? '' : `#${i}: ${n}`)).filter(Boolean).join(', ')}`).toBe(0);
  }, 240_000);

  it('a live holder is never taken over; a dead one is', () => {
    const home = tempDir('shoebox-lock-');
    fs.writeFileSync(path.join(home, 'library.lock'), JSON.stringify({ pid: process.ppid, command: 'shoebox watch', since: Date.now() }));
    expect(() => acquireWriterLock(home, 'test')).toThrow(LibraryBusyError);
    // `watch` never finishes: the line says it lets go once quiet; a command that ends is waited for.
    expect(() => acquireWriterLock(home, 'test')).toThrow(/^library busy: shoebox watch on \S+ \(pid \d+\) is writing to \S+; it lets the library go once quiet for 30 s \(unless set otherwise\): try again then$/);
    fs.writeFileSync(path.join(home, 'library.lock'), JSON.stringify({ pid: process.ppid, command: 'shoebox index', since: Date.now() }));
    expect(() => acquireWriterLock(home, 'test')).toThrow(/^library busy: shoebox index on \S+ \(pid \d+\) is writing to \S+; stop it or wait for it to finish$/);
    // Who writes is the error's own field (what front ends name); none for this very process.
    expect(busyHolder(() => acquireWriterLock(home, 'test'))).toMatch(/^shoebox index on \S+ \(pid \d+\)$/);
    fs.writeFileSync(path.join(home, 'library.lock'), JSON.stringify({ pid: process.ppid, command: 'shoebox watch', since: Date.now() }));
    staleLock(home);
    const lock = acquireWriterLock(home, 'test');
    expect(JSON.parse(fs.readFileSync(path.join(home, 'library.lock'), 'utf8')).pid).toBe(process.pid);
    expect(() => acquireWriterLock(home, 'again')).toThrow(/this process is already writing/);
    expect(busyHolder(() => acquireWriterLock(home, 'again'))).toBeNull();
    lock.release();
    expect(fs.existsSync(path.join(home, 'library.lock'))).toBe(false);
    expect(fs.readdirSync(home)).toEqual([]); // nothing left behind by the takeover
  });

  it('an empty lock left by a crash while it was written is taken over once it is not brand new', () => {
    const home = tempDir('shoebox-lock-');
    const file = path.join(home, 'library.lock');
    fs.writeFileSync(file, '');
    // Brand new, it could be being written: waited on for a moment, then, still empty, taken over
    // (a live taker's write is respected: test/unit/base/pid-lock.test.ts).
    const first = acquireWriterLock(home, 'test');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    first.release();
    fs.writeFileSync(file, '');
    fs.utimesSync(file, new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
    const lock = acquireWriterLock(home, 'test');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('taking and releasing the lock many times adds no exit listeners (no MaxListenersExceededWarning)', () => {
    const home = tempDir('shoebox-lock-');
    const before = process.listenerCount('exit');
    for (let i = 0; i < 20; i++) acquireWriterLock(home, 'test').release();
    const held = [acquireWriterLock(tempDir('shoebox-lock-'), 'a'), acquireWriterLock(tempDir('shoebox-lock-'), 'b')];
    expect(process.listenerCount('exit')).toBeLessThanOrEqual(before + 1);
    for (const l of held) l.release();
  });
});
