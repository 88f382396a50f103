// Which photo of a group to keep. The ranking, criterion after criterion:
//  1. resolution of real detail (an enlarged copy, upscale-check.ts, counts the pixels of the
//     picture it was enlarged from, and loses a tie to the photo it was enlarged from);
//  2. the most complete EXIF as the camera wrote it (date taken, camera, GPS: the file's own,
//     never a date or place the user set by hand, fileExif below);
//  3. the larger file, sizes within a sliver of each other counting as one (size-tiers.ts:
//     a tag written into a copy adds bytes, not pixels);
//  4. the sharper (variance of the Laplacian on its thumbnail);
//  then, for copies equal on all of those: a real file inside a library folder over a link or
//  a file reached from outside (trashing the link leaves the real file; keeping a link to an
//  outside copy would trash the library's own file), a name that is not a copy's
//  ("Bridge.jpg" over "Bridge copy.jpg", which sorts first), the oldest file, the path.
//
// Why EXIF comes before size: at equal detail, a bigger file is not a better photo. A lossless
// re-save of a JPEG (`ffmpeg -i IMG_1001.JPG IMG_1001.png`, an export to PNG or TIFF) has no
// more detail than the JPEG it was made from, always more bytes, and usually no EXIF: kept
// over the camera original it would take the photo out of its place in the timeline (no date
// taken) and lose its camera, and the original would go to the trash. The metadata is what
// the user cannot get back; the bytes are not. The cases this order serves:
//  - a re-encode at a lower quality with its EXIF kept, beside the original: both carry the
//    EXIF, so size decides and the original (more bytes at a lower compression) stays;
//  - an original whose EXIF a cloud download stripped, beside a messenger copy: messengers
//    scale down (resolution keeps the original) and strip EXIF too (then size keeps it);
//  - an edited export with its EXIF kept (same pixels count): EXIF ties, size decides as it
//    did; the edit is a "near" duplicate the review shows, and the user may choose;
//  - a copy with a tag written into it (+100 bytes): EXIF ties, sizes tie within the band,
//    and the name ("X copy"), then the older file, keep the original.
// EXIF counts the file's own metadata, not the row's: a date or place set by hand (Date…,
// Place…) is the content's and shows on every row of it, so it says nothing of which file the
// camera wrote. Counted, it would let a PNG re-save the user dated and placed (it showed on the
// wrong day) tie with the camera JPEG, and size would keep the PNG.
// The cost: a same-resolution copy that kept more EXIF than a re-compressed original wins over
// it; it carries the date and camera the user relies on, and sharpness does not come first
// because a thumbnail's sharpness cannot tell a re-encode from its original.
//
// No rule by format: a JPEG without EXIF and a lossless file of the same pixels cannot be told
// apart as original and copy (a PNG re-save of a download, or a TIFF scan master and its JPEG
// access copy), and the lossless one holds every pixel the JPEG has, so the larger file (the
// lossless one) is kept: trashing it could lose detail, trashing the JPEG loses none.
//
// The order is total (every criterion compares a number of each photo, the size tier
// included, tiered per picture): a photo that is best in one group is best in every group it
// shares with the same photos, and a set of groups never trashes every copy of a picture. A
// symbolic link is never kept over the real file it points to (keepRealFiles, below); a hard
// link of the keeper (the same file under another name) is never trashed (trash-duplicates.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import type { KeepReason } from '../../shared/api';
import type { PhotoSummary, PlaceEdit, TakenEdit } from '../store/types';
import { lacksCameraDataOf } from './camera-caution';

export interface KeepCandidate {
  photo: Pick<PhotoSummary, 'path' | 'width' | 'height' | 'size' | 'mtimeMs' | 'takenAt' | 'cameraMake' | 'cameraModel' | 'gpsLat' | 'gpsLon'>;
  /** Focus measure of the photo's content; 0 when unknown. */
  sharpness: number;
  /** 0: a real file inside a library folder; 1: a link, a file reached from outside, or
   *  unknown (placementsOf). Absent: 0. */
  placement?: 0 | 1;
  /** By how much the content was enlarged from a smaller picture (upscale-check.ts); absent or
   *  1: not enlarged, or not measured (only members of groups whose pixel counts differ are). */
  upscale?: number;
  /** The size this photo counts as: the largest size of its tier, tiered over its picture's
   *  photos (size-tiers.ts, withSizeTiers). Absent: its own size. */
  sizeTier?: number;
}

/** The pixels a photo really has: an enlargement by f counts area / f². */
export function detailArea(c: KeepCandidate): number {
  const f = c.upscale ?? 1;
  return (c.photo.width * c.photo.height) / (f * f);
}

