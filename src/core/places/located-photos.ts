// Every photo of the library with the place it was taken in, kept per store and photos
// version (favourites and tags do not move a photo): the Places list, the place filters of search and albums, and the timeline's place
// views all read it. One narrow read of the photos (path, hash, times, position) and a cached
// lookup per ~100 m cell: at 100k photos it costs what the timeline's own read costs, once.
import type { PhotoPlace } from '../../shared/api';
import type { LibraryStore, PhotoDates } from '../store/types';
import { PlaceFinder } from './reverse-geocode';
import { photoDatesOf } from '../store/photo-dates';
import { isVideo } from './places-summary';

export interface LocatedPhoto {
  photo: PhotoDates;
  place: PhotoPlace;
}

export interface LocatedPhotos {
  /** The photos a town was found for. */
  located: LocatedPhoto[];
  /** Photos with a GPS position but no town within reach (at sea, a wilderness). */
  unplaced: number;
  /** Of those, how many are videos. */
  unplacedVideos: number;
  /** The contents of those photos (`timeline({ farFromTowns: true })`: the Places page's note
   *  leads there, so a mistyped position can be found and set again). */
  farFromTowns: Set<string>;
  /** The contents of photos without a position (none recorded, none set): those to give a place. */
  withoutPosition: Set<string>;
  /** How many photos (paths) that is. */
  withoutPositionCount: number;
  /** Of those, how many are videos (the Places page says them apart). */
  withoutPositionVideos: number;
}

export type LocatedStore = Pick<LibraryStore, 'photosVersion' | 'listPhotoDates'>;

/** One finder per process: its cell cache holds for every library (positions do not change names). */
const finder = new PlaceFinder();
const cache = new WeakMap<object, { version: string; result: Promise<LocatedPhotos> }>();

export function placeOf(photo: Pick<PhotoDates, 'gpsLat' | 'gpsLon'>): PhotoPlace | null {
  return finder.placeAt(photo.gpsLat, photo.gpsLon);
}

export async function locatedPhotos(store: LocatedStore): Promise<LocatedPhotos> {
  const version = await store.photosVersion();
  const kept = cache.get(store);
  if (kept?.version === version) return kept.result;
  const result = photoDatesOf(store).then((photos) => {
    const located: LocatedPhoto[] = [];
    let unplaced = 0;
    let unplacedVideos = 0;
    const farFromTowns = new Set<string>();
    const withoutPosition = new Set<string>();
    let withoutPositionCount = 0;
    let withoutPositionVideos = 0;
    for (const photo of photos) {
      if (photo.gpsLat == null || photo.gpsLon == null) {
        withoutPosition.add(photo.hash);
        withoutPositionCount++;
        if (isVideo(photo)) withoutPositionVideos++;
        continue;
      }
      const place = placeOf(photo);
      if (place) located.push({ photo, place });
      else {
        unplaced++;
        farFromTowns.add(photo.hash);
        if (isVideo(photo)) unplacedVideos++;
      }
    }
    return { located, unplaced, unplacedVideos, farFromTowns, withoutPosition, withoutPositionCount, withoutPositionVideos };
  });
  cache.set(store, { version, result });
  result.catch(() => {
    if (cache.get(store)?.result === result) cache.delete(store);
  });
  return result;
}
