// Where the user is, as the URL's hash: the screen (screen.ts), the grid's view (view.ts) and
// Settings (open, at a section), so that a reload comes back to the same place and Back /
// Forward walk the screens visited (hooks/useHashRoute.ts). Only the hash: under `shoebox
// serve` the query carries the access token, and the desktop app is loaded from its own
// scheme, where the hash is all a page may change.
//
//   #/                                 All photos
//   #/folder/<path>                    a folder's timeline
//   #/recent #/favourites #/on-this-day #/archive #/videos #/without-place #/far-from-towns
//   #/place/<place>  #/described/<text>
//   #/search/<query>  #/similar/<photo id>/<label>
//   #/image                            a search by image's results: the image lives in the page only,
//                                      so Back and Forward bring it back, a reload cannot (All photos)
//   #/album/<name>  #/album/<name>/edit  #/new-album
//   #/label-set/<name>  #/new-label-set
//   #/tags/<set>  #/tags/<set>/<label>  (the review of a set's tags)
//   #/duplicates  #/places
//   …?settings  …?settings=<section>  Settings open over that screen, at a section ('library')
//   …?from=…&sort=date&photo=<id>      the results' filters and sort, the photo open in the
//                                      viewer, a grid's or an album's (route-query.ts has the parts)
//
// Every part is percent-encoded (encodeURIComponent), so a name with '/' or '?' reads back as itself.
import type { SearchSort } from '../../shared/api';
import type { FilterFields } from './filters';
import { parseQuery, queryString, type SettingsRoute } from './route-query';
import { PHOTOS_SCREEN, type Screen } from './screen';
import { ARCHIVE_VIEW, FAR_FROM_TOWNS_VIEW, FAVOURITES_VIEW, LIBRARY_VIEW, ON_THIS_DAY_VIEW, placeView, RECENT_VIEW, VIDEOS_VIEW, WITHOUT_PLACE_VIEW, type View } from './view';

export type { SettingsRoute } from './route-query';

export interface Route {
  screen: Screen;
  /** What the grid shows: only for the photos screen (null for the others). */
  view: View | null;
  /** Settings, open over the screen; null when closed. */
  settings: SettingsRoute | null;
  /** The filter bar's fields: only where it narrows the grid (a search, look-alikes); absent: none. */
  filters?: FilterFields;
  /** The order of a text search's results; absent: best match first. */
  sort?: SearchSort;
  /** The photo open in the viewer (its id): over the photos screen's grid or an album's; absent: none. */
  photo?: string;
}

export const ALL_PHOTOS_ROUTE: Route = { screen: PHOTOS_SCREEN, view: LIBRARY_VIEW, settings: null };

/** The hash of a search by image's results: restorable only by the page that holds the image. */
export const IMAGE_HASH = '#/image';

/** A search by image's view, the image (read into the page) included. */
export type ImageView = Extract<View, { kind: 'image' }>;

const enc = encodeURIComponent;

/** The single-word library views, each a path of its own. */
const NAMED_VIEWS: [string, View][] = [
  ['recent', RECENT_VIEW],
  ['favourites', FAVOURITES_VIEW],
  ['on-this-day', ON_THIS_DAY_VIEW],
  ['archive', ARCHIVE_VIEW],
  ['videos', VIDEOS_VIEW],
  ['without-place', WITHOUT_PLACE_VIEW],
  ['far-from-towns', FAR_FROM_TOWNS_VIEW],
];

/** The path part of a screen (and, for the photos screen, of its view), without the '#'. */
function screenPath(screen: Screen, view: View | null): string {
  switch (screen.kind) {
    case 'photos':
      return viewPath(view ?? LIBRARY_VIEW);
    case 'album':
      return `/album/${enc(screen.name)}`;
    case 'album-editor':
      return screen.name === null ? '/new-album' : `/album/${enc(screen.name)}/edit`;
    case 'label-set':
      return screen.name === null ? '/new-label-set' : `/label-set/${enc(screen.name)}`;
    case 'tag-review':
      return `/tags/${enc(screen.set)}${screen.label === null ? '' : `/${enc(screen.label)}`}`;
    case 'duplicates':
      return '/duplicates';
    case 'places':
      return '/places';
  }
}

