// Which place(s) a search query names, with how many photos: the app's offer above search
// results. It must name exactly the photos `shoebox places QUERY` lists (placeMatcher), with
// the aliases people type ("usa", "UK") and a town found in several countries (Paris).
import { describe, expect, it } from 'vitest';
import type { PhotoPlace } from '../../../src/shared/api';
import type { LocatedPhoto } from '../../../src/core/places/located-photos';
import { placeMatcher } from '../../../src/core/places/place-query';
import { placesNamed } from '../../../src/core/places/places-named';

const PARIS_FR: PhotoPlace = { city: 'Paris', country: 'France', countryCode: 'FR' };
const PARIS_US: PhotoPlace = { city: 'Paris', country: 'United States', countryCode: 'US' };
const ITALY_US: PhotoPlace = { city: 'Italy', country: 'United States', countryCode: 'US' }; // Italy, Texas
const LONDON: PhotoPlace = { city: 'London', country: 'United Kingdom', countryCode: 'GB' };
const AREZZO: PhotoPlace = { city: 'Arezzo', country: 'Italy', countryCode: 'IT' };

let n = 0;
const at = (place: PhotoPlace, count: number): LocatedPhoto[] =>
  Array.from({ length: count }, () => ({ photo: { path: `/p/${++n}.jpg`, hash: `h${n}`, takenAt: n, mtimeMs: 0, indexedAt: 0, gpsLat: 1, gpsLon: 1 }, place }));

const LOCATED = [...at(PARIS_FR, 3), ...at(PARIS_US, 2), ...at(ITALY_US, 1), ...at(LONDON, 1), ...at(AREZZO, 4)];

/** The photos a place filter (and `shoebox places TEXT`) takes `text` to mean. */
const filtered = (text: string) => LOCATED.filter((p) => placeMatcher(text)?.(p.place)).map((p) => p.photo.path);

describe('placesNamed', () => {
  it('takes the country aliases the CLI takes ("usa", "UK"), named as the Places list names them', () => {
    expect(placesNamed(LOCATED, 'usa').named).toEqual({ place: 'United States', count: 3, places: [{ place: 'United States', count: 3 }] });
    expect(placesNamed(LOCATED, 'UK').named).toEqual({ place: 'United Kingdom', count: 1, places: [{ place: 'United Kingdom', count: 1 }] });
    expect(placesNamed(LOCATED, 'paris, usa').named).toEqual({ place: 'Paris, United States', count: 2, places: [{ place: 'Paris, United States', count: 2 }] });
  });

  it('names every town of the name, most photos first, under one place that leads to them all', () => {
    expect(placesNamed(LOCATED, 'paris').named).toEqual({
      place: 'Paris',
      count: 5,
      places: [
        { place: 'Paris, France', count: 3 },
        { place: 'Paris, United States', count: 2 },
      ],
    });
  });

  it("a country's name is the country, not a town of that name", () => {
    expect(placesNamed(LOCATED, 'Italy').named).toEqual({ place: 'Italy', count: 4, places: [{ place: 'Italy', count: 4 }] });
  });

  it('counts and leads to exactly the photos the CLI lists for the same text', () => {
    for (const query of ['usa', 'UK', 'Paris', 'paris, usa', 'PARIS,', 'italy', 'Italy, United States', ', US', 'london, gb']) {
      const { photos, named } = placesNamed(LOCATED, query);
      expect(photos.map((p) => p.photo.path), query).toEqual(filtered(query));
      expect(named?.count, query).toBe(filtered(query).length);
      expect(filtered(named!.place), query).toEqual(filtered(query));
    }
  });

  it('names nothing for a query naming no place of the library', () => {
    for (const query of ['a dog on a beach', '', ' , ', 'Paris, Italy', 'Atlantis']) expect(placesNamed(LOCATED, query)).toEqual({ photos: [], named: null });
  });
});
