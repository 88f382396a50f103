// "Newest first" orders a photo without a date taken by the date the timeline shows it under:
// its file's time on this machine's clock (store/photo-date.ts), not the file time read as a
// camera clock. In New York a file written at 01:00 UTC on 2 June is 21:00 on 1 June, so it
// comes after a photo the camera dated 23:00 on 1 June.
import { afterEach, describe, expect, it } from 'vitest';
import { newestFirst } from '../../../src/core/search/result-page';
import type { PhotoSummary, VectorHit } from '../../../src/core/store/types';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

function store(rows: Record<string, Pick<PhotoSummary, 'takenAt' | 'mtimeMs'>>) {
  return { photosByPath: async (paths: string[]) => new Map(paths.map((p) => [p, rows[p] as PhotoSummary])) };
}

describe('newest first', () => {
  it('dates a photo without a date taken by its file time on this machine\'s clock', async () => {
    process.env.TZ = 'America/New_York';
    const rows = {
      '/p/camera.jpg': { takenAt: Date.UTC(2024, 5, 1, 23, 0), mtimeMs: Date.UTC(2024, 0, 1) },
      '/p/file-time.jpg': { takenAt: null, mtimeMs: Date.UTC(2024, 5, 2, 1, 0) },
    };
    const hits: VectorHit[] = [
      { path: '/p/file-time.jpg', score: 0.5 },
      { path: '/p/camera.jpg', score: 0.5 },
    ] as VectorHit[];
    expect((await newestFirst(store(rows), hits)).map((h) => h.path)).toEqual(['/p/camera.jpg', '/p/file-time.jpg']);
    process.env.TZ = 'UTC';
    expect((await newestFirst(store(rows), hits)).map((h) => h.path)).toEqual(['/p/file-time.jpg', '/p/camera.jpg']);
  });
});
