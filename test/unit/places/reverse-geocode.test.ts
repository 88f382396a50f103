// Naming positions with the shipped GeoNames table: the town a user would say, not the
// nearest point of the table (a district, a suburb), and no town where there is none.
import { describe, expect, it } from 'vitest';
import { PlaceFinder } from '../../../src/core/places/reverse-geocode';
import { placeLabel } from '../../../src/shared/place-name';

const finder = new PlaceFinder();
const at = (lat: number, lon: number) => {
  const place = finder.placeAt(lat, lon);
  return place ? placeLabel(place) : null;
};

describe('reverse geocoding', () => {
  it('names the city that covers a landmark, not the nearer point of a suburb or a district', () => {
    expect(at(48.8584, 2.2945)).toBe('Paris, France'); // Eiffel Tower (Neuilly-sur-Seine's point is nearer)
    expect(at(40.7484, -73.9857)).toBe('New York City, United States'); // Empire State Building (Gramercy Park is a district)
    expect(at(40.447, -3.7248)).toBe('Madrid, Spain'); // Moncloa-Aravaca is a district of Madrid
    expect(at(-33.8568, 151.2153)).toBe('Sydney, Australia'); // Opera House (The Rocks is nearer)
    expect(at(60.1467, 24.9068)).toBe('Helsinki, Finland');
  });

  it('names a small town that is not beside a city', () => {
    expect(at(43.4682, 11.8802)).toBe('Arezzo, Italy');
    expect(at(51.025, 7.5919)).toBe('Gummersbach, Germany');
    expect(at(-0.3713, 36.0565)).toBe('Nakuru, Kenya');
  });

  it('shows a town that shares its country\'s name once', () => {
    expect(at(1.2834, 103.8607)).toBe('Singapore');
  });

  it('has no place without a town within reach or without a valid position', () => {
    expect(at(0, -140)).toBeNull(); // the Pacific
    expect(at(0, 0)).toBeNull(); // "no GPS" written as zeros: the Gulf of Guinea
    expect(finder.placeAt(null, 11)).toBeNull();
    expect(finder.placeAt(91, 0)).toBeNull();
    expect(finder.placeAt(Number.NaN, 0)).toBeNull();
  });

  it('answers the same for every photo of a ~100 m cell, whichever asked first', () => {
    const a = new PlaceFinder();
    const b = new PlaceFinder();
    // Two positions in one cell, asked in opposite orders by two finders.
    const first = a.placeAt(43.46821, 11.88021);
    expect(b.placeAt(43.46819, 11.88019)).toEqual(first);
    expect(a.placeAt(43.46819, 11.88019)).toBe(first);
  });
});
