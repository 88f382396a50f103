// The file name extensions of photos: a file that is not a recognisable image is reported as
// a failed photo only when its name says it is one (a broken "IMG_001.jpg" is; a "notes.pdf"
// is simply not a photo), and a query term that names a file is an image term when its
// name says so. Content decides what a file is (sniff.ts); the name only decides these.
import path from 'node:path';

const PHOTO_EXTENSIONS = new Set([
  '.jpg', '.jpeg', '.jpe', '.jfif', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff', '.heic', '.heif', '.hif',
  '.dng', '.cr2', '.cr3', '.nef', '.nrw', '.arw', '.srf', '.sr2', '.orf', '.rw2', '.pef', '.srw', '.raf',
]);

export function hasPhotoExtension(file: string): boolean {
  return PHOTO_EXTENSIONS.has(path.extname(file).toLowerCase());
}
