// The photos the album view's grid shows, paged like every grid (lib/paged-photos.ts): the
// album's members best first, or, after "more like this", a photo's look-alikes (to pin
// into the album). A refresh (photos indexed, a member excluded) keeps the old photos on
// screen until the new page arrives, as the main grid does.
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { AlbumPhoto } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { PagedPhotos, type PageFetcher } from '../../lib/paged-photos';

export type AlbumListing = { kind: 'members'; album: string } | { kind: 'similar'; id: string; label: string };

export interface AlbumSource {
  photos: PagedPhotos;
  /** Indexes of the pinned members among the pages fetched so far. */
  pinned: ReadonlySet<number>;
}

export function listingKey(listing: AlbumListing): string {
  return listing.kind === 'members' ? `members:${listing.album}` : `similar:${listing.id}`;
}

export function useAlbumSource(listing: AlbumListing, refresh: string): AlbumSource {
  const client = useClient();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const previous = useRef<{ key: string; source: AlbumSource } | null>(null);
  const key = listingKey(listing);
  const source = useMemo((): AlbumSource => {
    const pinned = new Set<number>();
    const fetcher: PageFetcher =
      listing.kind === 'members'
        ? async (offset, limit) => {
            const page = await client.albumPhotos(listing.album, { offset, limit });
            page.photos.forEach((p: AlbumPhoto, i) => (p.pinned ? pinned.add(offset + i) : pinned.delete(offset + i)));
            return { photos: page.photos, total: page.total, hasMore: offset + page.photos.length < page.total };
          }
        : (offset, limit) => client.similar(listing.id, { offset, limit });
    const fallback = previous.current?.key === key ? previous.current.source.photos : null;
    return { photos: new PagedPhotos(fetcher, rerender, fallback), pinned };
    // The listing is identified by its key: a new object for the same listing must not refetch.
  }, [client, key, refresh]);
  useEffect(() => {
    const old = previous.current?.source;
    previous.current = { key, source };
    if (old && old !== source) old.photos.dispose();
    source.photos.start();
  }, [source, key]);
  return source;
}