/** How many of date taken, camera and GPS `p` has. Give it the file's own (fileExif). */
export function exifCompleteness(p: KeepCandidate['photo']): number {
  return (p.takenAt !== null ? 1 : 0) + (p.cameraMake || p.cameraModel ? 1 : 0) + (p.gpsLat !== null && p.gpsLon !== null ? 1 : 0);
}

/** The hand edits fileExif undoes: the store's takenEdits() and placeEdits(), by content hash. */
export interface HandEdits {
  dates: ReadonlyMap<string, Pick<TakenEdit, 'fileTakenAt'>>;
  places: ReadonlyMap<string, Pick<PlaceEdit, 'fileGpsLat' | 'fileGpsLon'>>;
}

/** `row` with the date taken and GPS its file has (what the camera wrote), not those the user
 *  set by hand on its content: what keep-best's EXIF criterion counts. */
export function fileExif<R extends Pick<PhotoSummary, 'hash' | 'takenAt' | 'gpsLat' | 'gpsLon'>>(row: R, edits: HandEdits): R {
  const date = edits.dates.get(row.hash);
  const place = edits.places.get(row.hash);
  if (!date && !place) return row;
  return { ...row, ...(date ? { takenAt: date.fileTakenAt } : {}), ...(place ? { gpsLat: place.fileGpsLat, gpsLon: place.fileGpsLon } : {}) };
}

// The names file managers and browsers give a copy: "X copy", "X copy 2" (macOS), "X - Copy",
// "X - Copy (2)" (Windows), "Copy of X", "X (1)" (downloads), "X_copy", "X-copy2". Not "X-1"
// or "X_1": cameras and exports number originals that way.
const COPY_NAMES = [/[\s_-]copy(?:\s?\(\d{1,3}\)|[\s_-]?\d{1,3})?$/i, /^copy(?: \(\d{1,3}\))? of /i, /\s\(\d{1,3}\)$/];

/** Whether the file's name (without extension) is one a copy gets. */
export function isCopyName(file: string): boolean {
  const stem = path.basename(file, path.extname(file));
  return COPY_NAMES.some((re) => re.test(stem));
}

type Compare = (a: KeepCandidate, b: KeepCandidate) => number;
const area = (c: KeepCandidate) => c.photo.width * c.photo.height;
const upscaled = (c: KeepCandidate) => (c.upscale ?? 1) > 1;
const sizeOf = (c: KeepCandidate) => c.sizeTier ?? c.photo.size;

/** A modification time to the second: a copy's mtime keeps fewer sub-second digits than its
 *  source's (an import's copy has milliseconds of the card's nanoseconds, FAT keeps 2 s), so
 *  times within the same second are one, not the sub-second remainder deciding "the older file".
 *  By whole seconds, not by a difference, so the order stays total. */
const wholeSecond = (mtimeMs: number) => Math.floor(mtimeMs / 1000);

/** The ranking, one criterion after another (negative: `a` ahead), each named: the review says
 *  which one put its keeper ahead (keepReasons), so the reasons it gives are the ranking's own.
 *  Resolution is named 'not-upscaled' when the keeper has no more pixels than an enlarged copy
 *  it wins over, and 'resolution-without-camera' when the copy it wins over has the camera's
 *  EXIF the keeper lacks (camera-caution.ts: the keeper may be an enlarged copy). */
const CRITERIA: readonly (readonly [KeepReason, Compare])[] = [
  ['resolution', (a, b) => detailArea(b) - detailArea(a)],
  ['not-upscaled', (a, b) => (a.upscale ?? 1) - (b.upscale ?? 1)],
  ['exif', (a, b) => exifCompleteness(b.photo) - exifCompleteness(a.photo)],
  ['size', (a, b) => sizeOf(b) - sizeOf(a)],
  ['sharpness', (a, b) => b.sharpness - a.sharpness],
  ['real-file', (a, b) => (a.placement ?? 0) - (b.placement ?? 0)],
  ['name', (a, b) => Number(isCopyName(a.photo.path)) - Number(isCopyName(b.photo.path))],
  ['older', (a, b) => wholeSecond(a.photo.mtimeMs) - wholeSecond(b.photo.mtimeMs)],
  ['path', (a, b) => (a.photo.path < b.photo.path ? -1 : a.photo.path > b.photo.path ? 1 : 0)],
];

