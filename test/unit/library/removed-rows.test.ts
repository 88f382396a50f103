// The rows of removed photos kept on this device (removed-rows.ts): found again by content,
// only for their model and within their time, never more than MOST_KEPT, and a file that is
// not one reads as none.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_MS, MOST_KEPT, RemovedRows, leftTheLibrary, rowsToKeep, type KeptRow } from '../../../src/core/library/removed-rows';
import { tempDir } from '../../helpers/images';
import { fakeStore, photoRecord } from '../../helpers/fakes/fake-store';

const MODEL = 'tiny';

function row(hash: string, extra: Partial<KeptRow> = {}): KeptRow {
  return {
    path: `/photos/${hash}.jpg`, folder: '/photos', size: 10, mtimeMs: 1, hash, width: 4, height: 3,
    takenAt: 5, takenOffset: 60, cameraMake: null, cameraModel: null, gpsLat: 1.5, gpsLon: 2.5, orientation: null,
    modelId: MODEL, vector: new Float32Array([0.6, 0.8, 0]), thumbKey: `t/${hash}`, indexedAt: 7, ...extra,
  };
}

describe('rows of removed photos', () => {
  it('are found again by content, with their vector exact, from a new reader of the file', async () => {
    const file = path.join(tempDir(), 'removed', 'm.rows');
    await new RemovedRows(file, MODEL).update([row('a'), row('b')], []);
    const again = new RemovedRows(file, MODEL);
    const a = await again.row('a');
    expect(a).toMatchObject({ hash: 'a', takenAt: 5, takenOffset: 60, gpsLat: 1.5, thumbKey: 't/a' });
    expect([...a!.vector]).toEqual([...new Float32Array([0.6, 0.8, 0])]);
    expect(await again.row('c')).toBeUndefined();
    // Taken back: forgotten.
    await again.update([], ['a']);
    expect(await new RemovedRows(file, MODEL).row('a')).toBeUndefined();
    expect(await new RemovedRows(file, MODEL).row('b')).toBeDefined();
  });

  it('keep only their model\'s rows, no videos, within KEPT_MS and MOST_KEPT', async () => {
    const file = path.join(tempDir(), 'm.rows');
    const kept = new RemovedRows(file, MODEL);
    const t0 = 1_000_000;
    await kept.update([row('other', { modelId: 'another' }), row('video', { durationMs: 3000 }), row('old')], [], t0);
    expect(await kept.row('other', t0)).toBeUndefined();
    expect(await kept.row('video', t0)).toBeUndefined();
    expect(await kept.row('old', t0 + KEPT_MS)).toBeDefined();
    expect(await kept.row('old', t0 + KEPT_MS + 1)).toBeUndefined();
    // A later removal drops what is past its time, and the oldest beyond MOST_KEPT.
    const many = Array.from({ length: MOST_KEPT + 1 }, (_, i) => row(`h${i}`));
    await kept.update(many, [], t0 + KEPT_MS + 1);
    const reread = new RemovedRows(file, MODEL);
    expect(await reread.row('old', t0)).toBeUndefined();
    expect(await reread.row('h0', t0 + KEPT_MS + 1)).toBeUndefined();
    expect(await reread.row(`h${MOST_KEPT}`, t0 + KEPT_MS + 1)).toBeDefined();
  }, 30_000);

  it('a damaged file, or another model\'s, reads as none', async () => {
    const file = path.join(tempDir(), 'm.rows');
    await new RemovedRows(file, MODEL).update([row('a')], []);
    expect(await new RemovedRows(file, 'another').row('a')).toBeUndefined();
    fs.truncateSync(file, fs.statSync(file).size - 4);
    expect(await new RemovedRows(file, MODEL).row('a')).toBeUndefined();
    fs.writeFileSync(file, 'garbage');
    expect(await new RemovedRows(file, MODEL).row('a')).toBeUndefined();
  });
});

describe('which removed rows are kept', () => {
  const states = new Map([
    ['/p/moved.jpg', { hash: 'm' }],
    ['/p/copy-a.jpg', { hash: 'c' }],
    ['/q/copy-b.jpg', { hash: 'c' }],
    ['/p/gone.jpg', { hash: 'g' }],
    ['/p/edited.jpg', { hash: 'e' }],
    ['/p/old-name.jpg', { hash: 'e' }],
  ]);

  it('only content that left the library: not one placed again this run, nor one another row holds', () => {
    // moved.jpg's content was committed at its new path this run; copy-b.jpg still holds c;
    // edited.jpg's row was replaced by new content, so old-name.jpg's e holds nowhere now.
    const leaving = ['/p/moved.jpg', '/p/copy-a.jpg', '/p/gone.jpg', '/p/old-name.jpg'];
    expect(leftTheLibrary(leaving, states, new Set(['/p/edited.jpg']), new Set(['m']))).toEqual(['/p/gone.jpg', '/p/old-name.jpg']);
    // Both copies going: the content left.
    expect(leftTheLibrary(['/p/copy-a.jpg', '/q/copy-b.jpg'], states, new Set(), new Set())).toEqual(['/p/copy-a.jpg', '/q/copy-b.jpg']);
  });

  it('a kept row gets its file\'s own date and offset back, not those set by hand', async () => {
    const store = fakeStore(MODEL);
    await store.upsertPhotos([photoRecord('/p/a.jpg', [1, 0, 0], { hash: 'a', takenAt: 1_000, takenOffset: 120, modelId: MODEL })]);
    await store.setTakenAt([{ hash: 'a', takenAt: 5_000, takenOffset: -300, fileTakenAt: 1_000, fileTakenOffset: 120 }]);
    expect((await store.photosByPath(['/p/a.jpg'])).get('/p/a.jpg')).toMatchObject({ takenAt: 5_000, takenOffset: -300 });
    const [kept] = await rowsToKeep(store, ['/p/a.jpg'], MODEL);
    expect(kept).toMatchObject({ hash: 'a', takenAt: 1_000, takenOffset: 120 });
  });
});
