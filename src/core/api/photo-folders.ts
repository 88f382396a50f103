// LibraryApi's photoFolders: the folders a folder filter can narrow to, for the app to offer
// as choices. The filter itself (SearchFilters.folder, search's --folder) takes any folder and
// matches the photos at or under it (search/filters.ts, store/sql.ts underFolder); this lists
// the library folders and every folder below one that holds photos, with how many photos are
// at or under each, and how many of those are videos (the choice says them apart, as the
// sidebar's folder rows do: "videos (4 videos)", never "4 photos"). One read of every photo's path (the narrow listPhotoDates the timeline
// reads too), kept per photos version, so asking again after a favourite or a tag costs nothing.
import path from 'node:path';
import type { PhotoFolder } from '../../shared/api';
import type { LibraryStore } from '../store/types';
import type { ApiContext, ApiMethods } from './api-context';
import { photoDatesOf } from '../store/photo-dates';

/** The most folders listed: a choice list beyond this is not read. The library folders are
 *  always listed; then the shallowest subfolders first (a whole level before the next). */
export const MAX_PHOTO_FOLDERS = 500;

type FoldersStore = Pick<LibraryStore, 'photosVersion' | 'listPhotoDates' | 'listFolders'>;

/** A library item for the counts: its path alone (a photo), or with whether it is a video. */
export type FolderItem = string | { path: string; video: boolean };
const cache = new WeakMap<object, { version: string; result: Promise<PhotoFolder[]> }>();

/**
 * Each library folder (`roots`) and each folder under one that holds photos, with the photos at
 * or under it, in path order (a folder before its subfolders). Photos under no root are left out;
 * a photo under nested roots counts in the innermost's tree (and in the outer's, as a subfolder of it).
 */
export function photoFolderCounts(roots: readonly string[], photoPaths: Iterable<FolderItem>, max = MAX_PHOTO_FOLDERS, sep = path.sep): PhotoFolder[] {
  const dirname = (p: string) => {
    const cut = p.lastIndexOf(sep);
    return cut <= 0 ? sep : p.slice(0, cut);
  };
  const rootSet = new Set(roots.map((r) => (r.length > 1 && r.endsWith(sep) ? r.slice(0, -1) : r)));
  const counts = new Map<string, number>([...rootSet].map((r) => [r, 0]));
  const videoCounts = new Map<string, number>();
  // Which root a photo's folder is under (null: none), found once per folder, not per photo.
  const rootOf = new Map<string, string | null>();
  const findRoot = (dir: string): string | null => {
    const known = rootOf.get(dir);
    if (known !== undefined) return known;
    const found = rootSet.has(dir) ? dir : dir === sep || dirname(dir) === dir ? null : findRoot(dirname(dir));
    rootOf.set(dir, found);
    return found;
  };
  for (const item of photoPaths) {
    const photo = typeof item === 'string' ? item : item.path;
    const video = typeof item !== 'string' && item.video;
    let dir = dirname(photo);
    let root = findRoot(dir);
    if (root === null) continue;
    // Up from the photo's own folder to the root: each holds it. An outer root holding this
    // root goes on counting it as its subfolder.
    for (;;) {
      counts.set(dir, (counts.get(dir) ?? 0) + 1);
      if (video) videoCounts.set(dir, (videoCounts.get(dir) ?? 0) + 1);
      if (dir === root) {
        const outer: string | null = dir === sep ? null : findRoot(dirname(dir));
        if (outer === null) break;
        root = outer;
      }
      dir = dirname(dir);
    }
  }
  const depth = (p: string) => p.split(sep).length;
  const subfolders = [...counts.keys()].filter((p) => !rootSet.has(p)).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const kept = [...rootSet, ...subfolders.slice(0, Math.max(0, max - rootSet.size))];
  // Path order by components, so "a/b" comes right after "a", before "a b" and "a-c".
  const key = (p: string) => p.split(sep);
  const byComponents = (a: string, b: string) => {
    const x = key(a);
    const y = key(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return x.length - y.length;
  };
  return kept.sort(byComponents).map((p) => {
    const videos = videoCounts.get(p) ?? 0;
    return { path: p, photos: counts.get(p) ?? 0, ...(videos ? { videos } : {}) };
  });
}

/** photoFolderCounts of the store's photos, read once per photos version. */
export async function photoFolders(store: FoldersStore): Promise<PhotoFolder[]> {
  const [version, folders] = await Promise.all([store.photosVersion(), store.listFolders()]);
  const roots = folders.map((f) => f.path);
  const key = `${version}|${JSON.stringify(roots)}`;
  const kept = cache.get(store);
  if (kept?.version === key) return kept.result;
  const result = photoDatesOf(store).then((photos) => photoFolderCounts(roots, photos.map((p) => ({ path: p.path, video: typeof p.durationMs === 'number' }))));
  cache.set(store, { version: key, result });
  result.catch(() => {
    if (cache.get(store)?.result === result) cache.delete(store);
  });
  return result;
}

export function photoFoldersApi(ctx: ApiContext): ApiMethods<'photoFolders'> {
  return {
    async photoFolders(): Promise<PhotoFolder[]> {
      const lib = await ctx.open();
      return lib ? photoFolders(await lib.readable()) : [];
    },
  };
}
