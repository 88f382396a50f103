// Photo records with hand-made vectors; no test hooks here, so child processes can import it.
import path from 'node:path';
import type { PhotoRecord } from '../../../src/core/store/types';

export const MODEL = { id: 'ViT-B-32__openai', dimension: 4 };

/** A unit vector along the given direction. */
export function unit(...components: number[]): Float32Array {
  const v = Float32Array.from(components);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

export function photo(filePath: string, overrides: Partial<PhotoRecord> = {}): PhotoRecord {
  return {
    path: filePath,
    folder: path.dirname(filePath),
    size: 1234,
    mtimeMs: 1_700_000_000_123.25,
    hash: `hash-of-${filePath}`,
    width: 640,
    height: 480,
    takenAt: null,
    cameraMake: null,
    cameraModel: null,
    gpsLat: null,
    gpsLon: null,
    orientation: null,
    modelId: MODEL.id,
    vector: unit(1, 0, 0, 0),
    thumbKey: 'ab/abcdef.webp',
    indexedAt: 1_700_000_100_000,
    ...overrides,
  };
}

