// LibraryApi's Places: the library's photos by country and town, named offline from their GPS
// positions (src/core/places), each group with its newest photo as the cover. Nothing is
// stored: a library indexed before Places existed has them at once, and every device of a
// shared library names them the same way.
import type { PlaceCountry, PlacesSummary } from '../../shared/api';
import { locatedPhotos } from '../places/located-photos';
import { placesNamed } from '../places/places-named';
import { groupPlaces } from '../places/places-summary';
import type { ApiContext, ApiMethods } from './api-context';
import { readMarks, toPhoto } from './photo-views';

export function placesApi(ctx: ApiContext): ApiMethods<'places'> {
  return {
    async places(query?: string): Promise<PlacesSummary> {
      const lib = await ctx.open();
      if (!lib) return { countries: [], located: 0, unplaced: 0, withoutPlace: 0, ...(query === undefined ? {} : { named: null }) };
      const store = await lib.readable();
      const all = await locatedPhotos(store);
      // A query narrows the answer to the photos it names: no place of theirs is unknown.
      const named = query === undefined ? null : placesNamed(all.located, query);
      const located = named ? named.photos : all.located;
      const { unplaced, unplacedVideos, withoutPositionCount, withoutPositionVideos } = named ? { unplaced: 0, unplacedVideos: 0, withoutPositionCount: 0, withoutPositionVideos: 0 } : all;
      const groups = groupPlaces(located);
      const locatedVideos = groups.reduce((n, c) => n + c.videos, 0);
      const covers = new Set(groups.flatMap((c) => [c.coverPath, ...c.towns.map((t) => t.coverPath)]));
      const [rows, marks] = await Promise.all([store.photosByPath([...covers]), readMarks(store)]);
      const cover = (p: string) => {
        const row = rows.get(p);
        return row ? toPhoto(row, marks) : null;
      };
      // A cover removed between the two reads leaves its group out until the next read.
      const countries = groups.flatMap((c): PlaceCountry[] => {
        const countryCover = cover(c.coverPath);
        if (!countryCover) return [];
        const towns = c.towns.flatMap((t) => {
          const townCover = cover(t.coverPath);
          return townCover ? [{ city: t.city, place: t.label, count: t.count, ...someVideos(t.videos), cover: townCover, lat: t.lat, lon: t.lon }] : [];
        });
        return [{ country: c.country, countryCode: c.countryCode, place: c.country, count: c.count, ...someVideos(c.videos), cover: countryCover, towns }];
      });
      return {
        countries,
        located: located.length,
        ...(locatedVideos ? { locatedVideos } : {}),
        unplaced,
        ...(unplacedVideos ? { unplacedVideos } : {}),
        withoutPlace: withoutPositionCount,
        ...(withoutPositionVideos ? { withoutPlaceVideos: withoutPositionVideos } : {}),
        ...(named ? { named: named.named } : {}),
      };
    },
  };
}

/** A count's videos, said only when there are some (absent: none, as `withoutPlaceVideos`). */
function someVideos(videos: number): { videos?: number } {
  return videos ? { videos } : {};
}
