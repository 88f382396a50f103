// Smart albums' membership on the in-memory store (test/helpers/fakes): the query's cut-off,
// pins and exclusions (and their following a photo that moved), date bounds and the tag
// filter. The text encoder is a stand-in whose vectors the test chooses; real CLIP runs in
// test/integration/albums.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { AlbumService } from '../../../src/core/albums/album-service';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const WORDS = { red: [1, 0, 0], blue: [0, 1, 0] };
const DIR = '/fake-photos';
const DAY = 86_400_000;
const JAN_1 = Date.UTC(2021, 0, 1);
const photos = {
  red: photoRecord(`${DIR}/red.jpg`, [1, 0.1, 0], { takenAt: JAN_1 + 10 * DAY }), // cos ~0.995 to "red"
  pink: photoRecord(`${DIR}/pink.jpg`, [0.8, 0.6, 0], { takenAt: JAN_1 + 40 * DAY }), // 0.8
  purple: photoRecord(`${DIR}/purple.jpg`, [0.6, 0.8, 0], { takenAt: null }), // 0.6, no date
  blue: photoRecord(`${DIR}/blue.jpg`, [0, 1, 0], { takenAt: JAN_1 + 5 * DAY }), // 0
};

let lib: FakeLibrary;
let albums: AlbumService;

const memberPaths = async (name: string) => (await albums.members(name)).map((m) => m.path);

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 3));
  albums = new AlbumService(lib);
  await lib.store.upsertPhotos(Object.values(photos));
});

describe('members', () => {
  it("are the photos at or above the album's threshold, best first", async () => {
    await albums.create('reds', 'red', { threshold: 0.7 });
    expect(await memberPaths('reds')).toEqual([photos.red.path, photos.pink.path]);
    const [best] = await albums.members('reds');
    expect(best!.score).toBeCloseTo(0.995, 3);
    await albums.save({ name: 'reds', query: 'red', threshold: 0.5 }, 'reds');
    expect(await memberPaths('reds')).toEqual([photos.red.path, photos.pink.path, photos.purple.path]);
  });

  it('follow the library: a photo indexed or removed after the album was made is counted as it is now', async () => {
    await albums.create('reds', 'red', { threshold: 0.7 });
    expect((await albums.summary('reds')).members).toBe(2);
    const crimson = photoRecord(`${DIR}/crimson.jpg`, [1, 0, 0]);
    await lib.store.upsertPhotos([crimson]);
    await lib.store.removePhotos([photos.pink.path]);
    expect(await memberPaths('reds')).toEqual([crimson.path, photos.red.path]);
  });
});

describe('pins and exclusions', () => {
  it('a pinned photo is a member whatever its score, an excluded one never, and unpin undoes either', async () => {
    await albums.create('reds', 'red', { threshold: 0.7 });
    await albums.pin('reds', photos.blue.path);
    await albums.exclude('reds', photos.pink.path);
    const members = await albums.members('reds');
    expect(members.map((m) => [m.path, m.pinned])).toEqual([
      [photos.red.path, false],
      [photos.blue.path, true], // its own score (0), after the matches
    ]);
    expect((await albums.summary('reds')).current).toEqual({ pinned: [photos.blue.path], excluded: [photos.pink.path] });
    // Excluding a pinned photo un-pins it; pinning an excluded one un-excludes it.
    await albums.exclude('reds', photos.blue.path);
    await albums.pin('reds', photos.pink.path);
    expect(await memberPaths('reds')).toEqual([photos.red.path, photos.pink.path]);
    await albums.unpin('reds', photos.blue.path);
    await albums.unpin('reds', photos.pink.path);
    expect((await albums.get('reds')).pinned).toEqual([]);
    expect((await albums.get('reds')).excluded).toEqual([]);
  });

  it('follow a photo that moved (by content), and a pinned photo whose content left the library leaves the album', async () => {
    await albums.create('reds', 'red', { threshold: 0.7 });
    await albums.pin('reds', photos.blue.path);
    await albums.exclude('reds', photos.red.path);
    // Indexed at their new paths when the move is found (after the album was made), as the indexer does.
    const moved = { ...photos.blue, path: `${DIR}/sorted/blue.jpg`, indexedAt: Date.now() + 1 };
    const renamed = { ...photos.red, path: `${DIR}/sorted/red.jpg`, indexedAt: Date.now() + 1 };
    await lib.store.removePhotos([photos.blue.path, photos.red.path]);
    await lib.store.upsertPhotos([moved, renamed]);
    expect((await albums.members('reds')).map((m) => [m.path, m.pinned])).toEqual([
      [photos.pink.path, false],
      [moved.path, true],
    ]);
    await lib.store.removePhotos([moved.path]);
    expect(await memberPaths('reds')).toEqual([photos.pink.path]);
  });

  it('refuses to pin a photo that is not in the library', async () => {
    await albums.create('reds', 'red', { threshold: 0.7 });
    await expect(albums.pin('reds', `${DIR}/elsewhere.jpg`)).rejects.toThrow(/^not in the library: /);
  });
});

describe('filters', () => {
  it('date bounds: after is inclusive, before exclusive, a photo without a date by its file time', async () => {
    await albums.create('january', 'red', { threshold: 0.5, filters: { after: '2021-01-01', before: '2021-02-01' } });
    expect(await memberPaths('january')).toEqual([photos.red.path]); // pink is February, purple's file September 2020
    await albums.create('from-day-11', 'red', { threshold: 0.5, filters: { after: '2021-01-11' } }); // red's day
    expect(await memberPaths('from-day-11')).toEqual([photos.red.path, photos.pink.path]);
    await albums.create('before-day-11', 'red', { threshold: 0.5, filters: { before: '2021-01-11' } });
    expect(await memberPaths('before-day-11')).toEqual([photos.purple.path]);
    await expect(albums.create('empty', 'red', { filters: { after: '2021-01-01', before: '2021-01-01' } })).rejects.toThrow(/date range is empty/);
  });

  it('a tag filter keeps the photos carrying the label, named in any case, as search reads it', async () => {
    await lib.store.putLabelSet({ name: 'colours', json: JSON.stringify({ name: 'colours', labels: ['Red', 'Blue'] }), updatedAt: 0 });
    const tag = (p: { hash: string }, state: 'auto' | 'accepted' | 'rejected') => ({ hash: p.hash, set: 'colours', label: 'Red', score: 0.9, state, modelId: lib.modelId, updatedAt: 1 });
    await lib.store.replaceAutoTags('colours', 'all', [tag(photos.red, 'auto'), tag(photos.pink, 'auto')]);
    await lib.store.putTags([tag(photos.pink, 'rejected'), tag(photos.purple, 'accepted')]);
    await albums.create('tagged', 'red', { threshold: 0.5, filters: { tag: 'red' } });
    expect(await memberPaths('tagged')).toEqual([photos.red.path, photos.purple.path]);
    // The app's words (as the filter bar's, shared/app-wording.ts); the command line's kept for the CLI.
    await expect(albums.create('unknown', 'red', { filters: { tag: 'mauve' } })).rejects.toMatchObject({
      message: 'No label set has the tag “mauve” (any more): choose another tag.',
      cliText: expect.stringMatching(/no label set has the label "mauve"/),
    });
  });

  it('a folder filter keeps the photos under it', async () => {
    const elsewhere = photoRecord('/other/red.jpg', [1, 0, 0], { folder: '/other' });
    await lib.store.upsertPhotos([elsewhere]);
    await albums.create('here', 'red', { threshold: 0.7, filters: { folder: DIR } });
    expect(await memberPaths('here')).toEqual([photos.red.path, photos.pink.path]);
  });
});
