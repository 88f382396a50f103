// Search results by date and the closest photos when nothing passes the cut-off (#15 item 2):
// real LanceDB, the tiny colour model (the text "red" is near red photos), JPEGs with EXIF dates.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { search } from '../../src/core/search/search-service';
import type { SearchRequestOptions, SearchResult } from '../../src/shared/search';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

let lib: LibraryService;

beforeAll(async () => {
  const photos = tempDir('shoebox-sort-photos-');
  await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00', make: 'Canon', model: 'Canon EOS R5' });
  await writeExifColourPhoto(photos, 'red2.jpg', [200, 30, 40], { taken: '2022:03:01 08:00:00', make: 'NIKON CORPORATION', model: 'NIKON Z 6' });
  await writeExifColourPhoto(photos, 'red3.jpg', [230, 25, 30], { taken: '2019:01:01 08:00:00', make: 'Canon', model: 'EOS 80D' });
  await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30], { taken: '2020:01:01 12:00:00', make: 'Apple', model: 'iPhone 12' });
  // No EXIF date: ordered by its file time (today), so newest of all.
  await writeExifColourPhoto(photos, 'blue.jpg', [25, 30, 210]);
  await writeExifColourPhoto(photos, 'yellow.jpg', [230, 220, 20], { taken: '2023:05:05 18:30:00', make: 'Canon', model: 'EOS 80D' });
  lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
  expect((await lib.index([photos])).added).toBe(6);
});

afterAll(async () => {
  await lib?.close();
});

const names = (result: SearchResult) => result.hits.map((h) => path.basename(h.path));
const find = (query: string, options: SearchRequestOptions = {}) => search(lib, query, options);

describe('sort by date', () => {
  it('orders the set the cut-off chose newest taken first, the set unchanged', async () => {
    const byScore = await find('red');
    const byDate = await find('red', { sort: 'date' });
    expect(names(byScore).sort()).toEqual(['red.jpg', 'red2.jpg', 'red3.jpg']);
    expect(names(byDate)).toEqual(['red2.jpg', 'red.jpg', 'red3.jpg']);
    expect(byDate.minScore).toBe(byScore.minScore);
    // Each hit keeps its own score.
    for (const hit of byDate.hits) expect(hit.score).toBe(byScore.hits.find((h) => h.path === hit.path)!.score);
  });

  it('a photo without a date is placed by its file time; pages add up to the whole order', async () => {
    const whole = names(await find('red', { all: true, sort: 'date', limit: 100 }));
    expect(whole).toEqual(['blue.jpg', 'yellow.jpg', 'red2.jpg', 'red.jpg', 'green.jpg', 'red3.jpg']);
    const pages: string[] = [];
    for (let offset = 0; offset < 8; offset += 4) pages.push(...names(await find('red', { all: true, sort: 'date', limit: 4, offset })));
    expect(pages).toEqual(whole);
  });

  it('filters narrow the set before it is ordered', async () => {
    expect(names(await find('red', { sort: 'date', filters: { camera: 'canon' } }))).toEqual(['red.jpg', 'red3.jpg']);
  });
});

describe('closest photos when nothing passes the cut-off', () => {
  it('are offered only when asked, marked closest, all below the cut-off', async () => {
    // Among Apple photos only green.jpg: not red, so the cut-off leaves nothing.
    const plain = await find('red', { filters: { camera: 'apple' } });
    expect(plain.hits).toEqual([]);
    expect(plain.closest).toBeUndefined();
    const closest = await find('red', { filters: { camera: 'apple' }, closest: true });
    expect(names(closest)).toEqual(['green.jpg']);
    expect(closest.closest).toBe(true);
    expect(closest.minScore).not.toBeNull();
    for (const hit of closest.hits) expect(hit.score).toBeLessThan(closest.minScore!);
  });

  it('are nearest first, or newest first with the date sort', async () => {
    const filters = { camera: 'canon' };
    // No Canon photo is green.
    const byScore = await find('green', { filters, closest: true });
    expect(byScore.closest).toBe(true);
    const scores = byScore.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const byDate = await find('green', { filters, closest: true, sort: 'date' });
    expect(byDate.closest).toBe(true);
    expect(names(byDate).sort()).toEqual(names(byScore).sort());
    expect(names(byDate)).toEqual(['yellow.jpg', 'red.jpg', 'red3.jpg']);
  });

  it('are not offered past the end of a non-empty set, nor when the filters admit no photo', async () => {
    const past = await find('red', { closest: true, offset: 3 });
    expect(past.hits).toEqual([]);
    expect(past.closest).toBeUndefined();
    const none = await find('red', { closest: true, filters: { camera: 'leica' } });
    expect(none.hits).toEqual([]);
    expect(none.closest).toBeUndefined();
  });
});
