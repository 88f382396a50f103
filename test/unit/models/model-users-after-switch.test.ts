// After `shoebox models use B`, a running `shoebox serve` (or the app) that loaded model A keeps
// searching with A until restarted: the switch names those processes (otherModelUsers), from
// the markers each process leaves for the model it loaded.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markModelInUse, otherModelUsers } from '../../../src/core/models/model-users';
import { tempDir } from '../../helpers/images';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

function liveProcessUsing(home: string, id: string, command: string): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  const dir = path.join(home, 'models', '.in-use', id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${child.pid}.json`), JSON.stringify({ pid: child.pid, command, since: Date.now() }));
  return child.pid!;
}

describe('otherModelUsers', () => {
  it('names the live processes with another model loaded, not those with the new one nor this process', () => {
    const home = tempDir();
    const serve = liveProcessUsing(home, 'mine', 'shoebox serve');
    liveProcessUsing(home, 'other', 'shoebox watch');
    const own = markModelInUse(home, 'mine', 'shoebox models use');
    expect(otherModelUsers(home, 'other')).toEqual([{ pid: serve, command: 'shoebox serve', since: expect.any(Number), modelId: 'mine' }]);
    own.release();
  });

  it('is empty with no markers, and forgets a dead process', () => {
    const home = tempDir();
    expect(otherModelUsers(home, 'other')).toEqual([]);
    const dir = path.join(home, 'models', '.in-use', 'mine');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '999999.json'), JSON.stringify({ pid: 999_999, command: 'shoebox serve', since: 1 }));
    expect(otherModelUsers(home, 'other')).toEqual([]);
  });
});
