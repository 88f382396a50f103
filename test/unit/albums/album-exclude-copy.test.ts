// An exclusion (or a pin) of one of two identical copies, then that copy removed (trashed as a
// duplicate, deleted): the exclusion follows its photo through a move, never onto the copy that
// was already in the library beside it (and shown). In-memory store (test/helpers/fakes).
import { beforeEach, describe, expect, it } from 'vitest';
import { AlbumService } from '../../../src/core/albums/album-service';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const WORDS = { red: [1, 0, 0], blue: [0, 1, 0] };
const DIR = '/fake-photos';
const red = photoRecord(`${DIR}/red.jpg`, [1, 0.1, 0], { hash: 'red-content' });
// A copy with its own mtime (cp, a second download): one that kept the original's (cp -p) is
// album-exclude-copy-identity.test.ts's.
const copy = { ...red, path: `${DIR}/red-copy.jpg`, mtimeMs: red.mtimeMs + 60_000 };
const blue = photoRecord(`${DIR}/blue.jpg`, [0, 1, 0], { hash: 'blue-content' });
const blueCopy = { ...blue, path: `${DIR}/blue-copy.jpg` };

let lib: FakeLibrary;
let albums: AlbumService;
const memberPaths = async (name: string) => (await albums.members(name)).map((m) => m.path);

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 3));
  albums = new AlbumService(lib);
  await lib.store.upsertPhotos([red, copy, blue, blueCopy]);
  await albums.create('reds', 'red', { threshold: 0.7 });
});

describe('an exclusion of one copy', () => {
  it('stays with that copy: removing it leaves the original in the album', async () => {
    await albums.exclude('reds', copy.path);
    expect(await memberPaths('reds')).toEqual([red.path]);
    await lib.store.removePhotos([copy.path]);
    expect(await memberPaths('reds')).toEqual([red.path]);
    expect((await albums.summary('reds')).current.excluded).toEqual([]);
  });

  it('still follows the photo when it is moved (a path new to the library)', async () => {
    await albums.exclude('reds', copy.path);
    const moved = { ...copy, path: `${DIR}/sorted/red-copy.jpg` };
    await lib.store.removePhotos([copy.path]);
    await lib.store.upsertPhotos([moved]);
    expect(await memberPaths('reds')).toEqual([red.path]);
    expect((await albums.summary('reds')).current.excluded).toEqual([moved.path]);
  });

  it('an album saved before the record: a copy indexed before the album was made keeps showing', async () => {
    await albums.exclude('reds', copy.path);
    const stored = JSON.parse((await lib.store.getAlbum('reds'))!.json) as Record<string, unknown>;
    delete stored.copiesBeside;
    await lib.store.putAlbum({ name: 'reds', json: JSON.stringify(stored), updatedAt: 1 });
    await lib.store.removePhotos([copy.path]);
    expect(await memberPaths('reds')).toEqual([red.path]);
    // A path indexed after the album was made is where the photo went: the exclusion follows.
    const moved = { ...copy, path: `${DIR}/sorted/red-copy.jpg`, indexedAt: Date.now() + 1 };
    await lib.store.upsertPhotos([moved]);
    expect((await albums.summary('reds')).current.excluded).toEqual([moved.path]);
    expect(await memberPaths('reds')).toEqual([red.path]);
  });
});

describe('excluding both copies', () => {
  it('one after the other, or the original after its excluded copy was deleted, excludes each', async () => {
    await albums.exclude('reds', copy.path);
    await albums.exclude('reds', red.path);
    expect(await memberPaths('reds')).toEqual([]);
    await albums.unpin('reds', red.path); // frees the content: both copies back
    await albums.exclude('reds', copy.path);
    await lib.store.removePhotos([copy.path]);
    await albums.exclude('reds', red.path);
    expect(await memberPaths('reds')).toEqual([]);
  });

  it('the summary counts the matches excluded by hand (an empty album says so, not "no photo matches")', async () => {
    expect((await albums.summary('reds')).excludedMatches).toBe(0);
    await albums.exclude('reds', copy.path);
    await albums.exclude('reds', red.path);
    await albums.exclude('reds', blue.path); // no match of "red": not counted
    expect(await albums.summary('reds')).toMatchObject({ members: 0, excludedMatches: 2 });
  });
});

describe('a pin of one copy', () => {
  it('keeps the picture in the album when that copy goes and another stays', async () => {
    await albums.pin('reds', blueCopy.path);
    expect(await memberPaths('reds')).toEqual([copy.path, red.path, blueCopy.path]); // ties by path
    await lib.store.removePhotos([blueCopy.path]);
    expect(await memberPaths('reds')).toEqual([copy.path, red.path, blue.path]);
  });
});
