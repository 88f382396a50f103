// The Places list's order and covers: most photos first (names break ties), the newest photo
// of each group on top, whatever order the store returns them in.
import { describe, expect, it } from 'vitest';
import type { PhotoPlace } from '../../../src/shared/api';
import { groupPlaces } from '../../../src/core/places/places-summary';
import type { LocatedPhoto } from '../../../src/core/places/located-photos';

const AREZZO: PhotoPlace = { city: 'Arezzo', country: 'Italy', countryCode: 'IT' };
const FLORENCE: PhotoPlace = { city: 'Florence', country: 'Italy', countryCode: 'IT' };
const PARIS: PhotoPlace = { city: 'Paris', country: 'France', countryCode: 'FR' };
const LYON: PhotoPlace = { city: 'Lyon', country: 'France', countryCode: 'FR' };
const OSLO: PhotoPlace = { city: 'Oslo', country: 'Norway', countryCode: 'NO' };

function photo(path: string, place: PhotoPlace, takenAt: number | null, mtimeMs = 0): LocatedPhoto {
  return { photo: { path, hash: path, takenAt, mtimeMs, indexedAt: 0, gpsLat: 1, gpsLon: 1 }, place };
}

describe('groupPlaces', () => {
  const located = [
    photo('/p/a1.jpg', AREZZO, 100),
    photo('/p/f1.jpg', FLORENCE, 400),
    photo('/p/a2.jpg', AREZZO, 300),
    photo('/p/p1.jpg', PARIS, 50),
    photo('/p/l1.jpg', LYON, null, 500), // no date taken: the file's time
    photo('/p/o1.jpg', OSLO, 10),
    photo('/p/o2.jpg', OSLO, 20),
  ];

  it('orders countries and towns by their number of photos, then by name', () => {
    const groups = groupPlaces(located);
    expect(groups.map((c) => [c.country, c.count])).toEqual([
      ['Italy', 3],
      ['France', 2],
      ['Norway', 2],
    ]);
    expect(groups[0]!.towns.map((t) => [t.label, t.count])).toEqual([
      ['Arezzo, Italy', 2],
      ['Florence, Italy', 1],
    ]);
    expect(groups[1]!.towns.map((t) => t.city)).toEqual(['Lyon', 'Paris']);
  });

  it('covers each group with its newest photo (the file time when no date was taken)', () => {
    const groups = groupPlaces(located);
    expect(groups[0]!.coverPath).toBe('/p/f1.jpg');
    expect(groups[0]!.towns[0]!.coverPath).toBe('/p/a2.jpg');
    expect(groups[1]!.coverPath).toBe('/p/l1.jpg');
    expect(groupPlaces([...located].reverse())).toEqual(groups);
  });

  it('is empty without located photos', () => {
    expect(groupPlaces([])).toEqual([]);
  });
});
