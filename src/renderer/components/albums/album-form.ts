// The album editor's fields as typed, and their translation to and from the engine's
// AlbumInput / AlbumInfo. An empty query makes a hand-picked album (its photos are the ones
// pinned to it): the threshold and filters do not apply to it and are not saved. Dates are whole days in the user's time zone: "to" is inclusive
// here, and the engine's `before` is exclusive, so it is stored as the next day's start.
import type { AlbumFilters, AlbumInfo, AlbumInput, SearchFilters } from '../../../shared/api';

export interface AlbumForm {
  name: string;
  query: string;
  automatic: boolean;
  /** The cosine typed or slid to; used when not automatic. */
  threshold: number;
  folder: string;
  tag: string;
  /** Only the favourites. */
  favourite: boolean;
  /** Taken there: a town, a country or "town, country" as typed, or '' for anywhere. */
  place: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
}

/** Where the slider starts when the user first turns "automatic" off. */
const START_THRESHOLD = 0.25;

export function emptyForm(): AlbumForm {
  return { name: '', query: '', automatic: true, threshold: START_THRESHOLD, folder: '', tag: '', favourite: false, place: '', from: '', to: '' };
}

export function formFromAlbum(album: AlbumInfo): AlbumForm {
  const f = album.filters;
  return {
    name: album.name,
    query: album.query,
    automatic: album.thresholdAutomatic,
    // An automatic album offers its current cut-off as the starting point of a fixed one.
    threshold: Number(album.threshold.toFixed(3)),
    folder: f.folder ?? '',
    tag: f.tag ?? '',
    favourite: f.favourite === true,
    place: f.place ?? '',
    from: f.after !== undefined ? dayString(f.after) : '',
    to: f.before !== undefined ? dayString(f.before - 1) : '',
  };
}

/** The album to save, or a one-line reason why the form cannot be saved yet. */
export function formToInput(form: AlbumForm): AlbumInput | string {
  if (!form.name.trim()) return 'Give the album a name.';
  // No query: hand-picked (the core's one policy, album.ts isHandPicked); nothing else applies.
  if (!form.query.trim()) return { name: form.name.trim(), query: '' };
  const filters = formFilters(form);
  if (typeof filters === 'string') return filters;
  if (!form.automatic && !(form.threshold >= -1 && form.threshold <= 1)) return 'The threshold is a cosine from -1 to 1.';
  return {
    name: form.name.trim(),
    query: form.query.trim(),
    ...(form.automatic ? {} : { threshold: form.threshold }),
    ...(Object.keys(filters).length ? { filters } : {}),
  };
}

export function formFilters(form: AlbumForm): AlbumFilters | string {
  const filters: AlbumFilters = {};
  if (form.folder) filters.folder = form.folder;
  if (form.tag.trim()) filters.tag = form.tag.trim();
  if (form.favourite) filters.favourite = true;
  if (form.place.trim()) filters.place = form.place.trim();
  if (form.from) filters.after = dayStart(form.from);
  if (form.to) filters.before = dayStart(form.to) + dayLength(form.to);
  if (filters.after !== undefined && filters.before !== undefined && filters.after >= filters.before) return 'The date range is empty: “From” must not be after “To”.';
  return filters;
}

/** The same filters as a search takes them, for the live preview. */
export function toSearchFilters(filters: AlbumFilters): SearchFilters {
  return {
    ...(filters.folder ? { folder: filters.folder } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.favourite ? { favourite: true } : {}),
    ...(filters.place ? { place: filters.place } : {}),
    ...(filters.after !== undefined ? { after: new Date(filters.after).toISOString() } : {}),
    ...(filters.before !== undefined ? { before: new Date(filters.before).toISOString() } : {}),
  };
}

function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}

/** Length of that local day (23 or 25 hours across a daylight-saving change). */
function dayLength(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + 1).getTime() - dayStart(day);
}

function dayString(ms: number): string {
  const t = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}
