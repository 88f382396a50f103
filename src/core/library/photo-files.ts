// Which files count as photos. Content decides (sniffed magic bytes); the extension only
// decides whether a file that is NOT a recognisable image is worth reporting as a failure
// (a broken "IMG_001.jpg" is; a "notes.pdf" is simply not a photo).
import fs from 'node:fs/promises';
import path from 'node:path';

const PHOTO_EXTENSIONS = new Set([
  '.jpg', '.jpeg', '.jpe', '.jfif', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff', '.heic', '.heif', '.hif',
  '.dng', '.cr2', '.cr3', '.nef', '.nrw', '.arw', '.srf', '.sr2', '.orf', '.rw2', '.pef', '.srw', '.raf',
]);

export function hasPhotoExtension(file: string): boolean {
  return PHOTO_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** The first bytes of a file, enough to sniff its format without reading it whole. */
export async function readHead(file: string, bytes = 4096): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
