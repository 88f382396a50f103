// Which of the photos to export the user turned (Rotate), by path: the export writes their
// copies turned (album-export.ts). Turns are kept by content, so every copy of a photo has them.
import type { PhotoLookups, RotationRepository } from '../store/types';

export type ExportTurnsStore = Pick<PhotoLookups, 'photosByPath'> & Pick<RotationRepository, 'rotations'>;

/** The clockwise quarter turns (1-3) of those of `paths` that are turned; the rest are absent. */
export async function turnsByPath(store: ExportTurnsStore, paths: readonly string[]): Promise<Map<string, number>> {
  const rotations = await store.rotations();
  if (rotations.size === 0) return new Map();
  const rows = await store.photosByPath(paths);
  const out = new Map<string, number>();
  for (const [p, row] of rows) {
    const turns = rotations.get(row.hash);
    if (turns) out.set(p, turns);
  }
  return out;
}
