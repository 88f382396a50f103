// What `folders map` says of each library folder it mapped (shared so a front end that shows
// the outcome says the same). A new place that holds none of the folder's photos (an empty
// folder: not synced or not mounted yet; or another folder) is said then, not only by a later
// `status`: the mapping is made all the same, as the user may be about to sync.
import { countText } from './count-text';

/**
 * `folder`: the library folder, `place`: where it is on this device now, `photos`: the
 * library's photos of it, `holdsNone`: the place holds none of them (FoldersMapped.holdingNone).
 */
export function mappedFolderLine(folder: string, place: string, photos: number, holdsNone: boolean): string {
  if (!holdsNone) return `${folder} is ${place} on this device (${countText(photos, 'photo')})`;
  const none = photos === 1 ? 'does not hold its photo' : `holds none of its ${countText(photos, 'photo')}`;
  return `${folder} mapped, but ${place} ${none} (not synced yet, or another folder?)`;
}