function viewPath(view: View): string {
  switch (view.kind) {
    case 'search':
      return `/search/${enc(view.query)}`;
    case 'similar':
      return `/similar/${enc(view.id)}/${enc(view.label)}`;
    case 'image':
      return IMAGE_HASH.slice(1);
    case 'library': {
      // The app shows one of these at a time (a folder, or Favourites, or a place…): the first that applies.
      if (view.place !== undefined) return `/place/${enc(view.place)}`;
      if (view.described !== undefined) return `/described/${enc(view.described)}`;
      const named = NAMED_VIEWS.find(([, v]) => libraryFlag(v) !== null && libraryFlag(v) === libraryFlag(view));
      if (named) return `/${named[0]}`;
      return view.folder === null ? '/' : `/folder/${enc(view.folder)}`;
    }
  }
}

/** Which of the single-word views a library view is ('order:added', 'favourites', …), or null. */
function libraryFlag(view: View): string | null {
  if (view.kind !== 'library') return null;
  if (view.order === 'added') return 'order:added';
  if (view.favourites) return 'favourites';
  if (view.onThisDay) return 'onThisDay';
  if (view.archived) return 'archived';
  if (view.videos) return 'videos';
  if (view.withoutPlace) return 'withoutPlace';
  if (view.farFromTowns) return 'farFromTowns';
  return null;
}

/** Which of the query's parts apply where the route is: the rest are not part of its hash. */
function applying(screen: Screen, view: View | null): { filters: boolean; sort: boolean; photo: boolean } {
  const kind = screen.kind === 'photos' ? (view ?? LIBRARY_VIEW).kind : null;
  // A search by image's filters are not kept in its hash: a reload loses the image, and them
  // with it. Its viewer is (an entry that Back closes, as over any other grid). An album has
  // a viewer of its own.
  return { filters: kind === 'search' || kind === 'similar', sort: kind === 'search', photo: kind !== null || screen.kind === 'album' };
}

/** The URL hash ('#/album/Beach', '#/?settings=library', '#/search/dog?sort=date&photo=abc') of where the user is. */
export function routeToHash(route: Route): string {
  const view = route.screen.kind === 'photos' ? route.view : null;
  const path = screenPath(route.screen, view);
  const applies = applying(route.screen, view);
  const query = queryString({
    filters: applies.filters ? route.filters : undefined,
    sort: applies.sort ? route.sort : undefined,
    photo: applies.photo ? route.photo : undefined,
    settings: route.settings,
  });
  return `#${path}${query && `?${query}`}`;
}

/**
 * The route a hash names; null for one that names nothing (garbage, a damaged link) or what
 * cannot be restored: a search by image's results (IMAGE_HASH) read back as `image`, the one
 * the page holds (Back, Forward), and as nothing without one (a reload, a link). No hash at
 * all, '#' and '#/' are All photos.
 */
export function hashToRoute(hash: string, image: ImageView | null = null): Route | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return ALL_PHOTOS_ROUTE;
  if (!raw.startsWith('/')) return null;
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const query = mark < 0 ? { settings: null } : parseQuery(raw.slice(mark + 1));
  if (query === undefined) return null;
  let parts: string[];
  try {
    parts = path
      .slice(1)
      .split('/')
      .map((part) => decodeURIComponent(part));
  } catch {
    return null; // a malformed %-escape
  }
  const at = parsePath(parts, image);
  if (!at) return null;
  // A part that does not apply there (filters on a timeline) is dropped: the canonical hash has none.
  const applies = applying(at.screen, at.view);
  return {
    ...at,
    settings: query.settings,
    ...(applies.filters && query.filters ? { filters: query.filters } : {}),
    ...(applies.sort && query.sort ? { sort: query.sort } : {}),
    ...(applies.photo && query.photo ? { photo: query.photo } : {}),
  };
}

const screenOnly = (screen: Screen): Omit<Route, 'settings'> => ({ screen, view: null });
const photos = (view: View): Omit<Route, 'settings'> => ({ screen: PHOTOS_SCREEN, view });

