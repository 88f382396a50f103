// Which photo of a group to keep: the highest resolution, then the largest file, then the
// sharpest (variance of the Laplacian on its thumbnail), then the most complete EXIF (date
// taken, camera, GPS), and finally the path, so the choice is a total order: a photo that is
// best in one group is best in every group it shares with the same photos, and a set of
// groups never trashes every copy of a picture.
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
