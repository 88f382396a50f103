// The library in date order, for the timeline: every photo's path, date and hash, sorted
// newest first, kept per store data version. LanceDB pages cheaply only by a stored column
// order, and the timeline's order is computed (date taken, else the file's time on the
// viewer's clock), so the order is built once in memory (~100 bytes a photo: ~10 MB and well
// under a second at 100k photos) and pages are slices of it; a page's metadata is then one
// lookup by path. The photos are read again when they change (a new photos version); the
// views are filtered again when the photos, tags or favourites change (a new data version).
import path from 'node:path';
import type { TimelineOrder } from '../../shared/api';
import type { LibraryStore, PhotoDates } from '../store/types';
import { onSameDay, type SameDay } from './on-this-day';
import { photoDatesOf } from '../store/photo-dates';
import { photoDate } from '../store/photo-date';

export interface TimelineEntry {
  path: string;
  hash: string;
  /** Wall-clock time read as UTC (see TimelinePhoto.date). */
  date: number;
  fileTime: boolean;
  /** A video (the view's count says photos and videos apart). */
  video?: true;
}

export interface TimelineView {
  order: TimelineOrder;
  utcOffset: number;
  folder?: string;
  /** Only these content hashes (a tag's photos, the favourites). */
  hashes?: ReadonlySet<string>;
  /** Identifies `hashes` in the cache key (the tag's label, favourites). */
  hashesKey?: string;
  /** Never these content hashes (the archive, outside the Archive's own view): the data
   *  version in the cache key tells one archive from another. */
  exclude?: ReadonlySet<string>;
  /** "On this day": only photos taken on this month and day in earlier years. */
  sameDay?: SameDay;
  /** Only the videos (the Videos view). */
  videos?: true;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Filtered views kept (folder, tag, order and offset combinations). */
const MAX_VIEWS = 8;

/** Newest first; equal dates by path, so pages are stable. */
function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return b.date - a.date || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

export function entryOf(photo: PhotoDates, order: TimelineOrder, utcOffset: number): TimelineEntry {
  const video = typeof photo.durationMs === 'number' ? { video: true as const } : {};
  return { ...dateOf(photo, order, utcOffset), path: photo.path, hash: photo.hash, ...video };
}

function dateOf(photo: PhotoDates, order: TimelineOrder, utcOffset: number): Pick<TimelineEntry, 'date' | 'fileTime'> {
  if (order === 'added') return { date: photo.indexedAt + utcOffset * MINUTE, fileTime: false };
  // The date filters date a photo by the same rule (photo-date.ts).
  return { date: photoDate(photo, utcOffset), fileTime: photo.takenAt === null };
}

/** Days with their counts, in the entries' order (newest first). */
export function daysOf(entries: readonly TimelineEntry[]): { day: string; count: number }[] {
  const days: { day: string; count: number }[] = [];
  let current = Number.NaN;
  for (const entry of entries) {
    const n = Math.floor(entry.date / DAY);
    if (n !== current) {
      current = n;
      days.push({ day: new Date(n * DAY).toISOString().slice(0, 10), count: 0 });
    }
    days[days.length - 1]!.count++;
  }
  return days;
}

function under(folder: string): (p: string) => boolean {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  return (p) => p === folder || p.startsWith(prefix);
}

export class TimelineIndex {
  private rows: { photosVersion: string; photos: Promise<PhotoDates[]> } | null = null;
  private readonly views = new Map<string, Promise<TimelineEntry[]>>();
  /** The data version the views were filtered at: views of an older one are never asked again. */
  private viewsVersion: string | null = null;

  /**
   * The view's entries, newest first. `version`: the store's data version read before the
   * view's hashes were (a tag's photos, the favourites), so a write that lands in between
   * makes the next call rebuild instead of caching the old hashes under the new version.
   */
  async entries(store: LibraryStore, view: TimelineView, version: string): Promise<TimelineEntry[]> {
    // Read after `version`, so never older than the views' key: a photo written in between
    // makes a view of newer photos under the older key, which the next call replaces.
    const photosVersion = await store.photosVersion();
    if (this.rows?.photosVersion !== photosVersion) {
      // Every photo's path, hash and times, read once per photos version (a rejected read is
      // not kept): five columns, not listPhotos' every column in path order (5.9 s at 100k).
      // A favourite or a tag changes the views only: they filter these rows again.
      const photos = photoDatesOf(store);
      this.rows = { photosVersion, photos };
      this.views.clear();
      photos.catch(() => {
        if (this.rows?.photos === photos) this.rows = null;
      });
    }
    if (this.viewsVersion !== version) {
      this.viewsVersion = version;
      this.views.clear();
    }
    const key = JSON.stringify([version, view.order, view.utcOffset, view.folder ?? null, view.hashesKey ?? null, view.exclude !== undefined, view.sameDay ?? null, view.videos === true]);
    let entries = this.views.get(key);
    if (!entries) {
      entries = this.rows.photos.then((photos) => {
        const inFolder = view.folder !== undefined ? under(view.folder) : () => true;
        const list: TimelineEntry[] = [];
        for (const photo of photos) {
          if (!inFolder(photo.path) || (view.hashes && !view.hashes.has(photo.hash)) || view.exclude?.has(photo.hash)) continue;
          if (view.sameDay && (photo.takenAt === null || !onSameDay(photo.takenAt, view.sameDay))) continue;
          if (view.videos && typeof photo.durationMs !== 'number') continue;
          list.push(entryOf(photo, view.order, view.utcOffset));
        }
        return list.sort(newestFirst);
      });
      if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
      this.views.set(key, entries);
      entries.catch(() => this.views.delete(key));
    }
    return entries;
  }
}
