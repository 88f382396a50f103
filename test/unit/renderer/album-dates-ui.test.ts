// The album editor and the album header show an album's dates as the camera's calendar days
// the core keeps ("2024-03-07"), never moved into this machine's time zone (a New York machine
// showed an album made for 7 March as 6 March).
import { afterAll, describe, expect, it } from 'vitest';
import { emptyForm, formFilters, formFromAlbum } from '../../../src/renderer/components/albums/album-form';
import { describeFilters } from '../../../src/renderer/components/albums/album-text';
import type { AlbumInfo } from '../../../src/shared/api';

const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const album = (filters: AlbumInfo['filters']) => ({ name: 'March', query: 'red', threshold: 0.3, thresholdAutomatic: true, filters }) as AlbumInfo;

describe('album dates in the app', () => {
  for (const zone of ['America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati']) {
    it(`are the same days in ${zone}`, () => {
      process.env.TZ = zone;
      // With the window's clock, for a photo without a date taken (its file's time).
      const utcOffset = -new Date().getTimezoneOffset();
      expect(formFilters({ ...emptyForm(), from: '2024-03-07', to: '2024-03-07' })).toEqual({ after: '2024-03-07', before: '2024-03-08', utcOffset });
      // "To" is inclusive; across a month's and a year's end too.
      expect(formFilters({ ...emptyForm(), from: '2023-12-01', to: '2023-12-31' })).toEqual({ after: '2023-12-01', before: '2024-01-01', utcOffset });
      expect(formFromAlbum(album({ after: '2024-03-07', before: '2024-03-08' }))).toMatchObject({ from: '2024-03-07', to: '2024-03-07' });
      const header = describeFilters({ after: '2024-03-07', before: '2024-03-08' });
      expect(header).toMatch(/^from (Mar 7, 2024|7 Mar 2024) · until (Mar 7, 2024|7 Mar 2024)$/);
    });
  }

  it('refuses a range that ends before it starts, and says a time kept from the command line', () => {
    expect(formFilters({ ...emptyForm(), from: '2024-03-08', to: '2024-03-07' })).toMatch(/date range is empty/);
    expect(describeFilters({ after: '2024-03-07T14:30', before: '2024-03-08T00:00:00.000Z' })).toBe('from 2024-03-07 14:30 · before 2024-03-08 00:00 UTC');
  });
});
