// The review's pass over a duplicates report's members (which are gone from disk): kept for
// the same report while the library's photos version stays and the pass is young; looked at
// again after a change, after the time-to-live, and for another report.
import { describe, expect, it } from 'vitest';
import { GoneFromDiskCache } from '../../../src/core/dupes/gone-from-disk-cache';

function counted(gone: Set<string>) {
  const seen: string[] = [];
  const stat = async (file: string) => {
    seen.push(file);
    if (gone.has(file)) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
  };
  return { seen, stat };
}

describe('GoneFromDiskCache', () => {
  const members = ['/p/a.jpg', '/p/b.jpg', '/p/c.jpg'];

  it('reads a report twice at one photos version with one pass of stats', async () => {
    const { seen, stat } = counted(new Set(['/p/c.jpg']));
    const cache = new GoneFromDiskCache({ stat, now: () => 1000 });
    const report = {};
    expect(await cache.gone(report, () => members, 'v1')).toEqual(new Set(['/p/c.jpg']));
    expect(await cache.gone(report, () => members, 'v1')).toEqual(new Set(['/p/c.jpg']));
    expect(seen).toEqual(members);
  });

  it('looks again once the photos changed, once the pass is old, and for a new report', async () => {
    const gone = new Set<string>();
    const { seen, stat } = counted(gone);
    let now = 0;
    const cache = new GoneFromDiskCache({ stat, now: () => now, ttlMs: 30_000 });
    const report = {};
    expect(await cache.gone(report, () => members, 'v1')).toEqual(new Set());
    gone.add('/p/b.jpg'); // deleted while no watcher runs
    expect(await cache.gone(report, () => members, 'v1')).toEqual(new Set());
    expect(await cache.gone(report, () => members, 'v2')).toEqual(new Set(['/p/b.jpg']));
    gone.add('/p/a.jpg');
    now = 29_999;
    expect(await cache.gone(report, () => members, 'v2')).toEqual(new Set(['/p/b.jpg']));
    now = 30_000;
    expect(await cache.gone(report, () => members, 'v2')).toEqual(new Set(['/p/a.jpg', '/p/b.jpg']));
    expect(await cache.gone({}, () => members, 'v2')).toEqual(new Set(['/p/a.jpg', '/p/b.jpg']));
    expect(seen.length).toBe(members.length * 4);
  });

  it('shares one pass between pages read at once', async () => {
    const { seen, stat } = counted(new Set());
    const cache = new GoneFromDiskCache({ stat });
    const report = {};
    await Promise.all([cache.gone(report, () => members, 'v1'), cache.gone(report, () => members, 'v1')]);
    expect(seen).toEqual(members);
  });
});
