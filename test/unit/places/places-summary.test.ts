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

function photo(path: string, place: PhotoPlace, takenAt: number | null, mtimeMs = 0, at: [number, number] = [1, 1]): LocatedPhoto {
  return { photo: { path, hash: path, takenAt, mtimeMs, indexedAt: 0, gpsLat: at[0], gpsLon: at[1] }, place };
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

  it("puts a town on the map at its photos' mean position, across the antimeridian too", () => {
    const SUVA: PhotoPlace = { city: 'Taveuni', country: 'Fiji', countryCode: 'FJ' };
    const [fiji] = groupPlaces([photo('/p/x.jpg', SUVA, 1, 0, [-16.8, 179.9]), photo('/p/y.jpg', SUVA, 2, 0, [-16.9, -179.9])]);
    expect(fiji!.towns[0]!.lat).toBeCloseTo(-16.85, 6);
    expect(Math.abs(fiji!.towns[0]!.lon)).toBeCloseTo(180, 6);
    const [italy] = groupPlaces([photo('/p/a.jpg', AREZZO, 1, 0, [43.4, 11.8]), photo('/p/b.jpg', AREZZO, 2, 0, [43.6, 12.0])]);
    expect(italy!.towns[0]!.lat).toBeCloseTo(43.5, 6);
    expect(italy!.towns[0]!.lon).toBeCloseTo(11.9, 3);
  });

  it('is empty without located photos', () => {
    expect(groupPlaces([])).toEqual([]);
  });
});
