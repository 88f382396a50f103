// Store records as LibraryApi shows them: plain JSON, named by id, without the vector.
import type { Photo, PhotoDetails, PhotoHit, PhotoTag } from '../../shared/api';
import type { PhotoRecord, PhotoSummary, TagRecord } from '../store/types';
import { photoId } from './photo-id';

export function toPhoto(p: PhotoSummary): Photo {
  return {
    id: photoId(p.path),
    path: p.path,
    folder: p.folder,
    width: p.width,
    height: p.height,
    takenAt: p.takenAt,
    ...(typeof p.takenOffset === 'number' ? { takenOffset: p.takenOffset } : {}),
  };
}

export function toHit(p: PhotoSummary, score: number): PhotoHit {
  return { ...toPhoto(p), score };
}

/** Tags as the API shows them, best score first. */
export function toTags(tags: readonly TagRecord[]): PhotoTag[] {
  return tags.map((t) => ({ set: t.set, label: t.label, score: t.score, state: t.state })).sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

export function toDetails(p: PhotoRecord | PhotoSummary, tags: readonly TagRecord[] = []): PhotoDetails {
  return {
    ...toPhoto(p),
    size: p.size,
    mtimeMs: p.mtimeMs,
    cameraMake: p.cameraMake,
    cameraModel: p.cameraModel,
    gpsLat: p.gpsLat,
    gpsLon: p.gpsLon,
    modelId: p.modelId,
    indexedAt: p.indexedAt,
    tags: toTags(tags),
  };
}
