// An album's date range is calendar days on the camera's clock, whatever the time zone of the
// machine that made, edits or reads it (the reviewer's case: New York, From = To = 7 March 2024,
// the app's editor and `shoebox albums create --after/--before` made different albums). Albums
// stored before as epoch ms read as the days they were made for, and are not rewritten on read.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AlbumService } from '../../../src/core/albums/album-service';
import { albumDate } from '../../../src/core/albums/album-dates';
import { albumFilters } from '../../../src/core/api/albums-api';
import { emptyForm, formFromAlbum, formToInput, type AlbumForm } from '../../../src/renderer/components/albums/album-form';
import type { AlbumFilters, AlbumInfo } from '../../../src/shared/api';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const DIR = '/fake-photos';
// Camera-clock times (epoch ms read as UTC, as the library stores EXIF times).
const photos = {
  early: photoRecord(`${DIR}/early.jpg`, [1, 0, 0], { takenAt: Date.UTC(2024, 2, 7, 0, 30) }),
  late: photoRecord(`${DIR}/late.jpg`, [1, 0, 0], { takenAt: Date.UTC(2024, 2, 7, 23, 30) }),
  nextNight: photoRecord(`${DIR}/next-night.jpg`, [1, 0, 0], { takenAt: Date.UTC(2024, 2, 8, 2, 0) }),
  dayBefore: photoRecord(`${DIR}/day-before.jpg`, [1, 0, 0], { takenAt: Date.UTC(2024, 2, 6, 22, 0) }),
};
const MARCH_7 = ['early.jpg', 'late.jpg'];

const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

let lib: FakeLibrary;
let albums: AlbumService;

beforeEach(async () => {
  process.env.TZ = 'America/New_York';
  lib = fakeLibrary(wordVectors({ red: [1, 0, 0] }, 3));
  albums = new AlbumService(lib);
  await lib.store.upsertPhotos(Object.values(photos));
});

/** This machine's clock, which the editor sends with dates for file-dated photos (album-form.ts). */
const windowClock = () => -new Date().getTimezoneOffset();

const memberNames = async (name: string) => (await albums.members(name)).map((m) => m.path.slice(DIR.length + 1)).sort();

/** What the app's editor would save for these date inputs. */
function editorFilters(form: Partial<AlbumForm>): AlbumFilters {
  const input = formToInput({ ...emptyForm(), name: 'x', query: 'red', ...form });
  if (typeof input === 'string') throw new Error(input);
  return input.filters ?? {};
}

/** The editor's form for a stored album, as the app opens it. */
async function editorForm(name: string): Promise<AlbumForm> {
  const summary = await albums.summary(name);
  return formFromAlbum({ name, query: summary.query, threshold: 0.5, thresholdAutomatic: false, filters: summary.filters } as AlbumInfo);
}

/** An album row as an earlier version stored it (dates as epoch ms). */
async function storeOldAlbum(name: string, after: number, before: number): Promise<string> {
  const json = JSON.stringify({ name, query: 'red', threshold: 0.5, filters: { after, before }, pinned: [], excluded: [], hashes: {}, queryDir: null, queryImages: {}, createdAt: 1 });
  await lib.store.putAlbum({ name, json, updatedAt: 1 });
  return json;
}

