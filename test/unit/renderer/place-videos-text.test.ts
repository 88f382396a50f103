// The app's place lines say videos as videos, as `shoebox search` does for the same core answer
// (places(query) and places()): "4 photos, 1 video", never "5 photos".
import { describe, expect, it } from 'vitest';
import type { PlacesNamed, PlacesSummary, Photo } from '../../../src/shared/api';
import { namedPlacesNote, placeChoices } from '../../../src/renderer/lib/places';
import { searchPlaceOffer } from '../../../src/cli/search-place-offer';

const italy: PlacesNamed = { place: 'Italy', count: 5, videos: 1, places: [{ place: 'Italy', count: 5 }] };
const photo = { id: 'a', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } as Photo;

describe('places with videos, in words', () => {
  it('the offer above search results counts the video apart, as the CLI says it', async () => {
    expect(namedPlacesNote(italy)).toBe('4 photos, 1 video, from their location');
    const cli = await searchPlaceOffer({ places: async () => ({ countries: [], located: 0, unplaced: 0, withoutPlace: 0, named: italy }) }, 'italy');
    expect(cli).toBe('4 photos, 1 video were taken in Italy: shoebox places Italy');
  });

  it('the place fields\u2019 suggestions count videos apart', () => {
    const summary: PlacesSummary = {
      countries: [{ country: 'Italy', countryCode: 'IT', place: 'Italy', count: 5, videos: 1, cover: photo, towns: [{ city: 'Arezzo', place: 'Arezzo, Italy', count: 2, videos: 2, cover: photo, lat: 43.47, lon: 11.88 }] }],
      located: 5,
      unplaced: 0,
      withoutPlace: 0,
    };
    expect(placeChoices(summary)).toEqual([
      { value: 'Italy', label: '4 photos, 1 video' },
      { value: 'Arezzo, Italy', label: '2 videos' },
    ]);
  });
});
