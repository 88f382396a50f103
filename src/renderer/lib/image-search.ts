// A search by a dropped image is no address of its own: the image lives in the page only, so
// its URL (IMAGE_HASH, route.ts) opens All photos. A page opened on it (a reload) says why the
// search is gone, rather than leaving the user on All photos wondering where it went.
import { IMAGE_HASH } from './route';

/** Whether a page's hash is a search by image's, which a reload cannot bring back. */
export function lostImageSearch(hash: string): boolean {
  return hash === IMAGE_HASH || hash.startsWith(`${IMAGE_HASH}?`);
}

/** The note All photos shows in its place. */
export const LOST_IMAGE_SEARCH_NOTE = 'The search by image is gone after the reload (the image is not kept): drop it again, or use “Search by image…”.';
