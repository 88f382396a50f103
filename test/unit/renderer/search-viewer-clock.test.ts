// The app asks a search's dates on its window's clock, as it asks the timeline (the engine reads
// a photo without a date taken by its file's time on that clock: core/store/photo-date.ts), so
// behind `shoebox serve` in another zone a day's filter finds the photos the timeline shows under it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchOptions } from '../../../src/shared/api';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { fetcherFor, timelineOptions } from '../../../src/renderer/hooks/usePhotoSource';
import { LIBRARY_VIEW } from '../../../src/renderer/lib/view';

const originalZone = process.env.TZ;
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const page = { photos: [], total: 0, hasMore: false };

function client() {
  return {
    search: vi.fn(async (_query: string, _options?: SearchOptions) => page),
    similar: vi.fn(async (_id: string, _options?: SearchOptions) => page),
    searchByImage: vi.fn(async (_image: unknown, _options?: SearchOptions) => page),
  };
}

describe("a search's date filters on the window's clock", () => {
  it('carry the offset the timeline is asked with, for text, "More like this" and image searches', async () => {
    process.env.TZ = 'America/New_York';
    const timelineClock = timelineOptions(LIBRARY_VIEW as Extract<typeof LIBRARY_VIEW, { kind: 'library' }>).utcOffset;
    expect([-300, -240]).toContain(timelineClock);
    const fake = client();
    const filters = { after: '2025-12-07', before: '2025-12-08', camera: 'canon' };
    const asked = { ...filters, utcOffset: timelineClock };
    await fetcherFor(fake as unknown as ShoeboxClient, { kind: 'search', query: 'red' }, filters, 'date')(0, 50);
    expect(fake.search).toHaveBeenCalledWith('red', { offset: 0, limit: 50, filters: asked, sort: 'date' });
    await fetcherFor(fake as unknown as ShoeboxClient, { kind: 'similar', id: 'p1', label: 'p1.jpg' }, { before: '2025-12-08' }, 'score')(0, 50);
    expect(fake.similar).toHaveBeenCalledWith('p1', { offset: 0, limit: 50, filters: { before: '2025-12-08', utcOffset: timelineClock } });
    await fetcherFor(fake as unknown as ShoeboxClient, { kind: 'image', name: 'x.jpg', base64: 'AA==', previewUrl: '' }, { after: '2025-12-07' }, 'score')(0, 50);
    expect(fake.searchByImage).toHaveBeenCalledWith({ name: 'x.jpg', base64: 'AA==' }, { offset: 0, limit: 50, filters: { after: '2025-12-07', utcOffset: timelineClock } });
  });

  it('are left as they are without a date (nothing reads the clock), and none stay none', async () => {
    const fake = client();
    await fetcherFor(fake as unknown as ShoeboxClient, { kind: 'search', query: 'red' }, { camera: 'canon' }, 'score')(0, 50);
    expect(fake.search).toHaveBeenLastCalledWith('red', { offset: 0, limit: 50, filters: { camera: 'canon' }, sort: 'score' });
    await fetcherFor(fake as unknown as ShoeboxClient, { kind: 'search', query: 'red' }, undefined, 'score')(0, 50);
    expect(fake.search).toHaveBeenLastCalledWith('red', { offset: 0, limit: 50, sort: 'score' });
  });
});