describe('album dates', () => {
  for (const zone of ['America/New_York', 'Europe/Berlin', 'Pacific/Auckland']) {
    it(`are the camera's calendar days: the editor and the command line make the same album (${zone})`, async () => {
      process.env.TZ = zone;
      const fromEditor = editorFilters({ from: '2024-03-07', to: '2024-03-07' });
      const fromCli = albumFilters({ after: '2024-03-07', before: '2024-03-08' });
      await albums.save({ name: 'app', query: 'red', threshold: 0.5, filters: fromEditor });
      await albums.create('cli', 'red', { threshold: 0.5, filters: fromCli });
      // 8 March 02:00 on the camera's clock is not 7 March, on any machine.
      expect(await memberNames('app')).toEqual(MARCH_7);
      expect(await memberNames('cli')).toEqual(MARCH_7);
      expect(fromEditor).toEqual({ after: '2024-03-07', before: '2024-03-08', utcOffset: windowClock() });
      // Both open in the editor as 7 March to 7 March, and saving that again changes nothing.
      for (const name of ['app', 'cli']) {
        const form = await editorForm(name);
        expect([form.from, form.to]).toEqual(['2024-03-07', '2024-03-07']);
        expect(editorFilters(form)).toEqual({ ...(await albums.summary(name)).filters, utcOffset: windowClock() });
      }
    });
  }

  it('stored as epoch ms by the command line or by the old editor (made in New York) read as the days meant, the rows unchanged', async () => {
    const cliRow = await storeOldAlbum('old cli', Date.UTC(2024, 2, 7), Date.UTC(2024, 2, 8));
    // The old editor: local midnights in New York, 7 March 05:00 and 8 March 05:00 UTC.
    const appRow = await storeOldAlbum('old app', new Date(2024, 2, 7).getTime(), new Date(2024, 2, 8).getTime());
    for (const name of ['old cli', 'old app']) {
      expect((await albums.summary(name)).filters).toEqual({ after: '2024-03-07', before: '2024-03-08' });
      expect(await memberNames(name)).toEqual(MARCH_7);
      const form = await editorForm(name);
      expect([form.from, form.to]).toEqual(['2024-03-07', '2024-03-07']);
    }
    await albums.list();
    expect((await lib.store.getAlbum('old cli'))!.json).toBe(cliRow);
    expect((await lib.store.getAlbum('old app'))!.json).toBe(appRow);
  });

  it('keep a time given on the command line to the minute, in the editor too until a day is chosen', async () => {
    await albums.create('evening', 'red', { threshold: 0.5, filters: albumFilters({ after: '2024-03-07T14:30' }) });
    expect((await albums.summary('evening')).filters).toEqual({ after: '2024-03-07T14:30' });
    expect(await memberNames('evening')).toEqual(['late.jpg', 'next-night.jpg']);
    const form = await editorForm('evening');
    expect(form).toMatchObject({ from: '', keptAfter: '2024-03-07T14:30' });
    expect(editorFilters(form)).toEqual({ after: '2024-03-07T14:30', utcOffset: windowClock() });
    expect(editorFilters({ ...form, from: '2024-03-06', keptAfter: '' })).toEqual({ after: '2024-03-06', utcOffset: windowClock() });
  });

  it("are read by search's one date parser, in one form", async () => {
    // The app's save and preview refuse an impossible date with search's reason.
    await expect(albums.save({ name: 'feb', query: 'red', filters: { after: '2021-02-30' } })).rejects.toThrow('--after: "2021-02-30" is not a valid date');
    await expect(albums.preview({ query: 'red', filters: { before: 'soon' } })).rejects.toThrow('--before: "soon" is not a date');
    await albums.save({ name: 'spring', query: 'red', filters: { after: '2024-03', before: '2024-06-01T00:00' } });
    expect((await albums.summary('spring')).filters).toEqual({ after: '2024-03-01', before: '2024-06-01' });
    expect(albumDate('2024', '--after')).toBe('2024-01-01');
    expect(albumDate('2024-03', '--after')).toBe('2024-03-01');
    expect(albumDate(' 2024-03-07T00:00 ', '--after')).toBe('2024-03-07');
    expect(albumDate('2024-03-07T14:30:00', '--after')).toBe('2024-03-07T14:30');
    expect(albumDate('2024-03-07T14:30+02:00', '--after')).toBe('2024-03-07T12:30:00.000Z');
    expect(() => albumDate('2021-02-30', '--after')).toThrow('--after: "2021-02-30" is not a valid date');
  });
});
