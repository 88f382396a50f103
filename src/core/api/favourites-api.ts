// Favourites: the photos a user marks by hand, kept by content in the library (content-marks.ts
// has the policy). The app (setFavourites, by id) and the CLI (`shoebox favourites`, by path)
// both come through it. Every photo the library lists shows `favourite` (photo-views.ts); the
// timeline and search filter by it (timeline-api.ts, search/filters.ts).
import type { ApiContext, ApiMethods } from './api-context';
import { contentMarks, type MarkByPathResult } from './content-marks';
import type { PhotoListing } from './photo-views';

/** The CLI's share: by path, with what was marked and what the library does not hold. */
export interface FavouritesForeground {
  /** Marks (or unmarks) the photos at these paths; `missing`: paths the library does not hold;
   *  `copies`: the other paths of their content, which changed with them. */
  markFavourites(paths: string[], favourite: boolean): Promise<MarkByPathResult>;
  /** Every favourite photo of the library (each copy of a favourite content), by path. */
  favouritePhotos(): Promise<PhotoListing[]>;
}

export function favouritesApi(ctx: ApiContext): ApiMethods<'setFavourites'> & FavouritesForeground {
  const marks = contentMarks(ctx, {
    queue: ctx.writes.favourites,
    set: (store, hashes, on) => store.setFavourites(hashes, on),
    hashes: (store) => store.favouriteHashes(),
  });
  return { setFavourites: marks.byId, markFavourites: marks.byPath, favouritePhotos: marks.photos };
}
