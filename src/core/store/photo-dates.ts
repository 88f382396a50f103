// Every photo's path, hash and times (the store's narrow listPhotoDates), read once per photos
// version and shared by what the app asks for on every refresh while a library is indexed or
// followed from another device (the timeline, Places, each folder's videos, the folder
// filter's choices): each reading it for itself read the whole library several times a refresh.
import type { LibraryStore, PhotoDates } from './types';

export type PhotoDatesStore = Pick<LibraryStore, 'photosVersion' | 'listPhotoDates'>;

const kept = new WeakMap<object, { version: string; photos: Promise<PhotoDates[]> }>();

/** The store's photos as listPhotoDates gives them, read again only when the photos change. */
export async function photoDatesOf(store: PhotoDatesStore): Promise<PhotoDates[]> {
  const version = await store.photosVersion();
  const cached = kept.get(store);
  if (cached?.version === version) return cached.photos;
  const photos = store.listPhotoDates();
  kept.set(store, { version, photos });
  // A failed read is not kept: the next ask reads again.
  photos.catch(() => {
    if (kept.get(store)?.photos === photos) kept.delete(store);
  });
  return photos;
}
