// The Places page and the trash dialog call a video a video: counts from the core's `videos`.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Photo, PlacesSummary } from '../../../src/shared/api';
import { dotsWithVideos, farFromTownsText, placeItemsText, placesItemsText } from '../../../src/renderer/components/places/place-counts-text';
import { SelectionTrashDialog } from '../../../src/renderer/components/SelectionTrashDialog';
import type { MapDot } from '../../../src/renderer/lib/place-map';

const cover = { id: 'a', path: '/p/phone.mp4', kind: 'video' } as Photo;
const summary: PlacesSummary = {
  countries: [{ country: 'France', countryCode: 'FR', place: 'France', count: 1, videos: 1, cover, towns: [{ city: 'Paris', place: 'Paris, France', count: 1, videos: 1, cover, lat: 48.85, lon: 2.35 }] }],
  located: 8,
  locatedVideos: 1,
  unplaced: 2,
  unplacedVideos: 1,
  withoutPlace: 0,
};

describe('Places counts with videos', () => {
  it('says videos apart in the header, the cards, the far note and the map dots', () => {
    expect(placesItemsText(summary)).toBe('7 photos, 1 video in 1 country');
    expect(placeItemsText(summary.countries[0]!)).toBe('1 video');
    expect(farFromTownsText(summary)).toBe('1 photo, 1 video have a position far from any town.');
    const dot = { place: 'Paris, France', city: 'Paris', country: 'France', count: 1, lat: 48.85, lon: 2.35, r: 4, label: 'Paris, France: 1 photo' } as MapDot;
    expect(dotsWithVideos([dot], summary)[0]!.label).toBe('Paris, France: 1 video');
  });

  it('asks to move a video to the trash as a video', () => {
    const html = renderToStaticMarkup(<SelectionTrashDialog photos={[cover]} onConfirm={() => {}} onCancel={() => {}} />);
    expect(html).toContain('Move 1 video to the trash?');
  });
});
