// An exclusion is of its own file: it follows that file through a move or rename (same mtime),
// never onto the identical copy that was beside it, even when that copy (the original) was
// renamed before the excluded one was trashed; excluding both copies in one edit excludes both;
// a record is kept only where a copy was beside; a pin reads no exclusion. In-memory store.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AlbumService } from '../../../src/core/albums/album-service';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const WORDS = { red: [1, 0, 0], blue: [0, 1, 0] };
const DIR = '/fake-photos';
const red = photoRecord(`${DIR}/red.jpg`, [1, 0.1, 0], { hash: 'red-content', mtimeMs: 1_600_000_000_000 });
// A copy made later (cp, a second download): identical bytes, its own modification time.
const copy = { ...red, path: `${DIR}/red-copy.jpg`, mtimeMs: 1_700_000_000_000 };
const blue = photoRecord(`${DIR}/blue.jpg`, [0, 1, 0], { hash: 'blue-content' });

let lib: FakeLibrary;
let albums: AlbumService;
const memberPaths = async (name: string) => (await albums.members(name)).map((m) => m.path);
const stored = async (name: string) => JSON.parse((await lib.store.getAlbum(name))!.json) as Record<string, unknown>;
/** A move or rename as the indexer records it: the row at its new path, the file's mtime kept, indexed now. */
const move = async (row: typeof red, to: string) => {
  await lib.store.removePhotos([row.path]);
  const moved = { ...row, path: to, indexedAt: Date.now() + 1 };
  await lib.store.upsertPhotos([moved]);
  return moved;
};

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 3));
  albums = new AlbumService(lib);
  await lib.store.upsertPhotos([red, copy, blue]);
  await albums.create('reds', 'red', { threshold: 0.7 });
});

describe('an exclusion of one of two copies', () => {
  it('never moves onto the original renamed since: trashing the excluded copy leaves the original shown', async () => {
    await albums.exclude('reds', copy.path);
    const renamed = await move(red, `${DIR}/sorted/red.jpg`);
    expect(await memberPaths('reds')).toEqual([renamed.path]);
    await lib.store.removePhotos([copy.path]);
    expect(await memberPaths('reds')).toEqual([renamed.path]);
    expect((await albums.summary('reds')).current.excluded).toEqual([]);
  });

  it('follows the excluded copy when it is moved, and only it, the original renamed too', async () => {
    await albums.exclude('reds', copy.path);
    const moved = await move(copy, `${DIR}/sorted/red-copy.jpg`);
    expect(await memberPaths('reds')).toEqual([red.path]);
    expect((await albums.summary('reds')).current.excluded).toEqual([moved.path]);
    const renamed = await move(red, `${DIR}/sorted/red.jpg`);
    expect(await memberPaths('reds')).toEqual([renamed.path]);
    expect((await albums.summary('reds')).current.excluded).toEqual([moved.path]);
  });
});

describe('an exclusion of a copy that kept the original’s mtime (Finder Duplicate, cp -p, rsync -a)', () => {
  // Identical bytes and the same mtime: the mtime cannot tell the excluded copy from the original.
  const dup = { ...red, path: `${DIR}/red-dup.jpg` };
  beforeEach(async () => {
    await lib.store.removePhotos([copy.path]);
    await lib.store.upsertPhotos([dup]);
  });

  it('never moves onto the original renamed since: trashing the excluded copy leaves the original shown', async () => {
    await albums.exclude('reds', dup.path);
    expect((await stored('reds')).copiesBeside).toEqual({ [dup.path]: { mtimeMs: red.mtimeMs, paths: [red.path], copyMtimes: [red.mtimeMs] } });
    const renamed = await move(red, `${DIR}/red2.jpg`);
    expect(await memberPaths('reds')).toEqual([renamed.path]);
    await lib.store.removePhotos([dup.path]);
    expect(await memberPaths('reds')).toEqual([renamed.path]);
    expect((await albums.summary('reds')).current.excluded).toEqual([]);
  });

  it('a record stored before the copies’ mtimes reads as it did (follows by the mtime)', async () => {
    await albums.exclude('reds', dup.path);
    const saved = await lib.store.getAlbum('reds');
    const json = JSON.parse(saved!.json) as { copiesBeside: Record<string, { copyMtimes?: number[] }> };
    delete json.copiesBeside[dup.path]!.copyMtimes;
    await lib.store.putAlbum({ ...saved!, json: JSON.stringify(json) });
    const moved = await move(dup, `${DIR}/sorted/red-dup.jpg`);
    expect(await memberPaths('reds')).toEqual([red.path]);
    expect((await albums.summary('reds')).current.excluded).toEqual([moved.path]);
  });
});

describe('excluding both copies in one edit (a selection holding both)', () => {
  it('excludes both, and they stay out when either is trashed', async () => {
    const change = await albums.setMembership('reds', [copy.path, red.path], 'excluded');
    expect(change.album.excluded.sort()).toEqual([red.path, copy.path].sort());
    expect(await memberPaths('reds')).toEqual([]);
    await lib.store.removePhotos([copy.path]);
    expect(await memberPaths('reds')).toEqual([]);
  });
});

describe('what an exclusion stores', () => {
  it('a record only where a copy was beside: the file’s mtime and the copies’ paths', async () => {
    await albums.exclude('reds', blue.path);
    expect(await stored('reds')).not.toHaveProperty('copiesBeside');
    await albums.exclude('reds', copy.path);
    expect((await stored('reds')).copiesBeside).toEqual({ [copy.path]: { mtimeMs: copy.mtimeMs, paths: [red.path], copyMtimes: [red.mtimeMs] } });
    await albums.unpin('reds', copy.path);
    expect(await stored('reds')).not.toHaveProperty('copiesBeside');
  });

  it('a pin or an unpinning resolves no exclusion (no look-up of every entry per edit)', async () => {
    await albums.exclude('reds', copy.path);
    const lookups = vi.spyOn(lib.store, 'libraryPathsByHash');
    await albums.pin('reds', blue.path);
    await albums.unpin('reds', blue.path);
    expect(lookups).not.toHaveBeenCalled();
  });
});

describe('a new album with photos', () => {
  it('opens only the store it writes to (the CLI opens a read-only store per readable(): a second open on S3)', async () => {
    const readable = vi.spyOn(lib, 'readable');
    const made = await albums.createPinned('picks', '', [red.path, blue.path]);
    expect(made.album.pinned).toEqual([red.path, blue.path]);
    expect(readable).not.toHaveBeenCalled();
  });
});
