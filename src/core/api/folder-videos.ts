// How many of each library folder's items are videos, for the sidebar's folder rows ("20
// photos, 5 videos", as `status` says them apart: library-service.ts). The folders are asked
// for on every folders-changed and photos-changed, so the count is kept per photos version:
// one narrow read of the photos (listPhotoDates, as the timeline's) when they change.
import { isAtOrInside } from '../../base/path-inside';
import type { LibraryStore } from '../store/types';

type VideoStore = Pick<LibraryStore, 'photosVersion' | 'listPhotoDates'>;

const kept = new WeakMap<object, { version: string; paths: Promise<string[]> }>();

/** The paths of the library's videos (read again when the photos change). */
async function videoPaths(store: VideoStore): Promise<string[]> {
  const version = await store.photosVersion();
  const cached = kept.get(store);
  if (cached?.version === version) return cached.paths;
  const paths = store.listPhotoDates().then((photos) => photos.filter((p) => typeof p.durationMs === 'number').map((p) => p.path));
  kept.set(store, { version, paths });
  paths.catch(() => {
    if (kept.get(store)?.paths === paths) kept.delete(store);
  });
  return paths;
}

/** The videos at or under each folder, by folder (a folder with none is absent). */
export async function folderVideoCounts(store: VideoStore, folders: readonly string[]): Promise<Map<string, number>> {
  const videos = await videoPaths(store);
  const counts = new Map<string, number>();
  for (const folder of folders) {
    const n = videos.filter((p) => isAtOrInside(p, folder)).length;
    if (n > 0) counts.set(folder, n);
  }
  return counts;
}
