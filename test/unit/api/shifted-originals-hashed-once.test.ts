// A photo whose mtime moved (a FAT card read after a DST change moves every photo's) is served
// once its bytes hash to the indexed content hash; the hash is taken once per file and process,
// not on every request (a grid page of thumbnails rebuilt would hash 50 whole originals at
// once, each visit). A file that changes again after that is checked again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readLibraryImage } from '../../../src/core/api/image-files';
import { photoId } from '../../../src/core/api/photo-id';
import type { LibraryStore, PhotoSummary } from '../../../src/core/store/types';
import { COLOURS, tempDir, writeColourPhoto } from '../../helpers/images';

const hashes = vi.hoisted(() => ({ count: 0 }));
// Every hashing function of the indexer's helper, counted.
vi.mock('../../../src/core/library/hash-thread', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const counted = (f: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    hashes.count++;
    return f(...args);
  };
  return Object.fromEntries(Object.entries(real).map(([name, value]) => [name, typeof value === 'function' ? counted(value as (...args: unknown[]) => unknown) : value]));
});

function indexedRow(file: string): PhotoSummary {
  const st = fs.statSync(file);
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  return { path: file, folder: path.dirname(file), size: st.size, mtimeMs: Math.floor(st.mtimeMs), hash, thumbKey: '' } as PhotoSummary;
}

function storeOf(row: PhotoSummary): LibraryStore {
  return {
    photosByPath: async (paths: readonly string[]) => new Map(paths.filter((p) => p === row.path).map((p) => [p, row])),
    rotations: async () => new Map(),
  } as unknown as LibraryStore;
}

const noThumbs = { read: async () => null };
const HOUR_S = 3600;

/** Moves the file's mtime by `seconds` from when it was indexed, as a zone or DST change does. */
function shift(file: string, row: PhotoSummary, seconds: number): void {
  const when = row.mtimeMs / 1000 + seconds;
  fs.utimesSync(file, when, when);
}

describe('a served original whose mtime moved', () => {
  it('is hashed once, however often it is served', async () => {
    const photo = await writeColourPhoto(tempDir('shoebox-shifted-'), 'a.jpg', COLOURS.red!);
    const row = indexedRow(photo);
    shift(photo, row, HOUR_S);
    hashes.count = 0;
    for (const kind of ['image', 'image', 'thumb'] as const) {
      expect(await readLibraryImage(storeOf(row), noThumbs, photoId(photo), kind)).toMatchObject({ contentType: 'image/jpeg' });
    }
    expect(hashes.count).toBe(1);
  });

  it('is checked again once it changes after that: another mtime, or other bytes', async () => {
    const photo = await writeColourPhoto(tempDir('shoebox-shifted-'), 'b.jpg', COLOURS.blue!);
    const row = indexedRow(photo);
    shift(photo, row, HOUR_S);
    hashes.count = 0;
    expect(await readLibraryImage(storeOf(row), noThumbs, photoId(photo), 'image')).not.toBeNull();
    shift(photo, row, 2 * HOUR_S);
    expect(await readLibraryImage(storeOf(row), noThumbs, photoId(photo), 'image')).not.toBeNull();
    expect(hashes.count).toBe(2);

    // Same size, one byte of the picture changed, mtime moved once more: not the photo indexed.
    const bytes = fs.readFileSync(photo);
    const at = bytes.length - 10;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    fs.writeFileSync(photo, bytes);
    shift(photo, row, 3 * HOUR_S);
    expect(await readLibraryImage(storeOf(row), noThumbs, photoId(photo), 'image')).toBeNull();
    expect(hashes.count).toBe(3);
  });
});
