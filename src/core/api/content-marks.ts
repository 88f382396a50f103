// The policy shared by the marks a user puts on photos by hand and the library keeps by
// content (favourites-api.ts, archive-api.ts): so a mark follows a renamed or moved photo,
// identical copies are marked together, and every device of a shared library sees it. The
// app marks by photo id, the CLI by path; both come through `mark`, one write for all the
// photos, paths the library does not hold returned rather than failed.
import path from 'node:path';
import type { BatchResult } from '../../shared/api';
import type { OneAtATime } from '../../base/one-at-a-time';
import type { LibraryStore } from '../store/types';
import type { ApiContext } from './api-context';
import { pathFromPhotoId, photoId } from './photo-id';
import { readMarks, toListing, type PhotoListing } from './photo-views';

/** One kind of mark: its table's write queue and its store calls. */
export interface ContentMark {
  readonly queue: OneAtATime;
  set(store: LibraryStore, hashes: string[], on: boolean): Promise<void>;
  hashes(store: LibraryStore): Promise<ReadonlySet<string>>;
}

/**
 * What marking photos by path did. `changed`: of `marked`, the paths this call changed (the
 * others were so already). `copies`: the library's other paths of the same content as a
 * changed one, not asked for, that changed with it (a mark is the content's: archiving a
 * photo archives its exact copies too, so they are said, not left to be missed).
 * `changedVideos` / `unchangedVideos`: how many of `changed` / of the others are videos, so a
 * front end says "archived 1 video" (itemsText), never calling a video a photo.
 */
export interface MarkByPathResult {
  marked: string[];
  missing: string[];
  unchanged: number;
  changed: string[];
  copies: string[];
  changedVideos: number;
  unchangedVideos: number;
}

/** The app's BatchResult, with how many copies not asked for changed with the photos (`copies`). */
export interface MarkResult extends BatchResult {
  copies: number;
}

export interface ContentMarks {
  /** Marks (or unmarks) the photos at these paths; `missing`: paths the library does not hold. */
  byPath(paths: string[], on: boolean): Promise<MarkByPathResult>;
  /** The same by photo id, as the app asks. */
  byId(ids: string[], on: boolean): Promise<MarkResult>;
  /** Every marked photo of the library (each copy of a marked content), by path. */
  photos(): Promise<PhotoListing[]>;
}

export function contentMarks(ctx: ApiContext, kind: ContentMark): ContentMarks {
  const byPath = async (paths: string[], on: boolean): Promise<MarkByPathResult> => {
    const lib = await ctx.need();
    // One change at a time: two selections marked at once (or a selection and the duplicates
    // trash's hand-over) must not interleave their writes.
    const result = await kind.queue(async () => {
      const wanted = [...new Set(paths.map((p) => path.resolve(p)))];
      const store = await lib.writable();
      const rows = await store.photosByPath(wanted);
      const before = await kind.hashes(store);
      await kind.set(store, [...new Set([...rows.values()].map((r) => r.hash))], on);
      const changed = wanted.filter((p) => rows.has(p) && before.has(rows.get(p)!.hash) !== on);
      // The other paths of a content that changed: marked (or unmarked) with it, not asked for.
      const asked = new Set(wanted);
      const changedHashes = [...new Set(changed.map((p) => rows.get(p)!.hash))];
      const copies = changedHashes.length ? [...(await store.libraryPathsByHash(changedHashes)).values()].flat().filter((p) => !asked.has(p)).sort() : [];
      const marked = wanted.filter((p) => rows.has(p));
      // A video's row has its length (as export-videos.ts tells them apart).
      const isVideo = (p: string) => typeof rows.get(p)?.durationMs === 'number';
      const changedVideos = changed.filter(isVideo).length;
      const unchangedVideos = marked.filter(isVideo).length - changedVideos;
      return { marked, missing: wanted.filter((p) => !rows.has(p)), unchanged: rows.size - changed.length, changed, copies: [...new Set(copies)], changedVideos, unchangedVideos };
    });
    // Every view showing these photos draws them again (their badges, the timelines they leave).
    if (result.marked.length) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
    return result;
  };
  return {
    byPath,
    async byId(ids, on) {
      const unique = [...new Set(ids)];
      const { marked, unchanged, changed, copies, changedVideos, unchangedVideos } = await byPath(unique.flatMap((id) => pathFromPhotoId(id) ?? []), on);
      // The videos too: the app's line says them apart ("Archived 2 photos, 1 video."), as the CLI does.
      return { done: marked.length, missing: unique.length - marked.length, unchanged, changed: changed.map((p) => photoId(p)), copies: copies.length, ...(changedVideos ? { changedVideos } : {}), ...(unchangedVideos ? { unchangedVideos } : {}) };
    },
    async photos() {
      const store = await (await ctx.need()).readable();
      const hashes = await kind.hashes(store);
      if (hashes.size === 0) return [];
      // Every model's photos (listPhotoDates merges them), not only the active model's: a copy
      // embedded by another model, or a device reading without a model, still lists them.
      const paths = (await store.listPhotoDates()).filter((p) => hashes.has(p.hash)).map((p) => p.path).sort();
      const [rows, marks] = await Promise.all([store.photosByPath(paths), readMarks(store)]);
      return paths.flatMap((p) => {
        const row = rows.get(p);
        return row ? [toListing(row, marks)] : [];
      });
    },
  };
}