function parsePath(parts: string[], image: ImageView | null): Omit<Route, 'settings'> | null {
  const [head, a, b, ...rest] = parts;
  if (rest.length > 0) return null;
  // A part that must name something: not empty (a name of spaces alone is not one either).
  const named = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
  const alone = a === undefined;
  switch (head) {
    case '':
      return alone ? photos(LIBRARY_VIEW) : null;
    case 'folder':
      return named(a) && b === undefined ? photos({ kind: 'library', folder: a }) : null;
    case 'place':
      return named(a) && b === undefined ? photos(placeView(a)) : null;
    case 'described':
      return named(a) && b === undefined ? photos({ kind: 'library', folder: null, described: a }) : null;
    case 'search':
      // The app searches what is typed, trimmed.
      return named(a) && b === undefined && a === a.trim() ? photos({ kind: 'search', query: a }) : null;
    case 'similar':
      return named(a) && b !== undefined ? photos({ kind: 'similar', id: a, label: b }) : null;
    case 'album':
      if (!named(a)) return null;
      if (b === undefined) return screenOnly({ kind: 'album', name: a });
      return b === 'edit' ? screenOnly({ kind: 'album-editor', name: a }) : null;
    case 'new-album':
      return alone ? screenOnly({ kind: 'album-editor', name: null }) : null;
    case 'label-set':
      return named(a) && b === undefined ? screenOnly({ kind: 'label-set', name: a }) : null;
    case 'new-label-set':
      return alone ? screenOnly({ kind: 'label-set', name: null }) : null;
    case 'tags':
      return named(a) && (b === undefined || named(b)) ? screenOnly({ kind: 'tag-review', set: a, label: b ?? null }) : null;
    case 'duplicates':
      return alone ? screenOnly({ kind: 'duplicates' }) : null;
    case 'places':
      return alone ? screenOnly({ kind: 'places' }) : null;
    case 'image':
      return alone && image ? photos(image) : null;
    default: {
      const view = NAMED_VIEWS.find(([word]) => word === head)?.[1];
      return view && alone ? photos(view) : null;
    }
  }
}

/** A stand-in for the image a search by image's hash names, where only the hash's place matters. */
const ANY_IMAGE: ImageView = { kind: 'image', name: '', base64: '', previewUrl: '' };

/** What moving from the entry `from` (a hash) to `to` does to the history ('back': go back to the entry before). */
export type HistoryStep = 'none' | 'push' | 'replace' | 'back';

/**
 * Another screen is a new entry (Back returns to this one), but not every keystroke of a
 * search: a search refined as it is typed (`typing`: the current entry is a search typed and
 * not yet submitted with Enter) replaces its entry. Settings, a dialog over the screen, is no
 * entry of its own: opened, scrolled to another section or closed, it replaces the screen's.
 *
 * Nor are the filters and the sort: they refine the same results, set field by field (a
 * camera letter by letter, a date picked, a box ticked and unticked), as a search is typed;
 * an entry each would make Back step through every half-set filter before it left the
 * screen, where Back is expected to go back to where the user was. The entry keeps them, so
 * a reload or a copied link comes back to them all the same.
 *
 * A photo opened in the viewer is an entry: Back closes it (as a phone's back does), Forward
 * opens it again. Stepping to another photo in it replaces that entry (one Back closes the
 * viewer, not one per photo seen). Closed, it goes back to the entry it was opened from when
 * that is the one before (`previous`, where known): no entry is left that Back would close
 * again; else (a link opened straight onto the photo) the closed screen replaces the entry.
 */
export function historyStep(from: string, to: string, typing: boolean, previous?: string): HistoryStep {
  if (from === to) return 'none';
  // A search by image's hashes are places too (its viewer opened and closed over it): any
  // image reads them here, only where they are matters.
  const before = hashToRoute(from, ANY_IMAGE);
  const after = hashToRoute(to, ANY_IMAGE);
  if (!before || !after) return 'push';
  const place = (route: Route) => routeToHash({ screen: route.screen, view: route.view, settings: null });
  if (place(before) === place(after)) {
    if (!before.photo && after.photo) return 'push';
    if (before.photo && !after.photo && previous === to) return 'back';
    return 'replace';
  }
  const searching = (route: Route) => route.screen.kind === 'photos' && route.view?.kind === 'search' && !route.settings;
  if (typing && searching(before) && searching(after)) return 'replace';
  return 'push';
}