/** Negative when `a` is the better one to keep. */
export function compareForKeeping(a: KeepCandidate, b: KeepCandidate): number {
  for (const [, compare] of CRITERIA) {
    const order = compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The criterion that puts `keeper` ahead of each of `others`, each once, in the ranking's order.
 * An other that ranks ahead of the keeper (the library changed since the scan, a link kept over
 * its target by keepRealFiles) gives no reason rather than a false one.
 */
export function keepReasons(keeper: KeepCandidate, others: readonly KeepCandidate[]): KeepReason[] {
  const found = new Set<KeepReason>();
  for (const other of others) {
    for (const [reason, compare] of CRITERIA) {
      const order = compare(keeper, other);
      if (order < 0) found.add(reason === 'resolution' ? resolutionReason(keeper, other) : reason);
      if (order !== 0) break;
    }
  }
  return REASON_ORDER.filter((r) => found.has(r));
}

/** How resolution puts `keeper` ahead of `other`: as the original of an enlarged copy, as more
 *  pixels than a copy with the camera's EXIF it lacks (a caution: camera-caution.ts), or plainly. */
function resolutionReason(keeper: KeepCandidate, other: KeepCandidate): KeepReason {
  if (upscaled(other) && area(other) >= area(keeper)) return 'not-upscaled';
  return lacksCameraDataOf(keeper.photo, other.photo) ? 'resolution-without-camera' : 'resolution';
}

/** The reasons in the ranking's order, each variant of resolution beside it. */
const REASON_ORDER: readonly KeepReason[] = CRITERIA.flatMap(([reason]): KeepReason[] => (reason === 'resolution' ? ['resolution-without-camera', reason] : [reason]));

/**
 * Each path's placement on disk as it is now: 0 when it is a real file (not a link) whose
 * real path is inside a library folder (real path too), else 1. `libraryFolders`: as stored.
 */
export async function placementsOf(paths: Iterable<string>, libraryFolders: readonly string[]): Promise<Map<string, 0 | 1>> {
  const folders = (await Promise.all(libraryFolders.map((f) => fs.realpath(f).catch(() => null)))).filter((f): f is string => f !== null);
  const unique = [...new Set(paths)];
  const placed = await Promise.all(
    unique.map(async (file): Promise<0 | 1> => {
      try {
        if ((await fs.lstat(file)).isSymbolicLink()) return 1;
        const real = await fs.realpath(file);
        return folders.some((f) => isAtOrInside(real, f)) ? 0 : 1;
      } catch {
        return 1;
      }
    }),
  );
  return new Map(unique.map((file, i) => [file, placed[i]!]));
}

/**
 * How a path stands to the file it names: its real path (links and linked folders resolved)
 * and how direct it is: 0 the path is the real path, 1 a real directory entry reached through
 * a linked folder, 2 a symbolic link. null when it cannot be resolved (gone, a dangling link).
 */
export interface FileIdentity {
  real: string;
  directness: 0 | 1 | 2;
}

export async function fileIdentity(file: string): Promise<FileIdentity | null> {
  try {
    const [real, st] = await Promise.all([fs.realpath(file), fs.lstat(file)]);
    return { real, directness: real === file ? 0 : st.isSymbolicLink() ? 2 : 1 };
  } catch {
    return null;
  }
}

/**
 * The scan compares rows, and a symbolic link's row is the same bytes, size and sharpness as
 * its target's, so the path alone could make the link the keeper and send the only real file
 * to the trash. Here, members naming the same real file are ordered most direct first, in the
 * place of the first of them: the real file is kept over every link to it, and the order
 * between different files (keep-best's) is unchanged. Resolved on disk as it is now.
 */
export async function keepRealFiles<G extends { keep: string; members: readonly { path: string }[] }>(groups: readonly G[]): Promise<G[]> {
  const identities = new Map<string, Promise<FileIdentity | null>>();
  const identity = (file: string) => {
    let known = identities.get(file);
    if (!known) identities.set(file, (known = fileIdentity(file)));
    return known;
  };
  const out: G[] = [];
  for (const group of groups) {
    const ids = await Promise.all(group.members.map((m) => identity(m.path)));
    // The first position of each real file in keep-best order, then directness.
    const firstAt = new Map<string, number>();
    ids.forEach((id, i) => {
      if (id && !firstAt.has(id.real)) firstAt.set(id.real, i);
    });
    const rank = (i: number): [number, number, number] => {
      const id = ids[i];
      return id ? [firstAt.get(id.real)!, id.directness, i] : [i, 0, i];
    };
    const order = group.members.map((_, i) => i).sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    });
    if (order.every((k, i) => k === i)) {
      out.push(group);
      continue;
    }
    const members = order.map((i) => group.members[i]!);
    out.push({ ...group, keep: members[0]!.path, members });
  }
  return out;
}
