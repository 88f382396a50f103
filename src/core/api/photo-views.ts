// Store records as LibraryApi shows them: plain JSON, named by id, without the vector.
import type { Photo, PhotoDetails, PhotoHit } from '../../shared/api';
import type { PhotoRecord, PhotoSummary } from '../store/types';
import { photoId } from './photo-id';

export function toPhoto(p: PhotoSummary): Photo {
  return { id: photoId(p.path), path: p.path, folder: p.folder, width: p.width, height: p.height, takenAt: p.takenAt };
}

export function toHit(p: PhotoSummary, score: number): PhotoHit {
  return { ...toPhoto(p), score };
}

export function toDetails(p: PhotoRecord | PhotoSummary): PhotoDetails {
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
  };
}
