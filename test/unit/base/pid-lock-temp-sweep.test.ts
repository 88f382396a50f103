// A taker killed between writing its temp file and linking it (kill -9, power loss) leaves
// `<lock>.<pid>.<hex>.tmp` for good, under a name no one reuses: the next take of the lock
// removes such leftovers (a dead writer's, or any over a minute old), and never a live
// writer's fresh one, which may be about to become the lock.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryAcquirePidLock } from '../../../src/base/pid-lock';
import { tempDir } from '../../helpers/images';

/** A pid no process has (above any pid_max). */
const DEAD_PID = 999_999_999;

function writeTemp(dir: string, name: string, ageMs = 0): void {
  fs.writeFileSync(path.join(dir, name), '{"pid":1,"since":1}');
  if (ageMs) {
    const then = new Date(Date.now() - ageMs);
    fs.utimesSync(path.join(dir, name), then, then);
  }
}

describe('tryAcquirePidLock and the temp files killed takers left', () => {
  it('removes a dead writer’s temp and an old one, keeps a live writer’s fresh one and other files', () => {
    const dir = tempDir('shoebox-pidlock-');
    const file = path.join(dir, 'library.lock');
    const dead = `library.lock.${DEAD_PID}.a1b2c3d4e5f6.tmp`;
    const liveOld = `library.lock.${process.ppid}.0123456789ab.tmp`;
    const liveFresh = `library.lock.${process.ppid}.ba9876543210.tmp`;
    // Not this lock's temps: another lock's, and names that only look alike.
    const others = [`model.lock.${DEAD_PID}.a1b2c3d4e5f6.tmp`, 'library.lock.notes.tmp', `library.lock.${DEAD_PID}.a1b2c3d4e5f6.tmp.keep`, 'settings.json'];
    writeTemp(dir, dead);
    writeTemp(dir, liveOld, 5 * 60_000);
    writeTemp(dir, liveFresh);
    for (const name of others) writeTemp(dir, name);

    const taken = tryAcquirePidLock(file, { command: 'shoebox index' });
    expect(taken.acquired).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['library.lock', liveFresh, ...others].sort());
    if (taken.acquired) taken.lock.release();
  });

  it('sweeps on a try that is refused too (a live holder has the lock)', () => {
    const dir = tempDir('shoebox-pidlock-');
    const file = path.join(dir, 'library.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: process.ppid, since: Date.now(), command: 'shoebox watch' }));
    const dead = `library.lock.${DEAD_PID}.a1b2c3d4e5f6.tmp`;
    writeTemp(dir, dead);
    expect(tryAcquirePidLock(file)).toMatchObject({ acquired: false, holder: { pid: process.ppid } });
    expect(fs.readdirSync(dir)).toEqual(['library.lock']);
  });
});
