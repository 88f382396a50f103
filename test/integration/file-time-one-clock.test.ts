// A photo without a date taken is dated by its file's time on one clock wherever the core dates
// it: the one the caller names, else the engine machine's (core/store/photo-date.ts), for the
// timeline's days, search's date filters and a smart album's alike. An album keeps the clock it
// was saved with (AlbumFilters.utcOffset): the app behind `shoebox serve` on a machine in New
// York, its window in UTC, finds the photo in an album of the day its own timeline shows it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryHost } from '../../src/core/api/library-api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { validateArgs } from '../../src/shared/api-methods';

const originalZone = process.env.TZ;
const openHost = useApiHosts();
/** The window's clock: UTC, while the engine's machine keeps New York's. */
const WINDOW_UTC = 0;
let photos: string;

beforeAll(async () => {
  process.env.TZ = 'America/New_York';
  photos = tempDir('shoebox-file-time-one-clock-');
  await writeColourPhoto(photos, 'red.jpg', [220, 20, 20]);
  // No date taken: 02:00 UTC on 8 March is 21:00 on the 7th in New York.
  const time = new Date('2024-03-08T02:00:00Z');
  fs.utimesSync(path.join(photos, 'red.jpg'), time, time);
});

afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const names = (list: { path: string }[]) => list.map((p) => path.basename(p.path));

async function indexed(): Promise<LibraryHost> {
  const { host, events } = await openHost();
  expect((await jobFinished(events, await host.addFolder(photos))).state).toBe('done');
  return host;
}

/** How many photos an album of one day (`day` to `next`) would hold, on the clock given (none: the default). */
async function inAlbumOf(host: LibraryHost, day: string, next: string, utcOffset?: number): Promise<number> {
  const filters = { after: day, before: next, ...(utcOffset !== undefined ? { utcOffset } : {}) };
  return (await host.previewAlbum({ query: 'red', threshold: -1, filters })).total;
}

describe('a file-dated photo on one clock', () => {
  it('with no clock named, the timeline, search and an album all date it on the engine machine\'s', async () => {
    const host = await indexed();
    expect((await host.timelineSummary()).days).toEqual([{ day: '2024-03-07', count: 1 }]);
    expect(names((await host.search('red', { all: true, filters: { after: '2024-03-07', before: '2024-03-08' } })).photos)).toEqual(['red.jpg']);
    expect(await inAlbumOf(host, '2024-03-07', '2024-03-08')).toBe(1);
    expect(await inAlbumOf(host, '2024-03-08', '2024-03-09')).toBe(0);
  });

  it("an album dates it on the viewer's clock it was saved with, as that viewer's timeline and search do", async () => {
    const host = await indexed();
    expect((await host.timelineSummary({ utcOffset: WINDOW_UTC })).days).toEqual([{ day: '2024-03-08', count: 1 }]);
    expect(names((await host.search('red', { all: true, filters: { after: '2024-03-08', before: '2024-03-09', utcOffset: WINDOW_UTC } })).photos)).toEqual(['red.jpg']);
    expect(await inAlbumOf(host, '2024-03-08', '2024-03-09', WINDOW_UTC)).toBe(1);
    expect(await inAlbumOf(host, '2024-03-07', '2024-03-08', WINDOW_UTC)).toBe(0);

    const saved = await host.saveAlbum({ name: 'March 8', query: 'red', threshold: -1, filters: { after: '2024-03-08', before: '2024-03-09', utcOffset: WINDOW_UTC } });
    expect([saved.members, saved.filters.utcOffset]).toEqual([1, WINDOW_UTC]);
    // Read again by anyone (a command line on the engine's machine): the album's clock, kept.
    expect(names((await host.albumPhotos('March 8', { limit: 10 })).photos)).toEqual(['red.jpg']);
    expect((await host.listAlbums()).map((a) => [a.name, a.members])).toEqual([['March 8', 1]]);
  });

  it('keeps no clock for an album without dates, and takes one over the RPC as the timeline\'s', async () => {
    const host = await indexed();
    const saved = await host.saveAlbum({ name: 'Reds', query: 'red', threshold: -1, filters: { utcOffset: WINDOW_UTC } });
    expect(saved.filters).toEqual({});
    const draft = { query: 'red', filters: { after: '2024-03-08', utcOffset: -300 } };
    expect(validateArgs('previewAlbum', [draft])).toEqual([draft]);
    expect(validateArgs('saveAlbum', [{ name: 'A', ...draft }])).toEqual([{ name: 'A', ...draft }]);
    expect(() => validateArgs('previewAlbum', [{ query: 'red', filters: { utcOffset: 15 * 60 } }])).toThrow(/utcOffset must be an integer from -840 to 840/);
  });
});
