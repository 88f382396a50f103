// The album editor sends, with an album's dates, the clock a photo without a date taken is dated
// on (its file's time): the album's own when it keeps one (made elsewhere, or before a flight),
// so opening and saving it again does not move its photos to other days; else this window's, the
// clock its timeline dates them on. Without dates no clock is sent.
import { afterAll, describe, expect, it } from 'vitest';
import { emptyForm, formFromAlbum, formToInput } from '../../../src/renderer/components/albums/album-form';
import type { AlbumInfo } from '../../../src/shared/api';

const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const album = (filters: AlbumInfo['filters']) => ({ name: 'March', query: 'red', threshold: 0.3, thresholdAutomatic: true, filters }) as AlbumInfo;

describe("the album editor's clock for file-dated photos", () => {
  it("sends this window's with the dates of a new album, none without dates", () => {
    process.env.TZ = 'Asia/Tokyo';
    const form = { ...emptyForm(), name: 'March 8', query: 'red' };
    expect(formToInput({ ...form, from: '2024-03-08', to: '2024-03-08' })).toEqual({ name: 'March 8', query: 'red', filters: { after: '2024-03-08', before: '2024-03-09', utcOffset: 9 * 60 } });
    expect(formToInput({ ...form, place: 'Italy' })).toEqual({ name: 'March 8', query: 'red', filters: { place: 'Italy' } });
  });

  it('keeps the clock an album was saved with, in another zone', () => {
    process.env.TZ = 'Asia/Tokyo';
    const form = formFromAlbum(album({ after: '2024-03-08', before: '2024-03-09', utcOffset: -300 }));
    expect(formToInput({ ...form, name: 'Renamed' })).toEqual({ name: 'Renamed', query: 'red', filters: { after: '2024-03-08', before: '2024-03-09', utcOffset: -300 } });
  });
});
