// The watcher's memory of rows it removed: what lets a file deleted and written back a moment
// later (an editor saving that way) keep the user's marks, and nothing older or larger.
import { describe, expect, it } from 'vitest';
import type { OldRow } from '../../../src/core/library/content-changes';
import { MOST_REMEMBERED, RecentRemovals, REMEMBERED_MS } from '../../../src/core/library/recent-removals';

const row = (hash: string) => ({ hash, vector: new Float32Array([1, 0]) }) as unknown as OldRow;

describe('RecentRemovals', () => {
  it('gives back a row removed within the last minute, not one removed before', () => {
    const recent = new RecentRemovals();
    recent.remember(new Map([['/p/a.jpg', row('a')]]), 1_000);
    expect(recent.at('/p/a.jpg', 1_000 + REMEMBERED_MS)?.hash).toBe('a');
    expect(recent.at('/p/a.jpg', 1_001 + REMEMBERED_MS)).toBeUndefined();
    expect(recent.at('/p/b.jpg', 1_000)).toBeUndefined();
  });

  it('takes a removal of a few photos, not a folder’s worth, and keeps at most that many, the newest', () => {
    const recent = new RecentRemovals();
    expect(recent.wants(0)).toBe(false);
    expect(recent.wants(1)).toBe(true);
    expect(recent.wants(MOST_REMEMBERED + 1)).toBe(false);
    for (let i = 0; i <= MOST_REMEMBERED; i++) recent.remember(new Map([[`/p/${i}.jpg`, row(String(i))]]), 5_000 + i);
    expect(recent.at('/p/0.jpg', 6_000)).toBeUndefined();
    expect(recent.at('/p/1.jpg', 6_000)?.hash).toBe('1');
    expect(recent.at(`/p/${MOST_REMEMBERED}.jpg`, 6_000)?.hash).toBe(String(MOST_REMEMBERED));
  });

  it('a path removed again is remembered with its latest row', () => {
    const recent = new RecentRemovals();
    recent.remember(new Map([['/p/a.jpg', row('old')]]), 1_000);
    recent.remember(new Map([['/p/a.jpg', row('new')]]), 2_000);
    expect(recent.at('/p/a.jpg', 2_000)?.hash).toBe('new');
  });
});
