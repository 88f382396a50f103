// Which place a search query names: a country before a town of its name, the most
// photographed town of a shared name, "town, country" as the Places list writes it.
import { describe, expect, it } from 'vitest';
import type { Photo, PlacesSummary } from '../../../src/shared/api';
import { placeForQuery } from '../../../src/renderer/lib/places';

const cover = { id: 'x', path: '/p/x.jpg', folder: '/p', width: 1, height: 1, takenAt: null } as Photo;
const town = (city: string, country: string, count: number) => ({ city, place: `${city}, ${country}`, count, cover, lat: 0, lon: 0 });
const SUMMARY: PlacesSummary = {
  located: 16,
  unplaced: 0,
  withoutPlace: 0,
  countries: [
    { country: 'Italy', countryCode: 'IT', place: 'Italy', count: 10, cover, towns: [town('Arezzo', 'Italy', 9), town('Florence', 'Italy', 1)] },
    { country: 'United States', countryCode: 'US', place: 'United States', count: 5, cover, towns: [town('Florence', 'United States', 4), town('Italy', 'United States', 1)] },
    { country: 'Iceland', countryCode: 'IS', place: 'Iceland', count: 1, cover, towns: [town('Reykjavík', 'Iceland', 1)] },
  ],
};

describe('placeForQuery', () => {
  it('names a country by its name or code, before a town of that name', () => {
    expect(placeForQuery(SUMMARY, 'italy')).toEqual({ place: 'Italy', count: 10 });
    expect(placeForQuery(SUMMARY, ' IS ')).toEqual({ place: 'Iceland', count: 1 });
  });

  it('names a town, case and accents aside; of two with one name, the one with more photos', () => {
    expect(placeForQuery(SUMMARY, 'reykjavik')).toEqual({ place: 'Reykjavík, Iceland', count: 1 });
    expect(placeForQuery(SUMMARY, 'Florence')).toEqual({ place: 'Florence, United States', count: 4 });
    expect(placeForQuery(SUMMARY, 'florence, italy')).toEqual({ place: 'Florence, Italy', count: 1 });
    expect(placeForQuery(SUMMARY, 'Florence, IT')).toEqual({ place: 'Florence, Italy', count: 1 });
  });

  it('names nothing for other queries, or before the places are known', () => {
    expect(placeForQuery(SUMMARY, 'a dog on a beach')).toBeNull();
    expect(placeForQuery(SUMMARY, '')).toBeNull();
    expect(placeForQuery(null, 'italy')).toBeNull();
  });
});
