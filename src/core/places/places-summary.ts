// The Places list: the library's located photos grouped by country, then by town, most
// photos first, each group with its newest photo as the cover.
import type { LocatedPhoto } from './located-photos';
import { placeLabel } from '../../shared/place-name';

export interface TownGroup {
  city: string;
  /** "Arezzo, Italy": what the place filters take. */
  label: string;
  count: number;
  /** Of `count`, how many are videos (the app and the CLI say them apart). */
  videos: number;
  coverPath: string;
  /** The mean position of its photos (the longitude's around the circle). */
  lat: number;
  lon: number;
}

export interface CountryGroup {
  country: string;
  countryCode: string;
  count: number;
  /** Of `count`, how many are videos. */
  videos: number;
  coverPath: string;
  towns: TownGroup[];
}

/** A video has a length; a photo has none. */
export function isVideo(photo: Pick<LocatedPhoto['photo'], 'durationMs'>): boolean {
  return typeof photo.durationMs === 'number';
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

/** Most photos first; equal counts by name, so the order does not change between reads. */
function mostFirst(a: { count: number; name: string }, b: { count: number; name: string }): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}

interface TownTally {
  name: string;
  label: string;
  count: number;
  videos: number;
  newest: Newest | null;
  at: PositionSums;
}

interface CountryTally {
  name: string;
  countryCode: string;
  count: number;
  videos: number;
  newest: Newest | null;
  towns: Map<string, TownTally>;
}

export function groupPlaces(located: readonly LocatedPhoto[]): CountryGroup[] {
  const countries = new Map<string, CountryTally>();
  for (const { photo, place } of located) {
    let country = countries.get(place.countryCode);
    if (!country) countries.set(place.countryCode, (country = { name: place.country, countryCode: place.countryCode, count: 0, videos: 0, newest: null, towns: new Map() }));
    const video = isVideo(photo) ? 1 : 0;
    country.count++;
    country.videos += video;
    country.newest = newer(country.newest, photo);
    let town = country.towns.get(place.city);
    if (!town) country.towns.set(place.city, (town = { name: place.city, label: placeLabel(place), count: 0, videos: 0, newest: null, at: { lat: 0, sin: 0, cos: 0 } }));
    town.count++;
    town.videos += video;
    town.newest = newer(town.newest, photo);
    addPosition(town.at, photo);
  }
  return [...countries.values()].sort(mostFirst).map((c) => ({
    country: c.name,
    countryCode: c.countryCode,
    count: c.count,
    videos: c.videos,
    coverPath: c.newest!.path,
    towns: [...c.towns.values()].sort(mostFirst).map((t) => ({ city: t.name, label: t.label, count: t.count, videos: t.videos, coverPath: t.newest!.path, ...meanPosition(t.at, t.count) })),
  }));
}
