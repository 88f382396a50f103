// The photos a grid shows, fetched a page at a time as they scroll into view. Listings know
// their total up front; search results do not, so they grow page by page as the user nears
// the end (infinite scroll). A refreshed source keeps showing the previous one's photos
// until its own pages arrive, so a library that changes under the user does not flash.
//
// A fast fling through 100k photos passes hundreds of pages in a second: pages are queued,
// at most two fetched at a time, and a queued page that has scrolled out of reach by its
// turn is dropped, so the page the user stops at does not wait behind all the others.
import type { Photo } from '../../shared/api';
import type { SearchEmpty } from '../../shared/search-empty';

export const PAGE_SIZE = 200;
const MAX_IN_FLIGHT = 2;
/** Queued pages further than this (in pages) from the wanted range are dropped. */
const REACH = 1;

export interface FetchedPage {
  photos: Photo[];
  /** Known for listings; absent for search results. */
  total?: number;
  /** Another page may follow. */
  hasMore: boolean;
  /** Search results: nothing passed the relevance cut-off, these are the closest photos. */
  closest?: boolean;
  /** The first page of an empty search: why, as the engine decided (SearchPage.empty). */
  empty?: SearchEmpty;
  /** On this day: the day's photos left out as archived (TimelinePage.archivedLeftOut). */
  archivedLeftOut?: number;
}

export type PageFetcher = (offset: number, limit: number) => Promise<FetchedPage>;

export class PagedPhotos {
  private readonly pages = new Map<number, Photo[]>();
  /** Each loaded photo's index by id, built on the first indexOf() after pages changed: a
   *  selection of thousands followed into a refreshed list looks each one up. */
  private positions: Map<string, number> | null = null;
  private readonly inflight = new Set<number>();
  private readonly queued = new Set<number>();
  /** Pages readPage() fetches, outside the queue; and those of them the grid asked for meanwhile. */
  private readonly reading = new Map<number, Promise<boolean>>();
  private readonly awaited = new Set<number>();
  private wanted = { first: 0, last: 0 };
  private total: number | null = null;
  private loaded = 0;
  private hasMore = true;
  private disposed = false;
  error: string | null = null;
  /** The error itself, beside its message: the page decides by its name or detail (lib/filters.ts searchErrorText), never by the words. */
  failure: unknown = null;
  /** The first page said nothing passed the cut-off: the list is the closest photos. */
  closest = false;
  /** What the first page said about an empty list (the empty grid words it: empty-view.ts). */
  emptyAnswer: { search?: SearchEmpty; archivedLeftOut?: number } = {};

  constructor(
    private readonly fetchPage: PageFetcher,
    private readonly onChange: () => void,
    private fallback: PagedPhotos | null = null,
  ) {}

  /** How many tiles to lay out. */
  get count(): number {
    if (this.total !== null) return this.total;
    if (this.loaded === 0 && this.fallback) return this.fallback.count;
    return this.loaded;
  }

  /**
   * Whether `count` is the whole list: listings know their total; search results only once
   * a page came back short (before that, `count` is what has been loaded: "200+").
   */
  get complete(): boolean {
    if (this.total !== null) return true;
    if (this.loaded === 0 && this.fallback) return this.fallback.complete;
    return this.settled && !this.hasMore;
  }

  /** True once the first page has answered (or failed). */
  get settled(): boolean {
    return this.pages.size > 0 || this.error !== null;
  }

  get(index: number): Photo | undefined {
    const page = this.pages.get(Math.floor(index / PAGE_SIZE));
    return page?.[index % PAGE_SIZE] ?? (this.settled ? undefined : this.fallback?.get(index));
  }

  /** Whether the page holding `index` has answered (it may have come back shorter). */
  hasLoaded(index: number): boolean {
    return this.pages.has(Math.floor(index / PAGE_SIZE));
  }

  /** Where a photo sits among the pages loaded so far, or -1 (the first place, listed twice). */
  indexOf(id: string): number {
    if (!this.positions) {
      this.positions = new Map();
      // Last to first, so that the first place of a photo listed twice is the one kept.
      for (const page of [...this.pages.keys()].sort((a, b) => b - a)) {
        const photos = this.pages.get(page)!;
        for (let at = photos.length - 1; at >= 0; at--) this.positions.set(photos[at]!.id, page * PAGE_SIZE + at);
      }
    }
    return this.positions.get(id) ?? -1;
  }

  /** Fetches the first page (it tells the total, and settles the list), leaving the pages
   *  wanted as they are: a refreshed list's grid and viewer, far down, ask for theirs first. */
  start(): void {
    this.load(0);
  }

