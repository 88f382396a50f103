// "On this day" through LibraryApi: the timeline of the photos taken on a month and day in
// earlier years, newest first, with their day headers; with other views' filters too.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

describe('on this day', () => {
  let host: LibraryHost;

  beforeAll(async () => {
    const dir = tempDir('shoebox-on-this-day-');
    await writeExifColourPhoto(dir, '2019-a.jpg', [200, 30, 30], { taken: '2019:12:03 09:00:00' });
    await writeExifColourPhoto(dir, '2019-b.jpg', [30, 200, 30], { taken: '2019:12:03 23:30:00', offset: '-08:00' });
    await writeExifColourPhoto(dir, '2023.jpg', [30, 30, 200], { taken: '2023:12:03 12:00:00' });
    await writeExifColourPhoto(dir, 'this-year.jpg', [200, 200, 30], { taken: '2026:12:03 08:00:00' });
    await writeExifColourPhoto(dir, 'next-day.jpg', [200, 30, 200], { taken: '2023:12:04 00:00:01' });
    await writeExifColourPhoto(dir, 'leap.jpg', [30, 200, 200], { taken: '2024:02:29 10:00:00' });
    await writeColourPhoto(dir, 'undated.jpg', [120, 120, 120]);
    host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([dir]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  const names = async (onThisDay: string, extra: { favourite?: boolean } = {}) => (await host.timeline({ onThisDay, limit: 100, ...extra })).photos.map((p) => path.basename(p.path));

  it("lists earlier years' photos of the day, newest first, by the camera's clock", async () => {
    expect(await names('2026-12-03')).toEqual(['2023.jpg', '2019-b.jpg', '2019-a.jpg']);
    const summary = await host.timelineSummary({ onThisDay: '2026-12-03' });
    expect(summary).toEqual({ total: 3, days: [{ day: '2023-12-03', count: 1 }, { day: '2019-12-03', count: 2 }] });
    expect(await names('2027-12-03')).toEqual(['this-year.jpg', '2023.jpg', '2019-b.jpg', '2019-a.jpg']);
    expect(await names('2026-12-05')).toEqual([]);
  });

  it('shows 29 February on 28 February of a year without it', async () => {
    expect(await names('2026-02-28')).toEqual(['leap.jpg']);
    expect(await names('2028-02-28')).toEqual([]);
  });

  it("counts the day's archived photos it leaves out, so a day showing none can say where they are", async () => {
    expect((await host.timeline({ onThisDay: '2026-02-28' })).archivedLeftOut).toBe(0);
    const leap = (await host.timeline({ onThisDay: '2026-02-28' })).photos[0]!.id;
    await host.setArchived([leap], true);
    try {
      expect(await host.timeline({ onThisDay: '2026-02-28' })).toMatchObject({ total: 0, photos: [], archivedLeftOut: 1 });
      // Other views say nothing of it: they keep the archive, or are the Archive.
      expect(await host.timeline({ onThisDay: '2026-02-28', archived: true })).not.toHaveProperty('archivedLeftOut');
      expect(await host.timeline({})).not.toHaveProperty('archivedLeftOut');
    } finally {
      await host.setArchived([leap], false);
    }
  });

  it('narrows with the other filters, and refuses a date that is none', async () => {
    const id = (await host.timeline({ onThisDay: '2026-12-03', limit: 100 })).photos.find((p) => path.basename(p.path) === '2019-a.jpg')!.id;
    await host.setFavourites([id], true);
    expect(await names('2026-12-03', { favourite: true })).toEqual(['2019-a.jpg']);
    await expect(host.timeline({ onThisDay: '2026-02-30' })).rejects.toThrow(/onThisDay must be a date/);
  });
});
