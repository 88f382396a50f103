// Favourites: the photos a user marks by hand, kept by content in the library (store
// favourites-repository.ts), so a favourite follows a renamed or moved photo, identical copies
// are one favourite, and every device of a shared library sees them. The policy is here once:
// the app (setFavourites, by id) and the CLI (`shoebox favourites`, by path) both come through
// markFavourites. Every photo the library lists shows `favourite` (photo-views.ts); the
// timeline and search filter by it (timeline-api.ts, search/filters.ts).
import path from 'node:path';
import type { BatchResult } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId } from './photo-id';
import { toListing, type PhotoListing } from './photo-views';

/** The CLI's share: by path, with what was marked and what the library does not hold. */
export interface FavouritesForeground {
  /** Marks (or unmarks) the photos at these paths; `missing`: paths the library does not hold. */
  markFavourites(paths: string[], favourite: boolean): Promise<{ marked: string[]; missing: string[] }>;
  /** Every favourite photo of the library (each copy of a favourite content), by path. */
  favouritePhotos(): Promise<PhotoListing[]>;
}

/** One write for all the photos; the paths the library does not hold are returned, not failed. */
async function markFavourites(lib: LibraryService, paths: readonly string[], favourite: boolean): Promise<{ marked: string[]; missing: string[] }> {
  const wanted = [...new Set(paths.map((p) => path.resolve(p)))];
  const store = await lib.writable();
  const rows = await store.photosByPath(wanted);
  await store.setFavourites([...new Set([...rows.values()].map((r) => r.hash))], favourite);
  return { marked: wanted.filter((p) => rows.has(p)), missing: wanted.filter((p) => !rows.has(p)) };
}

export function favouritesApi(ctx: ApiContext): ApiMethods<'setFavourites'> & FavouritesForeground {
  // One change at a time: two selections marked at once (or a selection and the duplicates
  // trash's hand-over) must not interleave their writes.
  const serial = ctx.writes.favourites;
  const mark = async (paths: string[], favourite: boolean) => {
    const lib = await ctx.need();
    const result = await serial(() => markFavourites(lib, paths, favourite));
    // Every view showing these photos draws its hearts again.
    if (result.marked.length) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
    return result;
  };
  return {
    async setFavourites(ids: string[], favourite: boolean): Promise<BatchResult> {
      const unique = [...new Set(ids)];
      const paths = unique.flatMap((id) => pathFromPhotoId(id) ?? []);
      const { marked } = await mark(paths, favourite);
      return { done: marked.length, missing: unique.length - marked.length };
    },

    markFavourites: mark,

    async favouritePhotos(): Promise<PhotoListing[]> {
      const store = await (await ctx.need()).readable();
      const favourites = await store.favouriteHashes();
      if (favourites.size === 0) return [];
      // Every model's photos (listPhotoDates merges them), not only the active model's: a copy
      // embedded by another model, or a device reading without a model, still lists them.
      const paths = (await store.listPhotoDates()).filter((p) => favourites.has(p.hash)).map((p) => p.path).sort();
      const rows = await store.photosByPath(paths);
      return paths.flatMap((p) => {
        const row = rows.get(p);
        return row ? [toListing(row, favourites)] : [];
      });
    },
  };
}