  /** Makes sure the photos in [start, end) are loaded or on their way. */
  request(start: number, end: number): void {
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, end - 1) / PAGE_SIZE);
    this.wanted = { first, last };
    for (let p = first; p <= last; p++) this.enqueue(p);
    // Results without a total: fetch the next page once the user is within a page of the end.
    if (this.total === null && this.hasMore && end >= this.loaded - PAGE_SIZE / 2) {
      const next = Math.ceil(this.loaded / PAGE_SIZE);
      this.wanted.last = Math.max(this.wanted.last, next);
      this.enqueue(next);
    }
    this.pump();
  }

  /** The photos at these indices, fetching the pages not loaded yet (a selection's photos,
   *  for an action); indices past the list's end are left out. */
  async resolve(indices: readonly number[]): Promise<Photo[]> {
    const missing = [...new Set(indices.map((i) => Math.floor(i / PAGE_SIZE)))].filter((p) => !this.pages.has(p));
    for (const page of missing) this.setPage(page, (await this.fetchPage(page * PAGE_SIZE, PAGE_SIZE)).photos);
    return indices.flatMap((i) => this.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE] ?? []);
  }

  /**
   * Reads page `page` now, outside the grid's queue (the pages it wants stay as they are): a
   * photo looked for by its id, page after page (hooks/usePhotoToOpen.ts). True once the page
   * is loaded, false when the list has no such page; rejects when the fetch fails. Quiet: the
   * page is there for get() and indexOf(), and onChange is called only when the grid was
   * waiting for it. Search results may be read past the pages loaded (the count grows to them).
   */
  readPage(page: number): Promise<boolean> {
    if (this.pages.has(page)) return Promise.resolve(true);
    const offset = page * PAGE_SIZE;
    const exists = this.total !== null ? offset < this.total || offset === 0 : this.hasMore || offset < this.loaded;
    if (this.disposed || !exists) return Promise.resolve(false);
    let reading = this.reading.get(page);
    if (!reading) {
      reading = this.fetchPage(offset, PAGE_SIZE).then(
        (result) => {
          this.reading.delete(page);
          if (this.disposed) return false;
          this.accept(page, offset, result);
          if (this.awaited.delete(page)) {
            this.onChange();
            this.pump();
          }
          return true;
        },
        (error: unknown) => {
          this.reading.delete(page);
          // The grid's own fetch of it, which waited on this one, goes ahead.
          if (this.awaited.delete(page) && !this.disposed) {
            this.enqueue(page);
            this.pump();
          }
          throw error;
        },
      );
      this.reading.set(page, reading);
    }
    return reading;
  }

  private accept(page: number, offset: number, result: FetchedPage): void {
    this.setPage(page, result.photos);
    if (page === 0) {
      this.closest = result.closest ?? false;
      this.emptyAnswer = { ...(result.empty ? { search: result.empty } : {}), ...(result.archivedLeftOut !== undefined ? { archivedLeftOut: result.archivedLeftOut } : {}) };
    }
    if (result.total !== undefined) this.total = result.total;
    else if (offset + result.photos.length >= this.loaded) {
      // The furthest page says whether more follow (an earlier one answering late does not).
      this.loaded = offset + result.photos.length;
      this.hasMore = result.hasMore && result.photos.length > 0;
    }
    this.fallback = null;
  }

  private setPage(page: number, photos: Photo[]): void {
    this.pages.set(page, photos);
    this.positions = null;
  }

  dispose(): void {
    this.disposed = true;
    this.fallback = null;
  }

  private enqueue(page: number): void {
    if (!this.pages.has(page) && !this.inflight.has(page)) this.queued.add(page);
  }

  /**
   * Whether a page's fetch can start: 'never' past the end of the list; 'later' before the
   * pages it must follow (the first one, which says whether the list knows its total: a list
   * refreshed under a viewer or a grid scrolled far down asks for a far page before it; search
   * results, which arrive in order); 'now' otherwise.
   */
  private fetchable(page: number): 'now' | 'later' | 'never' {
    const offset = page * PAGE_SIZE;
    if (this.total !== null) return offset >= this.total && offset > 0 ? 'never' : 'now';
    if (this.settled && !this.hasMore && offset >= this.loaded) return 'never';
    return offset > this.loaded ? 'later' : 'now';
  }

  /** Starts queued fetches, nearest to the wanted range first, dropping those out of reach;
   *  those that must wait for others stay queued (each page that arrives pumps again). */
  private pump(): void {
    for (const page of this.queued) {
      if (page < this.wanted.first - REACH || page > this.wanted.last + REACH || this.fetchable(page) === 'never') this.queued.delete(page);
    }
    while (this.inflight.size < MAX_IN_FLIGHT && !this.disposed) {
      const page = [...this.queued].filter((p) => this.fetchable(p) === 'now').sort((a, b) => this.distance(a) - this.distance(b))[0];
      if (page === undefined) break;
      this.queued.delete(page);
      this.load(page);
    }
  }

  private distance(page: number): number {
    if (page < this.wanted.first) return this.wanted.first - page;
    if (page > this.wanted.last) return page - this.wanted.last;
    return 0;
  }

  private load(page: number): void {
    if (this.pages.has(page) || this.inflight.has(page) || this.disposed) return;
    if (this.reading.has(page)) {
      this.awaited.add(page);
      return;
    }
    if (this.fetchable(page) !== 'now') return;
    const offset = page * PAGE_SIZE;
    this.inflight.add(page);
    this.fetchPage(offset, PAGE_SIZE).then(
      (result) => {
        this.inflight.delete(page);
        if (this.disposed) return;
        this.accept(page, offset, result);
        this.onChange();
        this.pump();
      },
      (error: unknown) => {
        this.inflight.delete(page);
        if (this.disposed) return;
        this.error = error instanceof Error ? error.message : String(error);
        this.failure = error;
        this.onChange();
        this.pump();
      },
    );
  }
}
