// How many of each library folder's items are videos, for the sidebar's folder rows ("20
// photos, 5 videos", as `status` says them apart: library-service.ts). The folders are asked
// for on every folders-changed and photos-changed, so the count is kept per photos version:
// one narrow read of the photos (store/photo-dates.ts, shared with the timeline, Places and the folder filter) when they change.
import { isAtOrInside } from '../../base/path-inside';
import { photoDatesOf, type PhotoDatesStore } from '../store/photo-dates';

type VideoStore = PhotoDatesStore;

/** The paths of the library's videos (read again when the photos change). */
async function videoPaths(store: VideoStore): Promise<string[]> {
  return (await photoDatesOf(store)).filter((p) => typeof p.durationMs === 'number').map((p) => p.path);
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
