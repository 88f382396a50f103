// A search by image (a file picked with "Search by image…" or dropped on the window): a file
// that is no image is refused before the view changes, so the user stays where they were.
// Its results are no address of their own: the image lives in the page only, so Back and
// Forward bring them back but their URL (IMAGE_HASH, route.ts) opened anew shows All photos;
// a page opened on it (a reload) says why the search is gone, rather than leaving the user on
// All photos wondering where it went.
import { IMAGE_MAGIC_BYTES, imageMagic } from '../../shared/image-magic';
import { IMAGE_HASH } from './route';

/** Whether a page's hash is a search by image's, which a reload cannot bring back. */
export function lostImageSearch(hash: string): boolean {
  return hash === IMAGE_HASH || hash.startsWith(`${IMAGE_HASH}?`);
}

/** The note All photos shows in its place. */
export const LOST_IMAGE_SEARCH_NOTE = 'The search by image is gone after the reload (the image is not kept): drop it again, or use “Search by image…”.';

/** How many of a file's first bytes tell whether it is an image (imageHead). */
export const IMAGE_HEAD_BYTES = IMAGE_MAGIC_BYTES;

/**
 * Whether a file's first bytes are an image's, of a format the engine reads: the engine's own
 * magic numbers (src/shared/image-magic.ts, which src/core/media/sniff.ts starts from), so a
 * movie (MP4, QuickTime: ISO-BMFF like HEIC, but not a photo's brands) is refused here as the
 * engine would refuse it, before the view changes. The type the browser gives is no guide
 * (often empty, or guessed from the name). An image the engine cannot decode all the same is
 * still refused by the search itself.
 */
export function imageHead(head: Uint8Array): boolean {
  return imageMagic(head) !== null;
}

/** What a file picked or dropped to search by is refused with, in one line, when it is no image. */
export function notAnImageText(name: string): string {
  return `${name || 'That file'} is not an image: search by a photo (JPEG, PNG, HEIC, WebP…).`;
}

/** Null when `file` looks like an image to search by; else the line that refuses it. */
export async function imageFileRefusal(file: File): Promise<string | null> {
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, IMAGE_HEAD_BYTES).arrayBuffer());
  } catch {
    return null; // unreadable: reading it for the search says why
  }
  return imageHead(head) ? null : notAnImageText(file.name);
}
