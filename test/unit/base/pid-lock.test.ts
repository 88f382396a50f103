// A pid lock file: one holder at a time, a live holder is never taken over, a dead one is,
// and release removes only the lock this process holds. (The race between several processes
// finding one stale lock is tested through the writer lock, test/unit/library/writer-lock.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tryAcquirePidLock } from '../../../src/base/pid-lock';
import { tempDir } from '../../helpers/images';

/** A pid no process has (above any pid_max). */
const DEAD_PID = 999_999_999;

describe('tryAcquirePidLock', () => {
  it('writes the holder (pid, time, details) and refuses a second taker in the same process', () => {
    const file = path.join(tempDir('shoebox-pidlock-'), 'sub', 'x.lock');
    const first = tryAcquirePidLock(file, { command: 'index' });
    expect(first.acquired).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'index' });
    const second = tryAcquirePidLock(file);
    expect(second).toMatchObject({ acquired: false, holder: { pid: process.pid, command: 'index' } });
    if (first.acquired) first.lock.release();
    expect(fs.existsSync(file)).toBe(false);
    const third = tryAcquirePidLock(file);
    expect(third.acquired).toBe(true);
    if (third.acquired) third.lock.release();
  });

  it('never takes over a live holder, and takes over a dead one', () => {
    const dir = tempDir('shoebox-pidlock-');
    const file = path.join(dir, 'x.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: process.ppid, since: Date.now(), command: 'watch' }));
    expect(tryAcquirePidLock(file)).toEqual({ acquired: false, holder: { pid: process.ppid, since: expect.any(Number), command: 'watch' } });
    fs.writeFileSync(file, JSON.stringify({ pid: DEAD_PID, since: 1 }));
    const taken = tryAcquirePidLock(file);
    expect(taken.acquired).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    if (taken.acquired) taken.lock.release();
    expect(fs.readdirSync(dir)).toEqual([]); // no claim or temporary file left behind
  });

  it('reads a lock file that holds a bare pid (the older format)', () => {
    const file = path.join(tempDir('shoebox-pidlock-'), 'model.lock');
    fs.writeFileSync(file, String(process.ppid));
    expect(tryAcquirePidLock(file)).toMatchObject({ acquired: false, holder: { pid: process.ppid } });
    fs.writeFileSync(file, String(DEAD_PID));
    const taken = tryAcquirePidLock(file);
    expect(taken.acquired).toBe(true);
    if (taken.acquired) taken.lock.release();
  });

  it('release leaves alone a lock that is no longer ours', () => {
    const file = path.join(tempDir('shoebox-pidlock-'), 'x.lock');
    const held = tryAcquirePidLock(file);
    if (!held.acquired) throw new Error('not acquired');
    const other = JSON.stringify({ pid: process.ppid, since: 5 });
    fs.writeFileSync(file, other); // replaced behind our back
    held.lock.release();
    held.lock.release();
    expect(fs.readFileSync(file, 'utf8')).toBe(other);
  });

  it('takes over an empty lock left by a failed take (a full disk) at once, with no live owner to wait for', () => {
    const file = path.join(tempDir('shoebox-pidlock-'), 'library.lock');
    fs.writeFileSync(file, ''); // what a write that failed after creating the file leaves
    const old = new Date(Date.now() - 1000); // a second ago: the user freed space and ran again
    fs.utimesSync(file, old, old);
    const taken = tryAcquirePidLock(file, { command: 'shoebox index' });
    expect(taken.acquired).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'shoebox index' });
    if (taken.acquired) taken.lock.release();
  });

  it('an empty lock dated in the future (a file server clock ahead, a clock set back) is waited on for a moment, not until that date', () => {
    const file = path.join(tempDir('shoebox-pidlock-'), 'library.lock');
    fs.writeFileSync(file, '');
    const ahead = new Date(Date.now() + 20_000);
    fs.utimesSync(file, ahead, ahead);
    const start = Date.now();
    const taken = tryAcquirePidLock(file, { command: 'shoebox index' });
    // About half a second (the stale moment, once); 3 s leaves room for a loaded machine.
    expect(Date.now() - start).toBeLessThan(3000);
    expect(taken.acquired).toBe(true);
    if (taken.acquired) taken.lock.release();
  }, 60_000);

  it('an empty lock just created is waited on: a live process writing it right now keeps it', async () => {
    const file = path.join(tempDir('shoebox-pidlock-'), 'library.lock');
    fs.writeFileSync(file, '');
    const holder = JSON.stringify({ pid: process.ppid, since: Date.now(), command: 'shoebox watch' });
    // Another process writes its holder into the lock it has just created, 150 ms later.
    const writer = spawn(process.execPath, ['-e', `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(holder)}), 150)`]);
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    const attempt = tryAcquirePidLock(file);
    await exited;
    expect(attempt).toMatchObject({ acquired: false, holder: { pid: process.ppid, command: 'shoebox watch' } });
  });
});
