// Places through LibraryApi, as the app and the CLI use them: photos named offline by the town
// their GPS position belongs to, grouped by country and town, and filtering the timeline,
// search and smart albums. Photos carry real EXIF GPS written by sharp; real LanceDB, tiny model.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { Photo } from '../../src/shared/api';
import type { AlbumError } from '../../src/core/albums/album';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto, type TestExif } from '../helpers/exif-photos';

/** The one line every place filter refuses a place that names nothing with (" , "). */
const EMPTY_PLACE = 'the place is empty: name a town, a country, or "town, country"';
const AREZZO = { lat: 43.4682, lon: 11.8802 };
/** Where each photo was taken (none: no GPS), with distinct colours and dates. */
const PHOTOS: [string, [number, number, number], TestExif][] = [
  ['arezzo-1.jpg', [200, 30, 30], { taken: '2021:05:01 10:00:00', gps: AREZZO }],
  ['arezzo-2.jpg', [30, 200, 30], { taken: '2021:05:02 10:00:00', gps: { lat: AREZZO.lat + 0.004, lon: AREZZO.lon - 0.003 } }],
  ['arezzo-3.jpg', [30, 30, 200], { taken: '2021:05:03 10:00:00', gps: { lat: AREZZO.lat - 0.002, lon: AREZZO.lon + 0.005 } }],
  ['florence.jpg', [200, 200, 30], { taken: '2020:06:01 12:00:00', gps: { lat: 43.7856, lon: 11.2346 } }],
  // The Eiffel Tower: Neuilly-sur-Seine's point is nearer than Paris's, but it is Paris.
  ['eiffel.jpg', [200, 30, 200], { taken: '2019:07:14 21:00:00', gps: { lat: 48.8584, lon: 2.2945 } }],
  ['reykjavik.jpg', [30, 200, 200], { taken: '2018:02:01 09:00:00', gps: { lat: 64.1466, lon: -21.9426 } }],
  // The middle of the Pacific: a position, but no town within reach.
  ['at-sea.jpg', [120, 120, 120], { taken: '2017:01:01 00:00:00', gps: { lat: 0, lon: -140 } }],
  ['no-gps-1.jpg', [90, 160, 40], { taken: '2022:01:01 00:00:00' }],
  ['no-gps-2.jpg', [160, 40, 90], {}],
];

