// The lock behind a shared folder's compare-and-write (duplicate decisions, a copy's marker):
// of several writers only one is ever inside, also when they find a dead holder's lock at
// once; a live holder is never taken over because the share's clock differs from ours; a
// holder removes only its own lock.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../../src/core/location/file-lock';
import { tempDir } from '../../helpers/images';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `writers` read-add-write updates of a counter through the lock, started 0-2 ms apart. */
async function race(file: string, writers: number, timing: { staleMs?: number; waitMs?: number }) {
  fs.writeFileSync(file, '0');
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, k) => {
      await sleep(k % 3);
      await withFileLock(
        file,
        async () => {
          most = Math.max(most, ++inside);
          const n = Number(fs.readFileSync(file, 'utf8'));
          await sleep(20);
          fs.writeFileSync(file, String(n + 1));
          inside--;
        },
        timing,
      );
    }),
  );
  return { count: Number(fs.readFileSync(file, 'utf8')), most };
}

function lockOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

function age(file: string, ms: number): void {
  const then = new Date(Date.now() - ms);
  fs.utimesSync(file, then, then);
}

describe('withFileLock', () => {
  it('lets one writer at a time take over the lock a dead holder left, every time', async () => {
    const dir = tempDir('shoebox-file-lock-');
    const file = path.join(dir, 'duplicate-decisions.json');
    for (let round = 0; round < 5; round++) {
      fs.writeFileSync(lockOf(file), 'a holder that crashed');
      age(lockOf(file), 60_000);
      expect(await race(file, 6, { staleMs: 150 }), `round ${round}`).toEqual({ count: 6, most: 1 });
      expect(fs.readdirSync(dir).sort()).toEqual(['duplicate-decisions.json']);
    }
  });

  it('waits for a live holder whose lock looks a minute old by this device’s clock', async () => {
    const file = path.join(tempDir('shoebox-file-lock-'), 'duplicate-decisions.json');
    const order: string[] = [];
    const first = withFileLock(file, async () => {
      order.push('first in');
      age(lockOf(file), 60_000); // the share's clock a minute behind ours
      await sleep(600);
      order.push('first out');
    });
    await sleep(50);
    await withFileLock(file, async () => void order.push('second'), { staleMs: 2000 });
    await first;
    expect(order).toEqual(['first in', 'first out', 'second']);
  });

  it('takes over a lock left hours ago at once', async () => {
    const file = path.join(tempDir('shoebox-file-lock-'), 'duplicate-decisions.json');
    fs.writeFileSync(lockOf(file), '');
    age(lockOf(file), 3 * 3600_000);
    // Waiting out the staleness (15 s) would fail here first.
    await expect(withFileLock(file, async () => 'written', { waitMs: 3000 })).resolves.toBe('written');
  });

  it('keeps a writer stalled past its lock from overwriting the one that took it over', async () => {
    const file = path.join(tempDir('shoebox-file-lock-'), 'duplicate-decisions.json');
    const stalled = withFileLock(
      file,
      async (stillHeld) => {
        await sleep(600); // frozen: a laptop's lid closed mid-write
        await stillHeld();
        fs.writeFileSync(file, 'stalled');
      },
      { staleMs: 150 },
    );
    await sleep(50);
    await withFileLock(file, async (stillHeld) => {
      await stillHeld();
      fs.writeFileSync(file, 'took over');
    }, { staleMs: 150 });
    await expect(stalled).rejects.toThrow(/was taken over by another writer while this one was stalled: try again$/);
    expect(fs.readFileSync(file, 'utf8')).toBe('took over');
  });

  it('removes only its own lock', async () => {
    const file = path.join(tempDir('shoebox-file-lock-'), 'duplicate-decisions.json');
    await withFileLock(file, async () => {
      fs.writeFileSync(lockOf(file), 'a writer that took it over'); // as if we had been seen stale
    });
    expect(fs.readFileSync(lockOf(file), 'utf8')).toBe('a writer that took it over');
  });
});
