// What the album editor's live preview counts: exactly the members the album would have
// (before pins and exclusions), for the definition as it is being edited.
//
// An automatic threshold is the search's own relevance cut-off, so search() with the same
// query and filters answers it. So does a fixed threshold at or above the cut-off (the
// search returned every photo above it). One below the cut-off admits photos search() never
// returns, and LibraryApi's search always cuts (the contract has no "no cut-off" option);
// the engine computes members only for a saved album, so then the preview saves the
// definition under a scratch name, reads its count and best matches, and removes it again.
// (Counting "what search() returned above the threshold" there is how 0 was shown for an
// album of 27.)
import type { AlbumFilters, LibraryApi, PhotoHit } from '../../../shared/api';
import { toSearchFilters } from './album-form';

/** Largest page search() answers: automatic counts above it read "1,000+". */
const PREVIEW_LIMIT = 1000;

/** Scratch albums are named with this prefix; the sidebar never lists them. */
export const PREVIEW_ALBUM_PREFIX = 'Shoebox preview (temporary) ';

export interface AlbumDraft {
  query: string;
  filters: AlbumFilters;
  /** null: automatic. */
  threshold: number | null;
}

export interface MatchCount {
  count: number;
  /** The count is a floor: more photos match than were counted. */
  more: boolean;
  /** The best matches, best first (at most `shown`). */
  best: PhotoHit[];
}

type PreviewApi = Pick<LibraryApi, 'search' | 'saveAlbum' | 'albumPhotos' | 'removeAlbum'>;

export async function countAlbumMatches(client: PreviewApi, draft: AlbumDraft, shown: number): Promise<MatchCount> {
  const page = await client.search(draft.query, { filters: toSearchFilters(draft.filters), limit: PREVIEW_LIMIT });
  const { threshold } = draft;
  if (threshold === null) return { count: page.photos.length, more: page.hasMore, best: page.photos.slice(0, shown) };
  // The cut-off is at most the lowest score returned; unknown when nothing was returned.
  const lowest = page.photos.at(-1)?.score;
  if (lowest !== undefined && threshold >= lowest) {
    const above = page.photos.filter((p) => p.score >= threshold);
    // A full page may hide more photos above the threshold only if its last one passed it.
    return { count: above.length, more: page.hasMore && above.length === page.photos.length, best: above.slice(0, shown) };
  }
  return countScratchAlbum(client, { ...draft, threshold }, shown);
}

async function countScratchAlbum(client: PreviewApi, draft: AlbumDraft & { threshold: number }, shown: number): Promise<MatchCount> {
  const name = `${PREVIEW_ALBUM_PREFIX}${Math.random().toString(36).slice(2, 10)}`;
  const hasFilters = Object.keys(draft.filters).length > 0;
  const info = await client.saveAlbum({ name, query: draft.query, threshold: draft.threshold, ...(hasFilters ? { filters: draft.filters } : {}) });
  try {
    const page = await client.albumPhotos(name, { limit: shown });
    return { count: info.members, more: false, best: page.photos };
  } finally {
    // Best effort: a scratch album left behind (the connection dropped) is hidden anyway.
    await client.removeAlbum(name).catch(() => undefined);
  }
}

export function isPreviewAlbum(name: string): boolean {
  return name.startsWith(PREVIEW_ALBUM_PREFIX);
}