describe('places', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;
  let photos: Photo[];

  const byName = (name: string) => photos.find((p) => path.basename(p.path) === name)!;
  const names = (list: { path: string }[]) => list.map((p) => path.basename(p.path));
  const timelineAt = async (place: string) => names((await host.timeline({ place, limit: 100 })).photos);
  const searchAt = async (filters: { place: string; favourite?: boolean }) => names((await host.search('a photo', { all: true, limit: 100, filters })).photos).sort();

  beforeAll(async () => {
    dir = tempDir('shoebox-places-');
    for (const [name, rgb, exif] of PHOTOS) await writeExifColourPhoto(dir, name, rgb, exif);
    home = tempDir('shoebox-places-home-');
    host = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([dir]);
    photos = (await host.timeline({ limit: 100 })).photos;
    expect(photos).toHaveLength(PHOTOS.length);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('lists countries and towns, most photos first, each with its newest photo as the cover', async () => {
    const summary = await host.places();
    expect(summary.located).toBe(6);
    expect(summary.unplaced).toBe(1);
    expect(summary.countries.map((c) => [c.country, c.countryCode, c.place, c.count])).toEqual([
      ['Italy', 'IT', 'Italy', 4],
      ['France', 'FR', 'France', 1],
      ['Iceland', 'IS', 'Iceland', 1],
    ]);
    const italy = summary.countries[0]!;
    expect(italy.towns.map((t) => [t.city, t.place, t.count])).toEqual([
      ['Arezzo', 'Arezzo, Italy', 3],
      ['Florence', 'Florence, Italy', 1],
    ]);
    expect(path.basename(italy.cover.path)).toBe('arezzo-3.jpg');
    // The town's point on the map: its three photos' mean position.
    expect(italy.towns[0]!.lat).toBeCloseTo(AREZZO.lat + 0.002 / 3, 3);
    expect(italy.towns[0]!.lon).toBeCloseTo(AREZZO.lon + 0.002 / 3, 3);
    expect(path.basename(italy.towns[0]!.cover.path)).toBe('arezzo-3.jpg');
    expect(summary.countries[1]!.towns.map((t) => t.place)).toEqual(['Paris, France']);
    expect(summary.countries[2]!.towns.map((t) => t.place)).toEqual(['Reykjavík, Iceland']);
  });

  it('names the place in the viewer, and none without a town or a position', async () => {
    expect((await host.getPhoto(byName('eiffel.jpg').id))?.place).toEqual({ city: 'Paris', country: 'France', countryCode: 'FR' });
    expect((await host.getPhoto(byName('arezzo-2.jpg').id))?.place).toEqual({ city: 'Arezzo', country: 'Italy', countryCode: 'IT' });
    expect((await host.getPhoto(byName('at-sea.jpg').id))?.place).toBeUndefined();
    expect((await host.getPhoto(byName('no-gps-1.jpg').id))?.place).toBeUndefined();
  });

  it("shows a place's photos as a timeline, by the names a user types", async () => {
    expect(await timelineAt('Arezzo, Italy')).toEqual(['arezzo-3.jpg', 'arezzo-2.jpg', 'arezzo-1.jpg']);
    expect(await timelineAt('Italy')).toEqual(['arezzo-3.jpg', 'arezzo-2.jpg', 'arezzo-1.jpg', 'florence.jpg']);
    expect(await timelineAt('it')).toHaveLength(4);
    expect(await timelineAt('florence, IT')).toEqual(['florence.jpg']);
    expect(await timelineAt('reykjavik')).toEqual(['reykjavik.jpg']);
    expect(await timelineAt('Paris')).toEqual(['eiffel.jpg']);
    expect(await timelineAt('Atlantis')).toEqual([]);
    expect(await timelineAt('Arezzo, France')).toEqual([]);
    const summary = await host.timelineSummary({ place: 'Italy' });
    expect(summary.total).toBe(4);
    expect(summary.days.map((d) => d.day)).toEqual(['2021-05-03', '2021-05-02', '2021-05-01', '2020-06-01']);
    await expect(host.timeline({ place: ' , ' })).rejects.toThrow(/place/);
  });

  it('filters search, alone and with the favourites', async () => {
    expect(await searchAt({ place: 'Italy' })).toEqual(['arezzo-1.jpg', 'arezzo-2.jpg', 'arezzo-3.jpg', 'florence.jpg']);
    expect(await searchAt({ place: 'France' })).toEqual(['eiffel.jpg']);
    await host.setFavourites([byName('arezzo-1.jpg').id, byName('eiffel.jpg').id], true);
    try {
      expect(await searchAt({ place: 'Italy', favourite: true })).toEqual(['arezzo-1.jpg']);
      expect(names((await host.timeline({ place: 'Italy', favourite: true })).photos)).toEqual(['arezzo-1.jpg']);
    } finally {
      await host.setFavourites([byName('arezzo-1.jpg').id, byName('eiffel.jpg').id], false);
    }
    await expect(host.search('a photo', { all: true, filters: { place: '  ' } })).rejects.toThrow(EMPTY_PLACE);
  });

  it('refuses a place that names nothing as the user\'s mistake, in one line, from the timeline, search and albums', async () => {
    // The Places pages (the timeline), the filter bar (search) and the album editor say one line,
    // naming no command-line option, and each is the core's user error, not an internal one.
    const refusals = await Promise.all([
      host.timeline({ place: ',' }).catch((e: unknown) => e),
      host.timelineSummary({ place: ' , ' }).catch((e: unknown) => e),
      host.search('a photo', { all: true, filters: { place: ',' } }).catch((e: unknown) => e),
      host.previewAlbum({ query: 'a photo', threshold: -1, filters: { place: ',' } }).catch((e: unknown) => e),
      host.saveAlbum({ name: 'nowhere', query: 'a photo', filters: { place: ',' } }).catch((e: unknown) => e),
    ]);
    expect(refusals.map((e) => (e as Error).message)).toEqual(Array(5).fill(EMPTY_PLACE));
    expect(refusals.map((e) => (e as Error).name)).toEqual(['QueryError', 'QueryError', 'QueryError', 'AlbumError', 'AlbumError']);
    expect(refusals.slice(3).map((e) => (e as AlbumError).usage)).toEqual([true, true]);
  });

  it('keeps an archived photo in its place, badged: a place is a view narrowed on purpose', async () => {
    await host.setArchived([byName('arezzo-3.jpg').id], true);
    try {
      const summary = await host.places();
      expect(summary.located).toBe(6);
      expect(summary.countries[0]!.towns.map((t) => [t.place, t.count])).toEqual([
        ['Arezzo, Italy', 3],
        ['Florence, Italy', 1],
      ]);
      const arezzo = (await host.timeline({ place: 'Arezzo, Italy' })).photos;
      expect(arezzo.map((p) => [path.basename(p.path), p.archived ?? false])).toEqual([
        ['arezzo-3.jpg', true],
        ['arezzo-2.jpg', false],
        ['arezzo-1.jpg', false],
      ]);
      // The whole library's timeline leaves it out.
      expect(names((await host.timeline({ limit: 100 })).photos)).not.toContain('arezzo-3.jpg');
    } finally {
      await host.setArchived([byName('arezzo-3.jpg').id], false);
    }
  });

  it('makes a smart album of a place', async () => {
    const preview = await host.previewAlbum({ query: 'a photo', threshold: -1, filters: { place: 'Italy' } });
    expect(preview.total).toBe(4);
    const album = await host.saveAlbum({ name: 'Italy trip', query: 'a photo', threshold: -1, filters: { place: 'Italy' } });
    expect(album.filters.place).toBe('Italy');
    expect(names((await host.albumPhotos('Italy trip', { limit: 100 })).photos).sort()).toEqual(['arezzo-1.jpg', 'arezzo-2.jpg', 'arezzo-3.jpg', 'florence.jpg']);
    await expect(host.saveAlbum({ name: 'nowhere', query: 'a photo', filters: { place: ' , ' } })).rejects.toThrow(/place/);
  });

  it('follows the library: a new photo there is counted, a removed one is not', async () => {
    await writeExifColourPhoto(dir, 'reykjavik-2.jpg', [60, 90, 200], { taken: '2018:02:02 09:00:00', gps: { lat: 64.1432, lon: -21.9275 } });
    fs.rmSync(path.join(dir, 'florence.jpg'));
    await host.indexNow([dir]);
    const summary = await host.places();
    expect(summary.countries.map((c) => [c.country, c.count])).toEqual([
      ['Italy', 3],
      ['Iceland', 2],
      ['France', 1],
    ]);
    expect(summary.countries[0]!.towns.map((t) => t.city)).toEqual(['Arezzo']);
    expect(await timelineAt('Iceland')).toEqual(['reykjavik-2.jpg', 'reykjavik.jpg']);
    expect(names((await host.albumPhotos('Italy trip', { limit: 100 })).photos)).not.toContain('florence.jpg');
  });
});
