// Which of the items to export are videos, by path: the export's report counts photos and videos
// apart ("3 photos, 1 video"), as status and the grid do; a video is never called a photo.
import type { PhotoLookups } from '../store/types';

/** The paths of `paths` the library holds as videos (a row with a length). */
export async function videosAmong(store: Pick<PhotoLookups, 'photosByPath'>, paths: readonly string[]): Promise<Set<string>> {
  const rows = await store.photosByPath(paths);
  return new Set([...rows].filter(([, row]) => typeof row.durationMs === 'number').map(([p]) => p));
}
