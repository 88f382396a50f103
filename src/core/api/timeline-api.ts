// LibraryApi's timeline: the library (a folder, a tag, the favourites, a place, this day in
// earlier years) newest first by date taken or date
// added, a page at a time, and its days with their counts for the grid's date headers and
// the scrubber (timeline-index.ts keeps the order). Archived photos leave the library's own
// streams (All photos, Recently added, On this day) and fill the Archive's (archive-api.ts).
import path from 'node:path';
import type { TimelineOptions, TimelinePage, TimelinePhoto, TimelineSummary } from '../../shared/api';
import { photosWithTag } from '../search/tag-filter';
import { hashesAtPlace } from '../search/place-filter';
import { unknownPlaceReason } from '../search/unknown-place';
import { QueryError } from '../search/query-error';
import { locatedPhotos } from '../places/located-photos';
import { hashesDescribed } from '../search/described';
import { hidesArchived } from '../../shared/archive-views';
import type { LibraryStore } from '../store/types';
import type { ApiContext, ApiMethods } from './api-context';
import { readMarks, toPhoto } from './photo-views';
import { daysOf, TimelineIndex, type TimelineView } from './timeline-index';
import { sameDayOf } from './on-this-day';
import { fileTimeUtcOffset } from '../store/photo-date';

export function timelineApi(ctx: ApiContext): ApiMethods<'timeline' | 'timelineSummary'> {
  const index = new TimelineIndex();

  const viewOf = async (options: TimelineOptions, store: LibraryStore): Promise<TimelineView> => {
    const order = options.order ?? 'taken';
    if (order !== 'taken' && order !== 'added') throw new Error(`order must be "taken" or "added", got "${String(order)}"`);
    // The viewer's clock for file times, else the core's one default (search's and albums' too).
    const utcOffset = fileTimeUtcOffset(options.utcOffset);
    const view: TimelineView = { order, utcOffset };
    if (options.folder) view.folder = path.resolve(options.folder);
    if (options.onThisDay !== undefined) view.sameDay = sameDayOf(options.onThisDay);
    if (options.videos) view.videos = true;
    if (options.tag) {
      const allowed = await photosWithTag(await ctx.need(), options.tag);
      view.hashes = new Set(allowed.hashes ?? []);
    }
    if (options.favourite) {
      // Favourites and a tag: the photos that are both. The data version the view is cached
      // under includes the favourites table's, so a new favourite is a new view.
      const favourites = await store.favouriteHashes();
      view.hashes = view.hashes ? new Set([...view.hashes].filter((h) => favourites.has(h))) : favourites;
    }
    // The archive: the Archive shows only it; the library's own streams leave it out
    // (hidesArchived). The data version the view is cached under includes the archive table's.
    const hide = hidesArchived(options);
    const archived = options.archived || hide ? await store.archivedHashes() : null;
    if (options.archived && archived) view.hashes = view.hashes ? new Set([...view.hashes].filter((h) => archived.has(h))) : archived;
    else if (hide && archived && archived.size > 0) view.exclude = archived;
    if (options.place !== undefined) {
      // A place that names nothing, or no town or country anywhere ("Narnia": a typo, not a
      // place without photos), is the user's mistake, refused as search's --place refuses it.
      const there = await hashesAtPlace(store, options.place);
      const unknown = there.size === 0 ? unknownPlaceReason(options.place) : null;
      if (unknown !== null) throw new QueryError(unknown);
      view.hashes = view.hashes ? new Set([...view.hashes].filter((h) => there.has(h))) : there;
    }
    if (options.withoutPlace) {
      const { withoutPosition } = await locatedPhotos(store);
      view.hashes = view.hashes ? new Set([...view.hashes].filter((h) => withoutPosition.has(h))) : withoutPosition;
    }
    if (options.farFromTowns) {
      // The photos the Places page counts as "far from any town" (located-photos.ts: one rule).
      const { farFromTowns } = await locatedPhotos(store);
      view.hashes = view.hashes ? new Set([...view.hashes].filter((h) => farFromTowns.has(h))) : farFromTowns;
    }
    if (options.described !== undefined) {
      // Words with no word in them are refused by hashesDescribed (a QueryError: a usage error).
      const described = await hashesDescribed(store, options.described);
      view.hashes = view.hashes ? new Set([...view.hashes].filter((h) => described.has(h))) : described;
    }
    if (view.hashes) view.hashesKey = JSON.stringify([options.tag ?? null, options.favourite === true, options.archived === true, options.place ?? null, options.withoutPlace === true, options.described ?? null, options.farFromTowns === true]);
    return view;
  };

  /** On this day leaves the archive out: how many of the day's photos it left out (a day showing none says where they are). */
  const archivedLeftOut = async (options: TimelineOptions, store: LibraryStore, version: string): Promise<Pick<TimelinePage, 'archivedLeftOut'>> => {
    if (options.onThisDay === undefined || !hidesArchived(options)) return {};
    const archived = await index.entries(store, await viewOf({ ...options, archived: true }, store), version);
    return { archivedLeftOut: archived.length };
  };

  return {
    async timeline(options: TimelineOptions = {}): Promise<TimelinePage> {
      const { offset, limit } = ctx.page(options);
      const lib = await ctx.open();
      if (!lib) return { total: 0, offset, photos: [] };
      const store = await lib.readable();
      const version = await store.dataVersion(); // before the view's hashes (timeline-index.ts)
      const entries = await index.entries(store, await viewOf(options, store), version);
      const slice = entries.slice(offset, offset + limit);
      const [rows, marks] = await Promise.all([store.photosByPath(slice.map((e) => e.path)), readMarks(store)]);
      // A photo removed since the order was read is left out (the next page read sees the new order).
      const photos = slice.flatMap((entry): TimelinePhoto[] => {
        const row = rows.get(entry.path);
        return row ? [{ ...toPhoto(row, marks), date: entry.date, ...(entry.fileTime ? { fileTime: true } : {}) }] : [];
      });
      return { total: entries.length, offset, photos, ...(await archivedLeftOut(options, store, version)) };
    },

    async timelineSummary(options: TimelineOptions = {}): Promise<TimelineSummary> {
      const lib = await ctx.open();
      if (!lib) return { total: 0, days: [] };
      const store = await lib.readable();
      const version = await store.dataVersion(); // before the view's hashes (timeline-index.ts)
      const entries = await index.entries(store, await viewOf(options, store), version);
      // Videos counted apart, so the header says "20 photos, 5 videos", as status does.
      const videos = entries.reduce((n, e) => (e.video ? n + 1 : n), 0);
      return { total: entries.length, ...(videos ? { videos } : {}), days: daysOf(entries) };
    },
  };
}
