// The bytes behind a photo's image URLs (thumbnail and full image), for the transports that
// serve them: `shoebox serve`'s /thumb and /image routes and Electron's shoebox://app/thumb.
//
// Only photos in the library are ever served: the id is decoded and the path looked up in
// the store, so a path that is not a library photo (../, /etc/passwd, a symlink someone put
// in a folder after indexing) names nothing. Originals are served only while they are still
// the files indexed (their size and mtime, or, with the mtime moved, their content hash:
// indexed-file-check.ts) and their bytes still an image: a photo replaced by a symlink to a
// private file after indexing does not leak that file. A photo the user turned (Rotate) is served turned:
// every view (grid, viewer, slideshow, duplicates) shows it so; the file stays as it is.
// A video's thumbnail is its poster frame; missing, it is made again from the video
// (video-thumbnails.ts). Its full image is not served: the viewer plays the video.
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { LibraryStore, PhotoSummary } from '../store/types';
import { sniffImage, toSharpInput, type ImageFormat, type ThumbnailReader, type ThumbnailStore } from '../media';
import { photoStillIndexed } from './indexed-file-check';
import { pathFromPhotoId } from './photo-id';
import { knownThumbKey } from './thumb-keys';
import { remakeVideoThumbnail } from './video-thumbnails';
import type { ImageKind } from '../../shared/serve-access';

/** The contract's type (src/shared), one per concept. */
export type { ImageKind };

export interface ImageFile {
  contentType: string;
  data: Uint8Array;
}

/** Formats every browser shows as they are; the rest (HEIC, TIFF, RAW) become a JPEG. */
const BROWSER_FORMATS = new Set<ImageFormat>(['jpeg', 'png', 'webp', 'gif', 'avif']);
/** Long side of a converted full image, and of a thumbnail made on demand. */
const PREVIEW_SIDE = 2560;
const THUMB_SIDE = 384;
/** Larger files are not photos we serve (a RAW can be 100 MB; a video is not a photo). */
const MAX_ORIGINAL_BYTES = 512 * 1024 * 1024;

/** `thumbs.write`, when given, stores a video's thumbnail made again (a photo's is cheap to make). */
export async function readLibraryImage(store: LibraryStore, thumbs: ThumbnailReader & Partial<Pick<ThumbnailStore, 'write'>>, id: string, kind: ImageKind): Promise<ImageFile | null> {
  const photoPath = pathFromPhotoId(id);
  if (!photoPath) return null;
  // A photo this process just showed: its thumbnail without a store lookup (thumb-keys.ts).
  const known = kind === 'thumb' ? knownThumbKey(photoPath) : undefined;
  if (known) {
    const jpeg = await thumbs.read(known.key).catch(() => null);
    if (jpeg) return { contentType: 'image/jpeg', data: await turned(jpeg, known.turns) };
  }
  // Any model's row: thumbnails are content-addressed, and browsing does not wait for embeddings.
  const [photo, rotations] = await Promise.all([store.photosByPath([photoPath]).then((rows) => rows.get(photoPath)), store.rotations()]);
  if (!photo) return null;
  const turns = rotations.get(photo.hash) ?? 0;
  if (kind === 'thumb' && photo.thumbKey) {
    // From the library's files (an S3 library's through this device's cache), so a device
    // that cannot reach the original still shows it; missing (thumbs folder cleared): made
    // again from the original below.
    const jpeg = await thumbs.read(photo.thumbKey).catch(() => null);
    if (jpeg) return { contentType: 'image/jpeg', data: await turned(jpeg, turns) };
  }
  if (typeof photo.durationMs === 'number') {
    if (kind !== 'thumb') return null;
    const poster = await remakeVideoThumbnail(photo, thumbs);
    return poster ? { contentType: 'image/jpeg', data: await turned(poster, turns) } : null;
  }
  const original = await readImageFile(photo);
  if (!original) return null;
  if (kind === 'image' && BROWSER_FORMATS.has(original.format) && turns === 0) return { contentType: original.mime, data: original.bytes };
  // A turned photo's full image keeps every pixel (the viewer zooms to 100% and beyond).
  const side = kind === 'thumb' ? THUMB_SIDE : BROWSER_FORMATS.has(original.format) ? null : PREVIEW_SIDE;
  return { contentType: 'image/jpeg', data: await toJpeg(original.bytes, original.format, side, turns) };
}

/** A thumbnail as the user turned its photo (a few milliseconds for one of 384 px). */
async function turned(jpeg: Buffer, turns: number): Promise<Buffer> {
  return turns === 0 ? jpeg : sharp(jpeg).rotate(turns * 90).jpeg({ quality: 86 }).toBuffer();
}

/** The original's bytes, if it is still the file indexed (size, mtime or content) and still an image. */
async function readImageFile(photo: Pick<PhotoSummary, 'path' | 'size' | 'mtimeMs' | 'hash'>): Promise<{ bytes: Buffer; format: ImageFormat; mime: string } | null> {
  let handle: fs.FileHandle | undefined;
  try {
    // A FIFO named like a photo would block open(): only a regular file is opened.
    if (!(await fs.stat(photo.path)).isFile()) return null;
    // Stat and read through one handle: the path cannot be swapped between the check and the read.
    handle = await fs.open(photo.path, 'r');
    const st = await handle.stat();
    // Another size is another file (read only once it is indexed again).
    if (!st.isFile() || st.size > MAX_ORIGINAL_BYTES || st.size !== photo.size) return null;
    const bytes = await handle.readFile();
    if (!photoStillIndexed(st, bytes, photo)) return null;
    const sniffed = sniffImage(bytes);
    return sniffed ? { bytes, format: sniffed.format, mime: sniffed.mime } : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** Upright by the file's own orientation, then turned as the user turned it; `side`: the long side at most (null: as it is). */
async function toJpeg(bytes: Buffer, format: ImageFormat, side: number | null, turns: number): Promise<Buffer> {
  const input = await toSharpInput(bytes, format);
  const image = Buffer.isBuffer(input) ? sharp(input, { autoOrient: true }) : sharp(input.data, { raw: input.info });
  if (turns !== 0) image.rotate(turns * 90);
  if (side !== null) image.resize(side, side, { fit: 'inside', withoutEnlargement: true });
  return image.jpeg({ quality: side === null ? 92 : 86 }).toBuffer();
}
