// The album editor's fields as typed, and their translation to and from the engine's
// AlbumInput / AlbumInfo. An empty query makes a hand-picked album (its photos are the ones
// pinned to it): a threshold or filters do not apply to it, and the core refuses them (they
// are sent all the same, never dropped unsaid). Dates are
// calendar days on the camera's clock, passed as date text ("2024-03-07") with no time-zone
// arithmetic, as the filter bar passes them, so every machine saves and shows the same days
// (the core reads them, album-dates.ts). "To" is inclusive here and the engine's `before`
// exclusive: it is sent as the next day. With dates goes the clock a photo without a date
// taken is dated on (its file's time): the album's own when it keeps one, else this window's,
// as the timeline here dates it; the album keeps it (core/albums/album-dates.ts says why).
import type { AlbumFilters, AlbumInfo, AlbumInput } from '../../../shared/api';
import { addDays, isCalendarDay } from '../../../shared/calendar-day';
import { dateText } from '../../../shared/album-filters-text';
import { ALBUM_THRESHOLD_RULE, isAlbumThreshold } from '../../../shared/album-threshold';
import { viewerUtcOffset } from '../../lib/viewer-clock';

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
  /** YYYY-MM-DD or ''; both inclusive. */
  from: string;
  to: string;
  /** A bound the album keeps that is not a whole day (a time set with `shoebox albums`), or '':
   *  saved as it is unless a day is chosen in its place (the date inputs hold only days). */
  keptAfter: string;
  keptBefore: string;
  /** The clock the album's dates read file times on, when it keeps one; absent: this window's. */
  utcOffset?: number;
}

/** Where the slider starts when the user first turns "automatic" off. */
const START_THRESHOLD = 0.25;

export function emptyForm(): AlbumForm {
  return { name: '', query: '', automatic: true, threshold: START_THRESHOLD, folder: '', tag: '', favourite: false, place: '', from: '', to: '', keptAfter: '', keptBefore: '' };
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
    ...fromBound(f.after),
    ...toBound(f.before),
    ...(f.utcOffset !== undefined ? { utcOffset: f.utcOffset } : {}),
  };
}

/**
 * The album to save, or a one-line reason why the form cannot be saved yet. Everything set is
 * sent, with or without a query: a hand-picked album (no query) with a filter or a fixed
 * threshold is the core's to refuse (album-service.ts), and the editor shows why, rather than
 * saving an album without what the user set.
 */
export function formToInput(form: AlbumForm): AlbumInput | string {
  if (!form.name.trim()) return 'Give the album a name.';
  const filters = formFilters(form);
  if (typeof filters === 'string') return filters;
  if (!form.automatic && !isAlbumThreshold(form.threshold)) return `The threshold is ${ALBUM_THRESHOLD_RULE}.`;
  return {
    name: form.name.trim(),
    query: form.query.trim(),
    ...(form.automatic ? {} : { threshold: form.threshold }),
    ...(Object.keys(filters).length ? { filters } : {}),
  };
}

/**
 * Set what only a query acts on (a filter, a fixed threshold) with no query: the core refuses
 * the save (a hand-picked album has neither), so the editor keeps those fields in view, where
 * they can be cleared, and says the refusal by the query field.
 */
export function needsQuery(form: AlbumForm): boolean {
  if (form.query.trim()) return false;
  const filters = formFilters(form);
  return !form.automatic || typeof filters === 'string' || Object.keys(filters).length > 0;
}

export function formFilters(form: AlbumForm): AlbumFilters | string {
  const filters: AlbumFilters = {};
  if (form.folder) filters.folder = form.folder;
  if (form.tag.trim()) filters.tag = form.tag.trim();
  if (form.favourite) filters.favourite = true;
  if (form.place.trim()) filters.place = form.place.trim();
  if (form.from && !isCalendarDay(form.from)) return '“From” is not a date.';
  if (form.to && !isCalendarDay(form.to)) return '“To” is not a date.';
  if (form.from && form.to && form.from > form.to) return 'The date range is empty: “From” must not be after “To”.';
  const after = form.from || form.keptAfter;
  const before = form.to ? addDays(form.to, 1) : form.keptBefore;
  if (after) filters.after = after;
  if (before) filters.before = before;
  if (after || before) filters.utcOffset = form.utcOffset ?? viewerUtcOffset();
  return filters;
}

function fromBound(after: string | undefined): Pick<AlbumForm, 'from' | 'keptAfter'> {
  if (after === undefined) return { from: '', keptAfter: '' };
  return isCalendarDay(after) ? { from: after, keptAfter: '' } : { from: '', keptAfter: after };
}

/** The last day included: the day before the exclusive `before`. */
function toBound(before: string | undefined): Pick<AlbumForm, 'to' | 'keptBefore'> {
  if (before === undefined) return { to: '', keptBefore: '' };
  return isCalendarDay(before) ? { to: addDays(before, -1), keptBefore: '' } : { to: '', keptBefore: before };
}

/** What the date inputs cannot show: the album's bounds that are not whole days, kept as they are. */
export function keptDatesText(form: Pick<AlbumForm, 'keptAfter' | 'keptBefore'>): string {
  const parts = [form.keptAfter && `from ${dateText(form.keptAfter)}`, form.keptBefore && `before ${dateText(form.keptBefore)}`].filter(Boolean);
  return `Taken ${parts.join(' and ')} (camera clock), kept unless you choose a day.`;
}

