// A search's dates read a photo without a date taken on the clock the request names
// (SearchFilters.utcOffset), as the timeline does: the app behind `shoebox serve` on a machine
// in UTC, its window in New York, finds the photo on the day its timeline shows it. Over the
// RPC the offset is checked as the timeline's own is.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { validateArgs } from '../../src/shared/api-methods';

const originalZone = process.env.TZ;
const openHost = useApiHosts();
/** The window's clock: New York in winter. */
const NEW_YORK = -300;
let photos: string;

beforeAll(async () => {
  // The machine the engine runs on keeps UTC.
  process.env.TZ = 'UTC';
  photos = tempDir('shoebox-search-viewer-clock-');
  await writeColourPhoto(photos, 'red-dec7.jpg', [220, 20, 20]);
  // No date taken: 03:00 UTC on 8 December is 22:00 on the 7th in New York.
  const time = new Date('2025-12-08T03:00:00Z');
  fs.utimesSync(path.join(photos, 'red-dec7.jpg'), time, time);
});

afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const names = (list: { path: string }[]) => list.map((p) => path.basename(p.path));

describe("a search's dates on the window's clock", () => {
  it('finds a file-dated photo on the day the window\'s timeline shows it, not the machine\'s', async () => {
    const { host, events } = await openHost();
    expect((await jobFinished(events, await host.addFolder(photos))).state).toBe('done');
    const summary = await host.timelineSummary({ utcOffset: NEW_YORK });
    expect(summary.days).toEqual([{ day: '2025-12-07', count: 1 }]);
    const on = async (after: string, before: string, utcOffset?: number) =>
      names((await host.search('red', { all: true, filters: { after, before, ...(utcOffset !== undefined ? { utcOffset } : {}) } })).photos);
    expect(await on('2025-12-07', '2025-12-08', NEW_YORK)).toEqual(['red-dec7.jpg']);
    expect(await on('2025-12-08', '2025-12-09', NEW_YORK)).toEqual([]);
    // No clock named: the machine's (UTC), where the file's time is on the 8th.
    expect(await on('2025-12-08', '2025-12-09')).toEqual(['red-dec7.jpg']);
  });

  it('is taken over the RPC as whole minutes within ±14 hours, as the timeline\'s', () => {
    const filters = { after: '2025-12-07', utcOffset: NEW_YORK };
    expect(validateArgs('search', ['red', { filters }])).toEqual(['red', { filters }]);
    expect(validateArgs('similar', ['id', { filters }])).toEqual(['id', { filters }]);
    expect(() => validateArgs('search', ['red', { filters: { utcOffset: 15 * 60 } }])).toThrow(/utcOffset must be an integer from -840 to 840/);
    expect(() => validateArgs('search', ['red', { filters: { utcOffset: 30.5 } }])).toThrow(/utcOffset/);
  });
});
