// Date… on a selection holding a video, as the app asks (setTakenAt, shiftTakenAt by id): the
// core says how many of the photos changed, and of those that showed the date already, are
// videos, so the selection bar's line reads "1 photo, 1 video showed that date already", never
// "2 photos". A store kept in memory; the real one: test/integration/taken-at.test.ts.
import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../src/core/api/api-context';
import { editUndos } from '../../../src/core/api/edit-undo';
import { photoId } from '../../../src/core/api/photo-id';
import { takenAtApi } from '../../../src/core/api/taken-at-api';
import type { PhotoSummary, TakenEdit } from '../../../src/core/store/types';
import { takenAtResultText } from '../../../src/renderer/lib/taken-at-result';

const MARCH_7 = Date.UTC(2024, 2, 7, 18, 0);
const MARCH_5 = Date.UTC(2024, 2, 5, 12, 0);

/** A library of two photos and a clip (a row with a length is a video), their date edits in memory. */
function memoryLibrary() {
  const rows = new Map<string, PhotoSummary>(
    [
      { path: '/p/red.jpg', hash: 'red', takenAt: MARCH_7 },
      { path: '/p/clip.mp4', hash: 'clip', takenAt: MARCH_7, durationMs: 2000 },
      { path: '/p/green.jpg', hash: 'green', takenAt: MARCH_5 },
    ].map((r) => [r.path, { ...r, takenOffset: null } as unknown as PhotoSummary]),
  );
  const edits = new Map<string, TakenEdit>();
  const store = {
    photosByPath: async (paths: readonly string[]) => new Map(paths.flatMap((p) => (rows.has(p) ? [[p, rows.get(p)!] as const] : []))),
    takenEdits: async () => new Map(edits),
    setTakenAt: async (list: Omit<TakenEdit, 'editedAt'>[]) => list.forEach((e) => edits.set(e.hash, { ...e, editedAt: 1 } as TakenEdit)),
    restoreTakenAt: async (hashes: string[]) => hashes.forEach((h) => edits.delete(h)),
  };
  const ctx = { need: async () => ({ writable: async () => store }), writes: { edits: (run: () => Promise<unknown>) => run() }, emit: () => {} } as unknown as ApiContext;
  return takenAtApi(ctx, editUndos());
}

const ids = (...names: string[]) => names.map((n) => photoId(`/p/${n}`));

describe('Date… on photos and a video, in the app', () => {
  it('counts the video that showed the date already apart from the photo', async () => {
    const api = memoryLibrary();
    const result = await api.setTakenAt(ids('red.jpg', 'clip.mp4', 'green.jpg'), '2024-03-07T18:00');
    expect(result).toMatchObject({ done: 3, unchanged: 2, unchangedVideos: 1 });
    expect(result.changedVideos ?? 0).toBe(0);
    expect(takenAtResultText(result, '2024-03-07T18:00')).toMatch(/^Set the date taken of 1 photo to .+\. 1 photo, 1 video showed that date already\.$/);
  });

  it('counts the video whose date changed apart, and one that changed nothing', async () => {
    const api = memoryLibrary();
    const set = await api.setTakenAt(ids('red.jpg', 'clip.mp4'), '2020-01-01T10:00');
    expect(set).toMatchObject({ done: 2, changedVideos: 1 });
    expect(takenAtResultText(set, '2020-01-01T10:00')).toMatch(/^Set the date taken of 1 photo, 1 video to .+\.$/);
    const again = await api.setTakenAt(ids('red.jpg', 'clip.mp4'), '2020-01-01T10:00');
    expect(takenAtResultText(again, '2020-01-01T10:00')).toBe('1 photo, 1 video showed that date already: nothing changed.');
  });

  it('a restore and a shift count their video too', async () => {
    const api = memoryLibrary();
    await api.setTakenAt(ids('clip.mp4'), '2020-01-01T10:00');
    const restored = await api.setTakenAt(ids('red.jpg', 'clip.mp4'), null);
    expect(restored).toMatchObject({ done: 2, changedVideos: 1 });
    expect(takenAtResultText(restored, null)).toBe('Put back the files’ own dates on 1 photo, 1 video.');
    expect(await api.shiftTakenAt(ids('red.jpg', 'clip.mp4'), 3600)).toMatchObject({ done: 2, changedVideos: 1 });
  });
});
