import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { SearchFilters } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import type { ShoeboxClient } from '../client/client';
import { PagedPhotos, type PageFetcher } from '../lib/paged-photos';
import { viewKey, type View } from '../lib/view';

function fetcherFor(client: ShoeboxClient, view: View, filters: SearchFilters | undefined): PageFetcher {
  const options = (offset: number, limit: number) => ({ offset, limit, ...(filters ? { filters } : {}) });
  switch (view.kind) {
    case 'library':
      return async (offset, limit) => {
        const page = await client.listPhotos({ offset, limit, ...(view.folder ? { folder: view.folder } : {}) });
        return { photos: page.photos, total: page.total, hasMore: offset + page.photos.length < page.total };
      };
    case 'search':
      return (offset, limit) => client.search(view.query, options(offset, limit));
    case 'similar':
      return (offset, limit) => client.similar(view.id, options(offset, limit));
    case 'image':
      return (offset, limit) => client.searchByImage({ name: view.name, base64: view.base64 }, options(offset, limit));
  }
}

/**
 * The photos of `view`, paged; `filters` narrow search results (not the library listing).
 * `refresh` changes when the library changed: the source is fetched again, showing the old
 * photos until the new ones arrive.
 */
export function usePhotoSource(view: View, filters: SearchFilters | undefined, refresh: number): PagedPhotos {
  const client = useClient();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const previous = useRef<PagedPhotos | null>(null);
  const previousKey = useRef<string>('');
  const applied = view.kind === 'library' ? undefined : filters;
  const key = `${viewKey(view)}|${JSON.stringify(applied ?? {})}`;
  const source = useMemo(() => {
    // Keep the old photos on screen only when this is the same list refreshed.
    const fallback = previousKey.current === key ? previous.current : null;
    return new PagedPhotos(fetcherFor(client, view, applied), rerender, fallback);
    // `view` is identified by its key: a new object for the same view must not refetch.
  }, [client, key, refresh]);
  useEffect(() => {
    const old = previous.current;
    previous.current = source;
    previousKey.current = key;
    // The old source stops fetching; its photos stay readable as the new one's fallback.
    if (old && old !== source) old.dispose();
    source.request(0, 1);
  }, [source, key]);
  return source;
}
