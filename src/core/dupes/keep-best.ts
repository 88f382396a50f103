// Which photo of a group to keep: the highest resolution, then the largest file, then the
// sharpest (variance of the Laplacian on its thumbnail), then the most complete EXIF (date
// taken, camera, GPS), and finally the path, so the choice is a total order: a photo that is
// best in one group is best in every group it shares with the same photos, and a set of
// groups never trashes every copy of a picture. A symbolic link is never kept over the real
// file it points to (keepRealFiles, below).
import fs from 'node:fs/promises';
import type { PhotoSummary } from '../store/types';

export interface KeepCandidate {
  photo: Pick<PhotoSummary, 'path' | 'width' | 'height' | 'size' | 'takenAt' | 'cameraMake' | 'cameraModel' | 'gpsLat' | 'gpsLon'>;
  /** Focus measure of the photo's content; 0 when unknown. */
  sharpness: number;
}

export function exifCompleteness(p: KeepCandidate['photo']): number {
  return (p.takenAt !== null ? 1 : 0) + (p.cameraMake || p.cameraModel ? 1 : 0) + (p.gpsLat !== null && p.gpsLon !== null ? 1 : 0);
}

/** Negative when `a` is the better one to keep. */
export function compareForKeeping(a: KeepCandidate, b: KeepCandidate): number {
  return (
    b.photo.width * b.photo.height - a.photo.width * a.photo.height ||
    b.photo.size - a.photo.size ||
    b.sharpness - a.sharpness ||
    exifCompleteness(b.photo) - exifCompleteness(a.photo) ||
    (a.photo.path < b.photo.path ? -1 : a.photo.path > b.photo.path ? 1 : 0)
  );
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
