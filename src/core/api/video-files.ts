// A library video's bytes for the transports that play it: `shoebox serve`'s /video route
// and Electron's shoebox://app/video. A <video> element reads a file in ranged requests
// (it starts with `bytes=0-` and seeks), so this answers ranges and never reads a whole video.
//
// As for images (image-files.ts), only library rows are served: the id is looked up in the
// store, the row must be a video, and the file must still be the one indexed (its size, and
// its mtime as recorded or shifted only as a clock shifts it: indexed-file-check.ts) and sniff
// as a video when it is read.
import fs from 'node:fs/promises';
import type { LibraryStore } from '../store/types';
import { sniffVideo } from '../media';
import { contentRange, parseByteRange } from '../../base/byte-range';
import { videoStillIndexed } from './indexed-file-check';
import { pathFromPhotoId } from './photo-id';

/** Largest piece sent for an open-ended range: the browser asks again for the rest. */
const MAX_CHUNK = 4 * 1024 * 1024;

export interface VideoPiece {
  /** 206 with a range, 200 for the whole (small) file, 416 for a range past the end. */
  status: 200 | 206 | 416;
  contentType: string;
  /** The whole file's size. */
  size: number;
  /** Content-Range, for 206 and 416. */
  contentRange?: string;
  data: Uint8Array;
}

/** The piece of a library video `rangeHeader` asks for; null when `id` names no library video. */
export async function readLibraryVideo(store: Pick<LibraryStore, 'photosByPath'>, id: string, rangeHeader: string | null | undefined): Promise<VideoPiece | null> {
  const file = pathFromPhotoId(id);
  if (!file) return null;
  const row = (await store.photosByPath([file])).get(file);
  if (!row || typeof row.durationMs !== 'number') return null;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile() || !videoStillIndexed(st, row)) return null; // changed since it was indexed
    const head = Buffer.alloc(64);
    await handle.read(head, 0, 64, 0);
    const sniffed = sniffVideo(head);
    if (!sniffed) return null; // replaced by something that is not a video since indexing
    const size = st.size;
    const range = parseByteRange(rangeHeader, size, MAX_CHUNK);
    if (range === 'unsatisfiable') return { status: 416, contentType: sniffed.mime, size, contentRange: contentRange(null, size), data: new Uint8Array(0) };
    // No range: the whole file if small, else its first piece as a 206 (browsers accept it).
    const piece = range ?? (size <= MAX_CHUNK ? null : { start: 0, end: MAX_CHUNK - 1 });
    const start = piece?.start ?? 0;
    const length = piece ? piece.end - piece.start + 1 : size;
    const data = Buffer.alloc(length);
    const { bytesRead } = await handle.read(data, 0, length, start);
    const got = data.subarray(0, bytesRead);
    if (!piece) return { status: 200, contentType: sniffed.mime, size, data: got };
    return { status: 206, contentType: sniffed.mime, size, contentRange: contentRange({ start, end: start + bytesRead - 1 }, size), data: got };
  } finally {
    await handle.close();
  }
}
