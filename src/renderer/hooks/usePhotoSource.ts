import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { SearchFilters, SearchSort, TimelineOptions } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import type { ShoeboxClient } from '../client/client';
import { PagedPhotos, type PageFetcher } from '../lib/paged-photos';
import { viewKey, type View } from '../lib/view';
import { todayIso } from '../lib/on-this-day';
import { onViewerClock, viewerUtcOffset } from '../lib/viewer-clock';

/** What the timeline of a library view asks for: order, folder, favourites only, a place, this day in earlier years, the Archive, and the viewer's clock for file times. */
export function timelineOptions(view: Extract<View, { kind: 'library' }>): TimelineOptions {
  return {
    order: view.order ?? 'taken',
    ...(view.folder ? { folder: view.folder } : {}),
    ...(view.favourites ? { favourite: true } : {}),
    ...(view.place !== undefined ? { place: view.place } : {}),
    ...(view.withoutPlace ? { withoutPlace: true } : {}),
    ...(view.farFromTowns ? { farFromTowns: true } : {}),
    ...(view.videos ? { videos: true } : {}),
    ...(view.described !== undefined ? { described: view.described } : {}),
    ...(view.onThisDay ? { onThisDay: todayIso() } : {}),
    // Without it the engine leaves the archived photos out of the library's own streams (shared/archive-views.ts).
    ...(view.archived ? { archived: true } : {}),
    utcOffset: viewerUtcOffset(),
  };
}

/** How the photos of `view` are fetched, a page at a time; a search's dates on the window's clock, as the timeline's. */
export function fetcherFor(client: ShoeboxClient, view: View, filters: SearchFilters | undefined, sort: SearchSort): PageFetcher {
  const asked = onViewerClock(filters);
  const options = (offset: number, limit: number) => ({ offset, limit, ...(asked ? { filters: asked } : {}) });
  switch (view.kind) {
    case 'library':
      // The timeline, newest first (its days come from useTimelineSummary with the same options).
      return async (offset, limit) => {
        const page = await client.timeline({ offset, limit, ...timelineOptions(view) });
        return { photos: page.photos, total: page.total, hasMore: offset + page.photos.length < page.total, ...(page.archivedLeftOut !== undefined ? { archivedLeftOut: page.archivedLeftOut } : {}) };
      };
    case 'search':
      return (offset, limit) => client.search(view.query, { ...options(offset, limit), sort });
    case 'similar':
      return (offset, limit) => client.similar(view.id, options(offset, limit));
    case 'image':
      return (offset, limit) => client.searchByImage({ name: view.name, base64: view.base64 }, options(offset, limit));
  }
}

/**
 * The photos of `view`, paged; `filters` narrow search results (not the library listing),
 * `sort` orders text search results (best first or newest first).
 * `refresh` changes when the library changed: the source is fetched again, showing the old
 * photos until the new ones arrive.
 */
export function usePhotoSource(view: View, filters: SearchFilters | undefined, refresh: number, sort: SearchSort = 'score'): PagedPhotos {
  const client = useClient();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const previous = useRef<PagedPhotos | null>(null);
  const previousKey = useRef<string>('');
  const applied = view.kind === 'library' ? undefined : filters;
  // Only text search results can be sorted by date (the set the cut-off chose).
  const order = view.kind === 'search' ? sort : 'score';
  const key = `${viewKey(view)}|${JSON.stringify(applied ?? {})}|${order}`;
  const source = useMemo(() => {
    // Keep the old photos on screen only when this is the same list refreshed.
    const fallback = previousKey.current === key ? previous.current : null;
    return new PagedPhotos(fetcherFor(client, view, applied, order), rerender, fallback);
    // `view` is identified by its key: a new object for the same view must not refetch.
  }, [client, key, refresh]);
  useEffect(() => {
    const old = previous.current;
    previous.current = source;
    previousKey.current = key;
    // The old source stops fetching; its photos stay readable as the new one's fallback.
    if (old && old !== source) old.dispose();
    source.start();
  }, [source, key]);
  return source;
}
