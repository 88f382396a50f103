// When a rewritten file counts as the same picture (its marks go to its new content), and
// when the user's Rotate still applies to it.
import { describe, expect, it } from 'vitest';
import { samePictureChanges, type OldRow } from '../../../src/core/library/content-changes';
import type { PhotoRecord } from '../../../src/core/store/types';

function unit(values: number[]): Float32Array {
  const v = Float32Array.from(values);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function row(hash: string, vector: Float32Array, extra: Partial<PhotoRecord> = {}): PhotoRecord {
  return {
    path: '/photos/a.jpg', folder: '/photos', size: 1, mtimeMs: 1, hash, width: 400, height: 300, takenAt: null, cameraMake: null, cameraModel: null,
    gpsLat: null, gpsLon: null, orientation: null, modelId: 'm', vector, thumbKey: 'k', indexedAt: 1, ...extra,
  };
}

const old = (extra: Partial<PhotoRecord> = {}, vector = unit([1, 0, 0])): Map<string, OldRow> => new Map([['/photos/a.jpg', row('old', vector, extra)]]);

describe('samePictureChanges', () => {
  it('hands over when the embedding is as close as a similar duplicate, with the turn when the file shows itself as before', () => {
    const changes = samePictureChanges([row('new', unit([1, 0.05, 0]), { takenAt: 5, gpsLat: 1, gpsLon: 2 })], old());
    expect(changes).toEqual([{ path: '/photos/a.jpg', from: 'old', to: 'new', turns: true, file: { takenAt: 5, takenOffset: null, gpsLat: 1, gpsLon: 2 } }]);
  });

  it('does not for a different picture under the same name', () => {
    expect(samePictureChanges([row('new', unit([0, 1, 0]))], old())).toEqual([]);
    // The same content (nothing changed) or a path with no old row: nothing to hand over.
    expect(samePictureChanges([row('old', unit([1, 0, 0]))], old())).toEqual([]);
    expect(samePictureChanges([row('new', unit([1, 0, 0]), { path: '/photos/b.jpg' })], old())).toEqual([]);
  });

  it('hands over a photo another program turned (same capture time and camera), without the user’s turn', () => {
    const shot = { takenAt: 1_600_000_000_000, cameraModel: 'X100V' };
    const turned = row('new', unit([0.2, 1, 0]), { ...shot, orientation: 6, width: 300, height: 400 });
    expect(samePictureChanges([turned], old({ ...shot, orientation: 1 }))).toMatchObject([{ to: 'new', turns: false }]);
    // Another camera at the same second is another picture.
    expect(samePictureChanges([{ ...turned, cameraModel: 'iPhone 15' }], old({ ...shot, orientation: 1 }))).toEqual([]);
  });
});
