// The hash's query, after its '?' (route.ts has the path before it): what narrows the screen's
// photos (the filter bar's fields, the results' sort), the photo open in the viewer, and
// Settings open over it. Parts are '&'-separated `key=value` (values percent-encoded), in one
// order, each named at most once:
//
//   from=2021-06-01 to=2021-06-30 camera=<text> folder=<path> location=with|without
//   place=<text> tag=<label> favourite      the filter bar's fields set (filters.ts)
//   sort=date                               text search results newest first
//   photo=<photo id>                        the photo open in the viewer
//   settings  settings=<section>            Settings, open at a section ('library')
//
// A hash of an older version (no query, or '?settings') reads as it always did. A part this
// version does not know, or one named twice, makes the hash name nothing (as a damaged path
// does); a known part with a value that cannot be (a date that is not one, a section it does
// not have) is read as not set, so a link typed by hand still opens its screen.
import type { SearchSort } from '../../shared/api';
import { NO_FILTERS, type FilterFields } from './filters';

export interface SettingsRoute {
  /** The section shown at the top of the panel ('model', 'library', …), or its beginning (null). */
  section: string | null;
}

export interface RouteQuery {
  /** Only the fields set; absent: none. */
  filters?: FilterFields;
  /** Absent: best match first. */
  sort?: SearchSort;
  photo?: string;
  settings: SettingsRoute | null;
}

const SECTION = /^[a-z][a-z0-9-]{0,39}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter bar's text fields, in the query's order. */
const TEXT_FIELDS = ['from', 'to', 'camera', 'folder', 'location', 'place', 'tag'] as const;

const enc = encodeURIComponent;

/** The query, without its '?' ('' when nothing is set). */
export function queryString({ filters = NO_FILTERS, sort, photo, settings }: RouteQuery): string {
  const parts: string[] = [];
  for (const key of TEXT_FIELDS) {
    if (filters[key] !== NO_FILTERS[key]) parts.push(`${key}=${enc(filters[key])}`);
  }
  if (filters.favourite) parts.push('favourite');
  if (sort === 'date') parts.push('sort=date');
  if (photo) parts.push(`photo=${enc(photo)}`);
  if (settings) parts.push(settings.section === null ? 'settings' : `settings=${enc(settings.section)}`);
  return parts.join('&');
}

/** The query after '?' as its parts; undefined for one that names nothing. */
export function parseQuery(query: string): RouteQuery | undefined {
  const values = new Map<string, string | null>();
  for (const part of query.split('&')) {
    const mark = part.indexOf('=');
    const key = mark < 0 ? part : part.slice(0, mark);
    if (values.has(key)) return undefined;
    try {
      values.set(key, mark < 0 ? null : decodeURIComponent(part.slice(mark + 1)));
    } catch {
      return undefined; // a malformed %-escape
    }
  }
  const fields: FilterFields = { ...NO_FILTERS };
  const result: RouteQuery = { settings: null };
  for (const [key, value] of values) {
    switch (key) {
      case 'from':
      case 'to':
        if (value !== null && DAY.test(value)) fields[key] = value;
        break;
      case 'camera':
      case 'folder':
      case 'place':
      case 'tag':
        if (value !== null) fields[key] = value;
        break;
      case 'location':
        if (value === 'with' || value === 'without') fields.location = value;
        break;
      case 'favourite':
        fields.favourite = true;
        break;
      case 'sort':
        if (value === 'date') result.sort = 'date';
        break;
      case 'photo':
        if (value) result.photo = value;
        break;
      case 'settings':
        // A section this version does not have opens Settings at its beginning.
        result.settings = { section: value !== null && SECTION.test(value) ? value : null };
        break;
      default:
        return undefined;
    }
  }
  if (TEXT_FIELDS.some((key) => fields[key] !== NO_FILTERS[key]) || fields.favourite) result.filters = fields;
  return result;
}
