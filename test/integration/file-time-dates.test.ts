// Photos without a date taken are dated by their file's time, on the viewer's clock, by the
// timeline and the date filters alike (src/core/store/photo-date.ts): a photo the timeline shows
// under a day is found by that day's filter in search, a smart album and `shoebox search`, and
// not by the next day's. The viewer here is in New York, where 03:00 UTC is the evening before.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryHost } from '../../src/core/api/library-api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

const ZONE = 'America/New_York';
const originalZone = process.env.TZ;
const openHost = useApiHosts();

/** No EXIF date: the files are dated by their modification times, 03:00 UTC each day. */
const FILE_TIMES: Record<string, string> = {
  'red-dec7.jpg': '2025-12-08T03:00:00Z', // 22:00 on 7 Dec in New York
  'crimson-dec8.jpg': '2025-12-09T03:00:00Z', // 22:00 on 8 Dec in New York
};

let photos: string;
let home: string;

beforeAll(async () => {
  process.env.TZ = ZONE;
  photos = tempDir('shoebox-file-time-dates-');
  await writeColourPhoto(photos, 'red-dec7.jpg', [220, 20, 20]);
  await writeColourPhoto(photos, 'crimson-dec8.jpg', [200, 25, 40]);
  for (const [name, iso] of Object.entries(FILE_TIMES)) {
    const time = new Date(iso);
    fs.utimesSync(path.join(photos, name), time, time);
  }
});

afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const names = (list: { path: string }[]) => list.map((p) => path.basename(p.path)).sort();

async function indexed(): Promise<LibraryHost> {
  home = tempDir('shoebox-file-time-dates-home-');
  const { host, events } = await openHost({ home });
  expect((await jobFinished(events, await host.addFolder(photos))).state).toBe('done');
  return host;
}

describe('a photo without a date taken is found on the day the timeline shows it', () => {
  it('in the timeline, search and a smart album, for the same viewer; not on the next day', async () => {
    const host = await indexed();
    // The app's window sends its clock's offset (usePhotoSource): New York's, here.
    const utcOffset = -new Date().getTimezoneOffset();
    expect(utcOffset).toBeLessThan(0);
    const timeline = await host.timeline({ utcOffset, limit: 100 });
    expect(timeline.photos.every((p) => p.fileTime)).toBe(true);
    expect((await host.timelineSummary({ utcOffset })).days).toEqual([
      { day: '2025-12-08', count: 1 },
      { day: '2025-12-07', count: 1 },
    ]);
    const shownOn = (day: string) => names(timeline.photos.filter((p) => new Date(p.date).toISOString().startsWith(day)));
    expect(shownOn('2025-12-07')).toEqual(['red-dec7.jpg']);

    for (const [day, next] of [['2025-12-07', '2025-12-08'], ['2025-12-08', '2025-12-09']] as const) {
      const filters = { after: day, before: next };
      const found = await host.search('red', { all: true, filters });
      expect(names(found.photos), `search on ${day}`).toEqual(shownOn(day));
      const album = `On ${day}`;
      await host.saveAlbum({ name: album, query: 'red', threshold: -1, filters });
      expect(names((await host.albumPhotos(album, { limit: 100 })).photos), `album of ${day}`).toEqual(shownOn(day));
    }
    expect(names((await host.search('red', { all: true, filters: { after: '2025-12-09', before: '2025-12-10' } })).photos)).toEqual([]);
  });

  it('by `shoebox search --after/--before`, on the machine\'s clock', async () => {
    const host = await indexed();
    await host.close();
    const run = async (after: string, before: string) => {
      const res = await shoebox(['--home', home, 'search', '--model-dir', fixtureModelDir(TINY_IMMICH), '--all', '--json', '--after', after, '--before', before, 'red'], { TZ: ZONE });
      expect(res.code, res.stderr).toBe(0);
      return names(JSON.parse(res.stdout) as { path: string }[]);
    };
    expect(await run('2025-12-07', '2025-12-08')).toEqual(['red-dec7.jpg']);
    expect(await run('2025-12-08', '2025-12-09')).toEqual(['crimson-dec8.jpg']);
  });
});
