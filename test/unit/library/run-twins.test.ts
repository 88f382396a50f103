// Byte-identical files in one run: the first is embedded, each copy gets the first's row
// under its own path, whether it turns up before or after that row is made; a first that
// makes no row hands its copies back to be embedded themselves.
import { describe, expect, it } from 'vitest';
import { RunTwins } from '../../../src/core/library/run-twins';
import type { PhotoRecord } from '../../../src/core/store/types';

const row = (hash: string, path: string): PhotoRecord => ({
  path, folder: '/p', size: 1, mtimeMs: 1, hash, width: 1, height: 1, takenAt: null, cameraMake: null, cameraModel: null,
  gpsLat: null, gpsLon: null, orientation: null, modelId: 'm', vector: new Float32Array([1, 0]), thumbKey: `t/${hash}`, indexedAt: 1,
});

function twins() {
  const adopted: [string, string][] = [];
  const t = new RunTwins<string>((copy, r) => adopted.push([copy, r.path]));
  return { t, adopted };
}

describe('RunTwins', () => {
  it('a copy met while its first is embedded waits, and gets the row once it is made', () => {
    const { t, adopted } = twins();
    expect(t.claim('h', '/a.jpg')).toBe('embed');
    expect(t.claim('h', '/b.jpg')).toBe('copy');
    expect(t.claim('h', '/c.jpg')).toBe('copy');
    expect(adopted).toEqual([]);
    t.made(row('h', '/a.jpg'));
    expect(adopted).toEqual([['/b.jpg', '/a.jpg'], ['/c.jpg', '/a.jpg']]);
  });

  it('a copy met after the row is made takes it at once; after the commit, the store answers', () => {
    const { t, adopted } = twins();
    t.claim('h', '/a.jpg');
    const made = row('h', '/a.jpg');
    t.made(made);
    expect(t.claim('h', '/b.jpg')).toBe('copy');
    expect(adopted).toEqual([['/b.jpg', '/a.jpg']]);
    t.committed([made]);
    expect(t.claim('h', '/c.jpg')).toBe('stored');
    expect(adopted).toHaveLength(1);
  });

  it('a commit of copies alone does not hand the content to the store early', () => {
    const { t } = twins();
    t.claim('h', '/a.jpg');
    t.made(row('h', '/a.jpg'));
    t.committed([row('h', '/b.jpg')]); // another object: the copy's row, not the first's
    expect(t.claim('h', '/c.jpg')).toBe('copy');
  });

  it('a first that makes no row hands its copies back once, to be embedded; other content is not held up', () => {
    const { t, adopted } = twins();
    t.claim('h', '/a.jpg');
    t.claim('h', '/b.jpg');
    t.claim('h', '/c.jpg');
    expect(t.claim('other', '/d.jpg')).toBe('embed');
    t.lost('h');
    expect(t.takeOrphans()).toEqual(['/b.jpg', '/c.jpg']);
    expect(t.takeOrphans()).toEqual([]);
    expect(adopted).toEqual([]);
    // The next one met is the first again.
    expect(t.claim('h', '/b.jpg')).toBe('embed');
  });
});
