// The Places list: the library's located photos grouped by country, then by town, most
// photos first, each group with its newest photo as the cover.
import type { LocatedPhoto } from './located-photos';
import { placeLabel } from './reverse-geocode';

export interface TownGroup {
  city: string;
  /** "Arezzo, Italy": what the place filters take. */
  label: string;
  count: number;
  coverPath: string;
  /** The mean position of its photos (the longitude's around the circle). */
  lat: number;
  lon: number;
}

export interface CountryGroup {
  country: string;
  countryCode: string;
  count: number;
  coverPath: string;
  towns: TownGroup[];
}

interface Newest {
  path: string;
  date: number;
}

function newer(a: Newest | null, photo: LocatedPhoto['photo']): Newest {
  const date = photo.takenAt ?? photo.mtimeMs;
  // Equal dates: the first path in order, so the cover does not change between reads.
  return a && (a.date > date || (a.date === date && a.path < photo.path)) ? a : { path: photo.path, date };
}

/** Sums for a mean position: latitudes as they are, longitudes as unit vectors (a mean of
 *  179° and -179° is 180°, not 0°). */
interface PositionSums {
  lat: number;
  sin: number;
  cos: number;
}

const RAD = Math.PI / 180;

function addPosition(sums: PositionSums, photo: LocatedPhoto['photo']): void {
  sums.lat += photo.gpsLat ?? 0;
  sums.sin += Math.sin((photo.gpsLon ?? 0) * RAD);
  sums.cos += Math.cos((photo.gpsLon ?? 0) * RAD);
}

function meanPosition(sums: PositionSums, count: number): { lat: number; lon: number } {
  return { lat: sums.lat / count, lon: Math.atan2(sums.sin, sums.cos) / RAD };
}

function mostFirst<T extends { count: number; name: string }>(a: T, b: T): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}

export function groupPlaces(located: readonly LocatedPhoto[]): CountryGroup[] {
  const countries = new Map<string, { country: string; count: number; newest: Newest | null; towns: Map<string, { city: string; label: string; count: number; newest: Newest | null; at: PositionSums }> }>();
  for (const { photo, place } of located) {
    let country = countries.get(place.countryCode);
    if (!country) countries.set(place.countryCode, (country = { country: place.country, count: 0, newest: null, towns: new Map() }));
    country.count++;
    country.newest = newer(country.newest, photo);
    let town = country.towns.get(place.city);
    if (!town) country.towns.set(place.city, (town = { city: place.city, label: placeLabel(place), count: 0, newest: null, at: { lat: 0, sin: 0, cos: 0 } }));
    town.count++;
    town.newest = newer(town.newest, photo);
    addPosition(town.at, photo);
  }
  return [...countries]
    .map(([countryCode, c]) => ({
      name: c.country,
      count: c.count,
      group: {
        country: c.country,
        countryCode,
        count: c.count,
        coverPath: c.newest!.path,
        towns: [...c.towns.values()]
          .map((t) => ({ name: t.city, count: t.count, town: { city: t.city, label: t.label, count: t.count, coverPath: t.newest!.path, ...meanPosition(t.at, t.count) } }))
          .sort(mostFirst)
          .map((t) => t.town),
      },
    }))
    .sort(mostFirst)
    .map((c) => c.group);
}
