// Two live takers of one pid lock never both win, whatever pauses them: the lock is never seen
// empty while its taker writes it (it appears with its holder in it), a taker whose lock was
// taken over meanwhile is refused, and a failed take removes only its own lock. Pauses are
// played by hooking fs calls; the other taker is a real process (test/helpers/lock-holder.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tryAcquirePidLock } from '../../../src/base/pid-lock';
import { tempDir } from '../../helpers/images';

const realWriteFileSync = fs.writeFileSync;
const children: ChildProcess[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

interface Outcome {
  acquired: boolean;
  holder: { pid: number } | null;
}

/** Starts another process taking `file` and blocks until it has tried (it holds it if it won). */
function anotherProcessTakes(file: string): { pid: number; outcome: Outcome } {
  const marker = `${path.dirname(file)}/../marker-${children.length}.json`;
  const child = spawn(process.execPath, [path.join(import.meta.dirname, '../../helpers/lock-holder.mjs'), file, marker], { stdio: 'ignore' });
  children.push(child);
  const tick = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 120_000;
  while (!fs.existsSync(marker)) {
    if (Date.now() > deadline) throw new Error('the other taker never answered');
    Atomics.wait(tick, 0, 0, 20);
  }
  return { pid: child.pid!, outcome: JSON.parse(fs.readFileSync(marker, 'utf8')) as Outcome };
}

/** Another live holder's lock put in place the way a takeover does it: renamed over the path. */
function renameOtherLockOver(file: string): string {
  const other = JSON.stringify({ pid: process.ppid, since: Date.now(), command: 'shoebox watch' });
  realWriteFileSync(`${file}.other`, other);
  fs.renameSync(`${file}.other`, file);
  return other;
}

function lockFile(): string {
  return path.join(tempDir('shoebox-pidlock-'), 'home', 'library.lock');
}

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

describe('two live takers of one pid lock', () => {
  it('a lock held by another process is refused, naming it', () => {
    const file = lockFile();
    const other = anotherProcessTakes(file);
    expect(other.outcome.acquired).toBe(true);
    expect(tryAcquirePidLock(file)).toMatchObject({ acquired: false, holder: { pid: other.pid, command: 'lock-holder' } });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['library.lock']); // no temporary file left
  }, 180_000);

  it('a taker paused while it writes its lock (past the empty-lock moment) does not win beside the process that took it meanwhile', () => {
    const file = lockFile();
    let other: { pid: number; outcome: Outcome } | null = null;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (!other) {
        // Paused here well past the empty-lock moment: seen from the other process, a lock
        // already at the path is that old (or its file server's clock says so).
        if (fs.existsSync(file)) fs.utimesSync(file, new Date(Date.now() - 5000), new Date(Date.now() - 5000));
        other = anotherProcessTakes(file);
      }
      realWriteFileSync(...args);
    });
    const mine = tryAcquirePidLock(file);
    vi.restoreAllMocks();
    const winners = [mine.acquired, other!.outcome.acquired].filter(Boolean).length;
    expect(winners).toBe(1);
    expect(mine).toMatchObject({ acquired: false, holder: { pid: other!.pid } });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(other!.pid);
  }, 180_000);

  it('a failed write (a full disk) does not remove the lock another taker put there meanwhile', () => {
    const file = lockFile();
    let other = '';
    vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
      other = renameOtherLockOver(file);
      throw enospc();
    });
    expect(() => tryAcquirePidLock(file)).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe(other);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['library.lock']);
  });
});

describe('on a filesystem without hard links (FAT, some SMB shares)', () => {
  function noHardLinks(): void {
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    });
  }

  /** Hooks the write of the lock's holder into the lock file itself (the created-empty way). */
  function onWriteIntoLock(hook: () => void): void {
    vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (typeof args[0] === 'number') hook();
      realWriteFileSync(...args);
    });
  }

  it('the lock is still taken, with its holder, and nothing else is left beside it', () => {
    noHardLinks();
    const file = lockFile();
    const taken = tryAcquirePidLock(file, { command: 'shoebox index' });
    expect(taken.acquired).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'shoebox index' });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['library.lock']);
    if (taken.acquired) taken.lock.release();
  });

  it('a taker whose empty lock was taken over while it was paused is refused, not a second writer', () => {
    noHardLinks();
    const file = lockFile();
    let other = '';
    onWriteIntoLock(() => (other ||= renameOtherLockOver(file)));
    expect(tryAcquirePidLock(file)).toMatchObject({ acquired: false, holder: { pid: process.ppid, command: 'shoebox watch' } });
    expect(fs.readFileSync(file, 'utf8')).toBe(other);
  });

  it('a failed write removes its own empty lock, but not one that replaced it', () => {
    noHardLinks();
    const file = lockFile();
    vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (typeof args[0] === 'number') throw enospc();
      realWriteFileSync(...args);
    });
    expect(() => tryAcquirePidLock(file)).toThrow(/ENOSPC/);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]); // no empty lock to refuse the next command
    let other = '';
    vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (typeof args[0] === 'number') {
        other = renameOtherLockOver(file);
        throw enospc();
      }
      realWriteFileSync(...args);
    });
    expect(() => tryAcquirePidLock(file)).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe(other);
  });
});
