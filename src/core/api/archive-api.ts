// The archive: photos the user wants out of the way without deleting them (screenshots,
// receipts, the other 40 shots of a sunset), as Google Photos' and Immich's Archive. Kept by
// content in the library like favourites (content-marks.ts has the policy). An archived photo
// leaves the library's own streams, All photos, Recently added and On this day (timeline-api.ts),
// and nothing else: a folder, a tag, the favourites, a place, search, similar and smart albums
// still show it, badged, as Google Photos keeps archived photos in albums and search. The files
// are not touched; the app (setArchived, by id) and the CLI (`shoebox archive`, by path) share it.
import type { ApiContext, ApiMethods } from './api-context';
import { contentMarks, type MarkByPathResult } from './content-marks';
import type { PhotoListing } from './photo-views';

/** The CLI's share: by path, with what was archived and what the library does not hold. */
export interface ArchiveForeground {
  /** Archives (or brings back) the photos at these paths; `missing`: paths the library does not hold;
   *  `copies`: the other paths of their content, which changed with them. */
  markArchived(paths: string[], archived: boolean): Promise<MarkByPathResult>;
  /** Every archived photo of the library (each copy of an archived content), by path. */
  archivedPhotos(): Promise<PhotoListing[]>;
}

export function archiveApi(ctx: ApiContext): ApiMethods<'setArchived'> & ArchiveForeground {
  const marks = contentMarks(ctx, {
    queue: ctx.writes.archive,
    set: (store, hashes, on) => store.setArchived(hashes, on),
    hashes: (store) => store.archivedHashes(),
  });
  return { setArchived: marks.byId, markArchived: marks.byPath, archivedPhotos: marks.photos };
}
