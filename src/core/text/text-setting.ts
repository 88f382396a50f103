// The library setting "Text in photos" (library_settings, name `textInPhotos`). Off by
// default: reading a photo's text costs 230-330 ms of CPU on the reference machine
// (bench/ocr.ts), about as much as embedding it, so it would more than halve the index
// rate; issue #14 asks for opt-in with the cost shown when it exceeds 25%.
import type { LibrarySettings } from '../store/types';

export const TEXT_IN_PHOTOS = 'textInPhotos';

export async function textInPhotosEnabled(store: Pick<LibrarySettings, 'getLibrarySetting'>): Promise<boolean> {
  const json = await store.getLibrarySetting(TEXT_IN_PHOTOS);
  if (json === null) return false;
  try {
    return JSON.parse(json) === true;
  } catch {
    return false; // an unreadable value is the default
  }
}

export async function setTextInPhotos(store: Pick<LibrarySettings, 'putLibrarySetting'>, on: boolean): Promise<void> {
  await store.putLibrarySetting(TEXT_IN_PHOTOS, JSON.stringify(on));
}
