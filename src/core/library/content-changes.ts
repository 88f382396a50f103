// A photo whose file another program rewrote (a rating or keywords saved into it by digiKam,
// Lightroom or exiftool, a GPS tag from a geotagger, a lossless rotation) has new bytes, so a
// new content hash, and everything the user gave the photo is kept by content hash: its
// favourite, description, tag decisions, album pins, rotation, dates and places set by hand.
// The indexer finds such photos as it commits their new rows, and the library hands what the
// old content had to the new one (ChangedContentMarks) before the new row replaces the old: a crash
// in between hands it over again at the next run, and nothing is lost.
//
// Only where the file still shows the same picture: a file overwritten by another photo under
// the same name (a camera's IMG_0001.JPG copied over an old one) starts afresh. "The same" is
// what the duplicates review calls similar (CLIP cosine of the old and new embeddings), or the
// same capture time and camera, which a rotation keeps while its embedding moves.
import { DEFAULT_SIMILAR_THRESHOLD } from '../../shared/api';
import type { LibraryStore, PhotoRecord, PhotoSummary } from '../store/types';

/** One path's content replaced by another that shows the same picture. */
export interface ContentChange {
  path: string;
  /** The old content's hash. */
  from: string;
  /** The new content's hash. */
  to: string;
  /** Whether the user's Rotate still applies: the new file shows itself as the old one did
   *  (same orientation tag and size). A file another program turned needs no turn of ours. */
  turns: boolean;
  /** The new file's own date and place (restored by "Use the file's date/place"). */
  file: Pick<PhotoRecord, 'takenAt' | 'takenOffset' | 'gpsLat' | 'gpsLon'>;
}

/**
 * What the library does with the user's marks as rewritten files are indexed
 * (LibraryService.changedContentMarks). `carry` copies the old contents' marks to the new ones before
 * the new rows are committed (a crash in between carries them again). `release` takes the
 * marks off old contents no photo holds any more, once the run has committed everything: they
 * moved rather than copied, so a file changed back later, or another model's table still
 * naming the old content, brings back no mark taken off since (a photo of the old content
 * indexed later in the same run keeps them).
 */
export interface ChangedContentMarks {
  carry(changes: readonly ContentChange[]): Promise<void>;
  /** `moved`: each old content no photo holds now, with a new content it was carried to. */
  release(moved: readonly { from: string; to: string }[]): Promise<void>;
}

/** The old row of a path, as stored before the run replaces it; `takenAt` and `takenOffset`:
 *  its file's own date and offset (not those set by hand), for the capture-time rule and a
 *  row kept after a removal (removed-rows.ts). */
export type OldRow = PhotoSummary & { vector: Float32Array };

/** The stored rows at `paths`, with their vectors, as samePictureChanges compares them. */
export async function oldRowsAt(store: LibraryStore, paths: readonly string[]): Promise<Map<string, OldRow>> {
  const rows = await store.photosByPath(paths);
  const [vectors, dates] = await Promise.all([store.vectorsByHash([...new Set([...rows.values()].map((r) => r.hash))]), store.takenEdits()]);
  const before = new Map<string, OldRow>();
  for (const [p, row] of rows) {
    const vector = vectors.get(row.hash);
    // A row shows the date set by hand: the capture-time rule compares the file's own, and a
    // row kept after a removal gets the file's own date with its own offset back.
    const edit = dates.get(row.hash);
    if (vector) before.set(p, { ...row, vector, ...(edit ? { takenAt: edit.fileTakenAt, takenOffset: edit.fileTakenOffset } : {}) });
  }
  return before;
}

/** Of the rows about to be committed, those that replace a row of other content showing the same picture. */
export function samePictureChanges(records: readonly PhotoRecord[], before: ReadonlyMap<string, OldRow>): ContentChange[] {
  return records.flatMap((r): ContentChange[] => {
    const old = before.get(r.path);
    if (!old || old.hash === r.hash || !samePicture(old, r)) return [];
    const turns = old.orientation === r.orientation && old.width === r.width && old.height === r.height;
    return [{ path: r.path, from: old.hash, to: r.hash, turns, file: { takenAt: r.takenAt, takenOffset: r.takenOffset ?? null, gpsLat: r.gpsLat, gpsLon: r.gpsLon } }];
  });
}

function samePicture(old: OldRow, now: PhotoRecord): boolean {
  if (old.takenAt !== null && old.takenAt === now.takenAt && old.cameraModel === now.cameraModel) return true;
  return old.vector.length === now.vector.length && dot(old.vector, now.vector) >= DEFAULT_SIMILAR_THRESHOLD;
}

/** Cosine of two L2-normalised embeddings. */
function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
