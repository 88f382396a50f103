// The places a search query names, with how many photos: what the app offers above search
// results ("Photos taken in Paris"), decided here so it is exactly what `shoebox places QUERY`
// and the place filters take the same text to mean (place-query.ts), aliases ("USA", "UK")
// and towns of one name in several countries included.
import type { PlacesNamed } from '../../shared/api';
import type { LocatedPhoto } from './located-photos';
import { namesCountries, placeMatcher } from './place-query';
import { groupPlaces } from './places-summary';

export interface NamedPhotos {
  /** The library's photos taken where the query names. */
  photos: LocatedPhoto[];
  /** What to offer for them; null when the query names no photo's place. */
  named: PlacesNamed | null;
}

export function placesNamed(located: readonly LocatedPhoto[], query: string): NamedPhotos {
  const test = placeMatcher(query);
  const photos = test ? located.filter((p) => test(p.place)) : [];
  if (photos.length === 0) return { photos, named: null };
  const groups = groupPlaces(photos);
  // A country named lists the country; a town named, that town in each country that has one.
  const places: { place: string; count: number; city?: string }[] = namesCountries(query)
    ? groups.map((c) => ({ place: c.country, count: c.count }))
    : groups.flatMap((c) => c.towns.map((t) => ({ place: t.label, count: t.count, city: t.city }))).sort((a, b) => b.count - a.count || a.place.localeCompare(b.place));
  const first = places[0]!;
  // One place: its name as the Places list writes it ("United States" for "usa"). Several towns:
  // the town's name as spelt in the library ("Paris"), with the country where one was typed.
  const nice = places.length > 1 && first.city !== undefined && !query.includes(',') ? first.city : first.place;
  // The name offered must lead to the very photos counted; where it would not, the query itself does.
  const place = sameCount(located, nice, photos.length) ? nice : query.trim();
  return { photos, named: { place, count: photos.length, ...videosOf(groups), places: places.map(({ place, count }) => ({ place, count })) } };
}

function sameCount(located: readonly LocatedPhoto[], text: string, count: number): boolean {
  const test = placeMatcher(text);
  return test !== null && located.reduce((n, p) => n + (test(p.place) ? 1 : 0), 0) === count;
}

/** The named photos' videos, when there are any (the offer says them apart: "3 photos, 1 video"). */
function videosOf(groups: readonly { videos: number }[]): { videos?: number } {
  const videos = groups.reduce((n, c) => n + c.videos, 0);
  return videos ? { videos } : {};
}
