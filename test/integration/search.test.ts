// The search engine end to end in-process: real LanceDB, real ONNX Runtime on the tiny colour
// model (the text "red" is near red photos), JPEGs with EXIF for the filters.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { calibrationFile, compileQuery, prepareSearch, search, similar, type SearchDeps } from '../../src/core/search/search-service';
import { QueryError } from '../../src/core/search/query-error';
import { ImageDecodeError } from '../../src/core/clip/preprocess';
import { photosWithTag } from '../../src/core/search/tag-filter';
import type { SearchRequestOptions, SearchResult } from '../../src/shared/search';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';
import { MAX_CUTOFF } from '../../src/core/search/calibration';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const RED: [number, number, number] = [220, 20, 20];

let photos: string;
let home: string;
let lib: LibraryService;

beforeAll(async () => {
  photos = tempDir('shoebox-search-photos-');
  fs.mkdirSync(path.join(photos, 'trip'));
  await writeExifColourPhoto(photos, 'red.jpg', RED, { taken: '2021:06:15 10:00:00', make: 'Canon', model: 'Canon EOS R5', gps: { lat: 48.85, lon: 2.35 } });
  await writeExifColourPhoto(path.join(photos, 'trip'), 'red2.jpg', [200, 30, 40], { taken: '2022:03:01 08:00:00', make: 'NIKON CORPORATION', model: 'NIKON Z 6' });
  await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30], { taken: '2020:01:01 12:00:00', make: 'Apple', model: 'iPhone 12', gps: { lat: -33.9, lon: 151.2 } });
  await writeExifColourPhoto(photos, 'blue.jpg', [25, 30, 210]);
  // No date taken: the date filters date it by its file's time, as the timeline does (midday: 1 June 2022 in any zone).
  const blueFileTime = new Date('2022-06-01T12:00:00Z');
  fs.utimesSync(path.join(photos, 'blue.jpg'), blueFileTime, blueFileTime);
  await writeExifColourPhoto(photos, 'yellow.jpg', [230, 220, 20], { taken: '2023:05:05 18:30:00', make: 'Canon', model: 'EOS 80D' });
  await writeExifColourPhoto(path.join(photos, 'trip'), 'magenta.jpg', [210, 30, 200], { taken: '2021:12:31 23:59:00', make: 'NIKON CORPORATION', model: 'NIKON D750', gps: { lat: 51.5, lon: -0.12 } });
  home = tempDir();
  lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
  const summary = await lib.index([photos]);
  expect(summary.added).toBe(6);
});

afterAll(async () => {
  await lib?.close();
});

const names = (result: SearchResult) => result.hits.map((h) => path.basename(h.path));
const find = (query: string, options: SearchRequestOptions = {}, deps?: SearchDeps) => search(lib, query, options, deps);
async function queryError(run: Promise<unknown>): Promise<string> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QueryError);
  return (err as Error).message;
}

