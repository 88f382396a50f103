import { describe, expect, it } from 'vitest';
import { connect } from '@lancedb/lancedb';
import { openLibraryStore } from '../../../src/core/store';
import { photosTableName } from '../../../src/core/store/model-key';
import type { PhotoRecord } from '../../../src/core/store/types';
import { MODEL, openStore, photo, snapshot, tempLibraryDir, unit } from './store-helpers';
import { writeV1Library, type V1Failure, type V1Photo } from './v1-library';

const v1Photos: V1Photo[] = Array.from({ length: 7 }, (_, i) => ({
  path: i === 3 ? "/photos/it's \\ odd\n😀.jpg" : `/photos/${i}.jpg`,
  folder: '/photos',
  size: 1000 + i,
  mtime: 1_600_000_000 + i + 0.25,
  hash: `h${i % 3}`,
  width: 100 + i,
  height: 200 + i,
  takenAt: i % 2 ? 1_500_000_000_000 + i : null,
  cameraMake: i % 2 ? 'Nikon' : null,
  cameraModel: i % 2 ? 'D90' : null,
  gpsLat: i === 1 ? -33.9 : null,
  gpsLon: i === 1 ? 151.2 : null,
  modelId: MODEL.id,
  vector: unit(1, i, 0, 1),
  indexedAt: 1_650_000_000_000 + i,
}));
const v1Failures: V1Failure[] = [{ path: '/photos/bad.jpg', folder: '/photos', size: 5, mtime: 1_600_000_001.5, reason: 'truncated', failedAt: 1_650_000_000_000 }];

/** What each v1 row must read as at v2. */
function asV2(p: V1Photo): PhotoRecord {
  const { mtime, ...rest } = p;
  return { ...rest, mtimeMs: mtime * 1000, orientation: null, thumbKey: '' } as PhotoRecord;
}

async function v1Library(): Promise<string> {
  const dir = tempLibraryDir();
  await writeV1Library(dir, { model: MODEL, photos: v1Photos, failures: v1Failures, folders: ['/photos'] });
  return dir;
}

const sortByPath = <T extends { path: string }>(rows: T[]) => [...rows].sort((a, b) => a.path.localeCompare(b.path));

describe('schema migrations', () => {
  it('migrates a v1 library to the current schema with every row intact', async () => {
    const dir = await v1Library();
    const store = await openStore(dir);
    expect(store.schemaVersion).toBe(4);

    for (const p of v1Photos) expect(await store.getPhoto(p.path)).toEqual(asV2(p));
    expect(await store.countPhotos()).toBe(v1Photos.length);
    expect(sortByPath(await store.listPhotos())).toEqual(sortByPath(v1Photos.map(asV2)).map(({ vector: _vector, ...s }) => s));
    expect((await store.photoStates()).get('/photos/0.jpg')).toEqual({ size: 1000, mtimeMs: 1_600_000_000_250, hash: 'h0', modelId: MODEL.id, thumbKey: '' });
    expect(await store.listFailures()).toEqual([{ path: '/photos/bad.jpg', folder: '/photos', size: 5, mtimeMs: 1_600_000_001_500, reason: 'truncated', failedAt: 1_650_000_000_000 }]);
    expect(await store.listFolders()).toEqual([{ path: '/photos', addedAt: 1_600_000_000_000 }]);
    expect((await store.searchVectors({ vector: unit(1, 0, 0, 1), limit: 1 }))[0]?.path).toBe('/photos/0.jpg');

    // The migrated table takes v2 rows, new and replacing.
    const fresh = photo('/photos/new.jpg', { orientation: 8, thumbKey: 'cd/new.webp' });
    await store.upsertPhotos([fresh, { ...asV2(v1Photos[0]!), thumbKey: 'ef/zero.webp', orientation: 1 }]);
    expect(await store.getPhoto('/photos/new.jpg')).toEqual(fresh);
    expect((await store.getPhoto('/photos/0.jpg'))?.thumbKey).toBe('ef/zero.webp');
    // v3: the camera clock's offset is kept beside takenAt.
    const offset = photo('/photos/offset.jpg', { takenAt: Date.UTC(2021, 5, 15, 15, 56), takenOffset: 120 });
    await store.upsertPhotos([offset]);
    expect(await store.getPhoto('/photos/offset.jpg')).toEqual(offset);
    await store.removePhotos(['/photos/offset.jpg']);
    // v4: a video's row carries its duration.
    const video = photo('/photos/clip.mp4', { durationMs: 8000 });
    await store.upsertPhotos([video]);
    expect(await store.getPhoto('/photos/clip.mp4')).toEqual(video);
    await store.removePhotos(['/photos/clip.mp4']);
    expect(await store.countPhotos()).toBe(v1Photos.length + 1);
    await store.close();

    // The layout on disk is v2's now: no `mtime` left.
    const db = await connect(dir);
    const columns = (await (await db.openTable(photosTableName(MODEL.id))).schema()).fields.map((f) => f.name);
    expect(columns).toContain('mtimeMs');
    expect(columns).not.toContain('mtime');
    expect(columns).toContain('takenOffset');
    expect(columns).toContain('durationMs');
    db.close();
    const again = await openStore(dir);
    expect(again.schemaVersion).toBe(4);
    expect(await again.countPhotos()).toBe(v1Photos.length + 1);
  });

  it('finishes a migration that was interrupted between two commits', async () => {
    const dir = await v1Library();
    // As if the writer died after adding mtimeMs to photos but before dropping mtime.
    const db = await connect(dir);
    await (await db.openTable(photosTableName(MODEL.id))).addColumns([{ name: 'mtimeMs', valueSql: 'CAST(`mtime` AS DOUBLE) * 1000.0' }]);
    db.close();
    const store = await openStore(dir);
    expect(store.schemaVersion).toBe(4);
    for (const p of v1Photos) expect(await store.getPhoto(p.path)).toEqual(asV2(p));
  });

  it('reads a v1 library read-only as it is, without migrating or writing', async () => {
    const dir = await v1Library();
    const before = snapshot(dir);
    const reader = await openStore(dir, { readOnly: true });
    expect(reader.schemaVersion).toBe(1);
    for (const p of v1Photos) expect(await reader.getPhoto(p.path)).toEqual(asV2(p));
    expect(sortByPath(await reader.listPhotos())).toHaveLength(v1Photos.length);
    expect((await reader.photoStates()).get('/photos/1.jpg')?.mtimeMs).toBe(1_600_000_001_250);
    expect((await reader.listFailures())[0]?.mtimeMs).toBe(1_600_000_001_500);
    await reader.close();
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a library newer than this code, in one line, for readers and writers', async () => {
    const dir = tempLibraryDir();
    await writeV1Library(dir, { model: MODEL, photos: [], failures: [], folders: [], schemaVersion: 5 });
    const before = snapshot(dir);
    for (const readOnly of [false, true]) {
      const opening = openLibraryStore(dir, { model: MODEL, readOnly });
      await expect(opening).rejects.toThrow(/^This library uses schema v5, written by a newer Shoebox; this version reads up to v4\. Update Shoebox to open it\.$/);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a directory with tables but no schema version', async () => {
    const dir = tempLibraryDir();
    const db = await connect(dir);
    await db.createTable('stranger', [{ a: 1 }]);
    db.close();
    await expect(openLibraryStore(dir, { model: MODEL })).rejects.toThrow(/Not a Shoebox library/);
  });
});
