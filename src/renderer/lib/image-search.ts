// A search by image (a file picked with "Search by image…" or dropped on the window): a file
// that is no image is refused before the view changes, so the user stays where they were.
// Its results are no address of their own: the image lives in the page only, so Back and
// Forward bring them back but their URL (IMAGE_HASH, route.ts) opened anew shows All photos;
// a page opened on it (a reload) says why the search is gone, rather than leaving the user on
// All photos wondering where it went.
import { IMAGE_HASH } from './route';

/** Whether a page's hash is a search by image's, which a reload cannot bring back. */
export function lostImageSearch(hash: string): boolean {
  return hash === IMAGE_HASH || hash.startsWith(`${IMAGE_HASH}?`);
}

/** The note All photos shows in its place. */
export const LOST_IMAGE_SEARCH_NOTE = 'The search by image is gone after the reload (the image is not kept): drop it again, or use “Search by image…”.';

/** How many of a file's first bytes tell whether it is an image (imageHead). */
export const IMAGE_HEAD_BYTES = 16;

const ascii = (head: Uint8Array, from: number, to: number) => String.fromCharCode(...head.subarray(from, to));

/**
 * Whether a file's first bytes are an image's, of a format the engine reads (the magic numbers
 * of src/core/media/sniff.ts, which the renderer may not import): JPEG, PNG, WebP, GIF, HEIC
 * and AVIF (and Canon CR3: ISO-BMFF), TIFF and the camera RAWs built on it, Fujifilm RAF. The
 * type the browser gives is no guide (often empty, or guessed from the name). An image the
 * engine cannot decode all the same is still refused by the search itself.
 */
export function imageHead(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return true;
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return true;
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return true;
  if (['GIF87a', 'GIF89a'].includes(ascii(head, 0, 6))) return true;
  if (ascii(head, 4, 8) === 'ftyp') return true;
  if (ascii(head, 0, 15) === 'FUJIFILMCCD-RAW') return true;
  return ['II*\0', 'MM\0*', 'II+\0', 'MM\0+', 'IIRO', 'IIRS', 'MMOR', 'IIU\0'].includes(ascii(head, 0, 4));
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