describe('relevance cut-off', () => {
  it.each([
    ['red', ['red.jpg', 'red2.jpg']],
    ['green', ['green.jpg']],
    ['blue', ['blue.jpg']],
    ['yellow', ['yellow.jpg']],
  ])('"%s" returns only its colour, best first', async (query, expected) => {
    const result = await find(query);
    expect(names(result)).toEqual(expected);
    expect(result.minScore).toEqual(expect.any(Number));
    expect(result.hits.every((h) => h.score >= result.minScore!)).toBe(true);
  });

  it('--all returns the whole library in rank order, the cut-off photos last', async () => {
    const result = await find('red', { all: true });
    expect(result.minScore).toBeNull();
    expect(names(result)).toHaveLength(6);
    expect(names(result).slice(0, 2)).toEqual(['red.jpg', 'red2.jpg']);
    expect(names(result).slice(-2).sort()).toEqual(['blue.jpg', 'green.jpg']);
    const scores = result.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('is calibrated once per model, stored in the home, and reused', async () => {
    await find('red');
    const file = calibrationFile(lib);
    expect(file.startsWith(path.join(home, 'calibration'))).toBe(true);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(stored).toMatchObject({ modelId: TINY_IMMICH, photos: 6, sampled: 6, image: null });
    expect(stored.text.templated).toMatchObject({ count: 64 * 6 });
    const before = fs.statSync(file).mtimeMs;
    await find('blue');
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('compiles a query to its vector and cut-off (for smart albums); prepareSearch calibrates ahead', async () => {
    await prepareSearch(lib, { raw: false });
    const compiled = await compileQuery(lib, '2:red - blue');
    expect(compiled.vector).toHaveLength(4);
    expect(compiled.minScore).toEqual(expect.any(Number));
    expect((await compileQuery(lib, 'red', { all: true })).minScore).toBeNull();
  });

  it('--raw embeds text as written and has its own calibration', async () => {
    const raw = await find('red', { raw: true });
    expect(names(raw)).toEqual(['red.jpg', 'red2.jpg']);
    expect(JSON.parse(fs.readFileSync(calibrationFile(lib), 'utf8')).text.raw).toBeDefined();
  });
});

describe('query language', () => {
  it('red + blue finds what is both (magenta), not what is one of them', async () => {
    expect(names(await find('red + blue'))).toEqual(['magenta.jpg']);
    const all = names(await find('red + blue', { all: true }));
    expect(all[0]).toBe('magenta.jpg');
    expect(all.indexOf('red.jpg')).toBeLessThan(all.indexOf('green.jpg'));
  });

  it('red - blue keeps red and drops blue (and green)', async () => {
    const hits = names(await find('red - blue'));
    expect(hits).toEqual(expect.arrayContaining(['red.jpg', 'red2.jpg']));
    expect(hits).not.toContain('blue.jpg');
    expect(hits).not.toContain('green.jpg');
    expect(names(await find('red - blue', { all: true })).at(-1)).toBe('blue.jpg');
  });

  it('weights move the ranking: 2:red + green vs red + 2:green', async () => {
    const redHeavy = names(await find('2:red + green', { all: true }));
    const greenHeavy = names(await find('red + 2:green', { all: true }));
    expect(redHeavy.indexOf('red.jpg')).toBeLessThan(redHeavy.indexOf('green.jpg'));
    expect(greenHeavy.indexOf('green.jpg')).toBeLessThan(greenHeavy.indexOf('red.jpg'));
  });

  it('only negative terms rank by least similar, and cut what is not clearly unlike them', async () => {
    const all = names(await find('- blue', { all: true }));
    expect(all.at(-1)).toBe('blue.jpg');
    expect(all[0]).toBe('yellow.jpg'); // the colour opposite to blue
    const cut = names(await find('- blue'));
    expect(cut).toContain('yellow.jpg');
    expect(cut).not.toContain('blue.jpg');
  });

  it('takes image terms: a library photo, a file outside the library, mixed with text', async () => {
    const outside = await writeExifColourPhoto(tempDir(), 'query.jpg', [30, 40, 200]);
    expect(names(await find(outside))[0]).toBe('blue.jpg');
    expect(names(await find(path.join(photos, 'red.jpg')))).toEqual(['red.jpg', 'red2.jpg']);
    // red text + a blue image = magenta, as with two text terms.
    expect(names(await find(`red + "${outside}"`))[0]).toBe('magenta.jpg');
    expect(names(await find(`"2:red" + ${outside}`, { all: true }))[0]).not.toBe('blue.jpg');
  });

  it('similar is the one-image query, with the same cut-off and filters', async () => {
    expect(names(await similar(lib, path.join(photos, 'red.jpg')))).toEqual(['red.jpg', 'red2.jpg']);
    expect(names(await similar(lib, path.join(photos, 'red.jpg'), { filters: { folder: path.join(photos, 'trip') } }))).toEqual(['red2.jpg']);
  });

  it('reports what is wrong with a query, in one line', async () => {
    expect(await queryError(find(''))).toMatch(/empty/);
    expect(await queryError(find('red - red'))).toMatch(/cancel each other out/);
    expect(await queryError(find('red + ./nowhere.jpg'))).toBe('image not found: ./nowhere.jpg');
    expect(await queryError(find('0:red'))).toMatch(/greater than 0/);
    expect(await queryError(similar(lib, path.join(photos, 'nope.jpg')))).toMatch(/image not found/);
    expect(await queryError(find('red', { limit: 0 }))).toMatch(/limit/);
  });

  it('says a file that cannot be read as an image is at fault, not the query (exit 1, not a usage error)', async () => {
    const notImage = path.join(tempDir(), 'notes.jpg');
    fs.writeFileSync(notImage, 'not a photo');
    const err = await find(notImage).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ImageDecodeError);
    expect(err).not.toBeInstanceOf(QueryError);
    expect((err as Error).message).toMatch(/notes\.jpg/);
  });
});

describe('filters combined with ranking', () => {
  it.each<[string, SearchRequestOptions['filters'], string[]]>([
    ['taken in 2021', { after: '2021', before: '2022' }, ['red.jpg', 'magenta.jpg']],
    ['taken from March 2022 on (blue.jpg by its file time)', { after: '2022-03' }, ['red2.jpg', 'yellow.jpg', 'blue.jpg']],
    ['a photo without a date on its file\'s day', { after: '2022-06-01', before: '2022-06-02' }, ['blue.jpg']],
    ['taken before a date-time', { before: '2021-06-15T10:00:01' }, ['red.jpg', 'green.jpg']],
    ['a date-time with an offset', { after: '2021-12-31T23:59:00+01:00', before: '2022' }, ['magenta.jpg']],
    ['camera make, any case', { camera: 'canon' }, ['red.jpg', 'yellow.jpg']],
    ['camera model', { camera: 'iphone' }, ['green.jpg']],
    ['with GPS', { hasGps: true }, ['red.jpg', 'magenta.jpg', 'green.jpg']],
    ['combined', { camera: 'nikon', hasGps: true, after: '2021' }, ['magenta.jpg']],
  ])('%s: only matching photos, still ranked', async (_name, filters, expected) => {
    const result = await find('red', { all: true, filters });
    expect(names(result)).toEqual(expected);
  });

  it('under a folder', async () => {
    const result = await find('red', { all: true, filters: { folder: path.join(photos, 'trip') } });
    expect(names(result)).toEqual(['red2.jpg', 'magenta.jpg']);
  });

  it('filters and the cut-off apply together', async () => {
    expect(names(await find('red', { filters: { camera: 'canon' } }))).toEqual(['red.jpg']);
    expect(names(await find('red', { filters: { camera: 'apple' } }))).toEqual([]);
  });

  it('rejects dates that are not dates and empty ranges', async () => {
    expect(await queryError(find('red', { filters: { after: '2021-02-30' } }))).toMatch(/--after: "2021-02-30" is not a valid date/);
    expect(await queryError(find('red', { filters: { before: 'yesterday' } }))).toMatch(/--before: "yesterday" is not a date/);
    expect(await queryError(find('red', { filters: { after: '2022', before: '2021' } }))).toMatch(/not earlier than/);
  });

  it('tag filter: the hook resolves a label to photos and the search intersects', async () => {
    const red2 = path.join(photos, 'trip', 'red2.jpg');
    const deps: SearchDeps = { tagFilter: async (_lib, label) => (label === 'holiday' ? { paths: [red2] } : { paths: [] }) };
    expect(names(await find('red', { all: true, filters: { tag: 'holiday' } }, deps))).toEqual(['red2.jpg']);
    expect(names(await find('red', { all: true, filters: { tag: 'nothing' } }, deps))).toEqual([]);
    await expect(photosWithTag(lib, 'x')).rejects.toThrow(/no label set has the label "x"/);
  });
});

describe('pagination', () => {
  it('pages are stable and add up to the whole ranking', async () => {
    const whole = names(await find('yellow', { all: true, limit: 100 }));
    const pages = [];
    for (let offset = 0; offset < 6; offset += 2) pages.push(...names(await find('yellow', { all: true, limit: 2, offset })));
    expect(pages).toEqual(whole);
    expect(names(await find('yellow', { all: true, limit: 2, offset: 6 }))).toEqual([]);
    // With the cut-off, offset counts only photos above it.
    expect(names(await find('red', { limit: 1, offset: 1 }))).toEqual(['red2.jpg']);
    expect(names(await find('red', { limit: 1, offset: 2 }))).toEqual([]);
  });
});

describe('calibration follows the library', () => {
  it('is recomputed when photos are added', async () => {
    const more = tempDir('shoebox-search-more-');
    await writeExifColourPhoto(more, 'orange.jpg', [240, 130, 20]);
    await lib.index([more]);
    await find('red');
    expect(JSON.parse(fs.readFileSync(calibrationFile(lib), 'utf8')).photos).toBe(7);
    expect(names(await find('blue'))).toEqual(['blue.jpg']);
    await lib.removeFolder(more);
  });
});

// The tiny model on real photos spreads its scores over the whole cosine range (captions
// -0.3 +- 0.6, photo pairs 0.4 +- 0.5): "mean + 2.5 sd" is above 1 and must be clamped.
describe.skipIf(!sharedAvailable('photos/imagenet'))('cut-off on a model whose scores are spread out', () => {
  it('never leaves out the query photo itself (cosine 1) or what scores above the cap', async () => {
    const dir = tempDir('shoebox-spread-');
    const names = fs.readdirSync(sharedPath('photos/imagenet')).filter((n) => /\.jpe?g$/i.test(n)).sort().slice(0, 60);
    for (const n of names) fs.copyFileSync(sharedPath('photos/imagenet', n), path.join(dir, n));
    const spread = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    try {
      expect((await spread.index([dir])).added).toBe(60);
      const query = path.join(dir, names[0]!);
      const alike = await similar(spread, query, { limit: 100 });
      expect(alike.minScore).toBe(MAX_CUTOFF);
      expect(alike.hits[0]).toMatchObject({ path: query, score: expect.closeTo(1, 4) });
      const every = await similar(spread, query, { limit: 100, all: true });
      expect(alike.hits).toEqual(every.hits.filter((h) => h.score >= MAX_CUTOFF));
      const text = await search(spread, 'a dog');
      expect(text.minScore).toBeLessThanOrEqual(MAX_CUTOFF);
    } finally {
      await spread.close();
    }
  });
});
