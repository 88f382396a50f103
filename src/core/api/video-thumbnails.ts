// A video's thumbnail made again when the library's copy cannot be read (a second device of a
// shared library, a cleared thumbs folder or device cache). A photo's is cut from its original
// by image-files.ts; a video's is its poster frame, which takes ffmpeg: the indexer's own code
// path (library/video-poster.ts), with ffmpeg found as the indexer finds it. It is stored back
// under the row's key, so that ffmpeg runs once per video and device, not on every grid view.
import fs from 'node:fs/promises';
import { locateFfmpeg, sniffVideo, thumbnailKey, type ThumbnailStore } from '../media';
import { posterThumbnail } from '../library/video-poster';
import type { PhotoSummary } from '../store/types';

/** The indexer's thumbnail size (indexer.ts: the long side). */
const THUMB_SIDE = 384;
/** ffmpeg runs at once: a screen of videos without thumbnails must not start one per tile. */
const AT_ONCE = 2;
/** A video on a drive that stops answering must not hold a turn for ever (a poster takes well under a second). */
const GIVE_UP_MS = 60_000;

type VideoRow = Pick<PhotoSummary, 'path' | 'hash' | 'size' | 'mtimeMs' | 'thumbKey'>;

const inFlight = new Map<string, Promise<Buffer | null>>();
let running = 0;
const waiting: (() => void)[] = [];

/**
 * The video's thumbnail made from its file, or null as for a photo whose original cannot be
 * read: the file is not reachable, no longer a video, damaged, or there is no ffmpeg.
 * `thumbs.write`, when given, keeps it in the library's thumbnails (and this device's cache).
 */
export function remakeVideoThumbnail(video: VideoRow, thumbs: Partial<Pick<ThumbnailStore, 'write'>>): Promise<Buffer | null> {
  // The grid and the viewer may ask for the same poster at once: one ffmpeg run answers both.
  const pending = inFlight.get(video.path);
  if (pending) return pending;
  const made = remake(video, thumbs).finally(() => inFlight.delete(video.path));
  inFlight.set(video.path, made);
  return made;
}

async function remake(video: VideoRow, thumbs: Partial<Pick<ThumbnailStore, 'write'>>): Promise<Buffer | null> {
  const file = await stillAVideo(video.path);
  if (!file) return null;
  const ffmpeg = findFfmpeg();
  if (!ffmpeg) return null;
  const jpeg = await inTurn(() => posterThumbnail(ffmpeg, video.path, THUMB_SIDE, AbortSignal.timeout(GIVE_UP_MS))).catch(() => null);
  if (!jpeg) return null;
  // Thumbnails are named by content: a file changed since indexing is not that content.
  const unchanged = file.size === video.size && Math.floor(file.mtimeMs) === video.mtimeMs;
  if (unchanged && thumbs.write) await thumbs.write(video.thumbKey || thumbnailKey(video.hash), jpeg).catch(() => false); // not stored: made again next time
  return jpeg;
}

function findFfmpeg(): string | null {
  try {
    return locateFfmpeg()?.path ?? null;
  } catch {
    return null; // SHOEBOX_FFMPEG names no binary: the indexer says so; here it is as without ffmpeg
  }
}

/** The file's stat when it is still a video (as readLibraryVideo checks before serving one). */
async function stillAVideo(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const st = await handle.stat();
    if (!st.isFile()) return null;
    const head = Buffer.alloc(64);
    await handle.read(head, 0, head.length, 0);
    return sniffVideo(head) ? st : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** Runs `work` once fewer than AT_ONCE others are running. */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  while (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}
