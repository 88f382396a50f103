// Where the user is, as the URL's hash: the screen (screen.ts), the grid's view (view.ts) and
// Settings (open, at a section), so that a reload comes back to the same place and Back /
// Forward walk the screens visited (hooks/useHashRoute.ts). Only the hash: under `shoebox
// serve` the query carries the access token, and the desktop app is loaded from its own
// scheme, where the hash is all a page may change.
//
//   #/                                 All photos
//   #/folder/<path>                    a folder's timeline
//   #/recent #/favourites #/on-this-day #/archive #/videos #/without-place
//   #/place/<place>  #/described/<text>
//   #/search/<query>  #/similar/<photo id>/<label>
//   #/image                            a dropped image's results (the image is not kept: All photos)
//   #/album/<name>  #/album/<name>/edit  #/new-album
//   #/label-set/<name>  #/new-label-set
//   #/tags/<set>  #/tags/<set>/<label>  (the review of a set's tags)
//   #/duplicates  #/places
//   …?settings  …?settings=<section>  Settings open over that screen, at a section ('library')
//
// Every part is percent-encoded (encodeURIComponent), so a name with '/' or '?' reads back as itself.
import { PHOTOS_SCREEN, type Screen } from './screen';
import { ARCHIVE_VIEW, FAVOURITES_VIEW, LIBRARY_VIEW, ON_THIS_DAY_VIEW, placeView, RECENT_VIEW, VIDEOS_VIEW, WITHOUT_PLACE_VIEW, type View } from './view';

export interface SettingsRoute {
  /** The section shown at the top of the panel ('model', 'library', …), or its beginning (null). */
  section: string | null;
}

export interface Route {
  screen: Screen;
  /** What the grid shows: only for the photos screen (null for the others). */
  view: View | null;
  /** Settings, open over the screen; null when closed. */
  settings: SettingsRoute | null;
}

export const ALL_PHOTOS_ROUTE: Route = { screen: PHOTOS_SCREEN, view: LIBRARY_VIEW, settings: null };

/** The hash of a dropped image's results: not restorable (the image lives in the page only). */
export const IMAGE_HASH = '#/image';

const SECTION = /^[a-z][a-z0-9-]{0,39}$/;

const enc = encodeURIComponent;

/** The single-word library views, each a path of its own. */
const NAMED_VIEWS: [string, View][] = [
  ['recent', RECENT_VIEW],
  ['favourites', FAVOURITES_VIEW],
  ['on-this-day', ON_THIS_DAY_VIEW],
  ['archive', ARCHIVE_VIEW],
  ['videos', VIDEOS_VIEW],
  ['without-place', WITHOUT_PLACE_VIEW],
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
  return null;
}

/** The URL hash ('#/album/Beach', '#/?settings=library') of where the user is. */
export function routeToHash(route: Route): string {
  const path = screenPath(route.screen, route.screen.kind === 'photos' ? route.view : null);
  const settings = route.settings === null ? '' : route.settings.section === null ? '?settings' : `?settings=${enc(route.settings.section)}`;
  return `#${path}${settings}`;
}

/**
 * The route a hash names; null for one that names nothing (garbage, a damaged link) or what
 * cannot be restored (a dropped image's results). No hash at all, '#' and '#/' are All photos.
 */
export function hashToRoute(hash: string): Route | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return ALL_PHOTOS_ROUTE;
  if (!raw.startsWith('/')) return null;
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const settings = mark < 0 ? null : parseSettings(raw.slice(mark + 1));
  if (settings === undefined) return null;
  let parts: string[];
  try {
    parts = path
      .slice(1)
      .split('/')
      .map((part) => decodeURIComponent(part));
  } catch {
    return null; // a malformed %-escape
  }
  const at = parsePath(parts);
  return at && { ...at, settings };
}

/** The query after '?': settings, open (null section) or at a section; undefined for anything else. */
function parseSettings(query: string): SettingsRoute | undefined {
  if (query === 'settings') return { section: null };
  if (!query.startsWith('settings=')) return undefined;
  let section: string;
  try {
    section = decodeURIComponent(query.slice('settings='.length));
  } catch {
    return undefined;
  }
  // A section this version does not have opens Settings at its beginning.
  return { section: SECTION.test(section) ? section : null };
}

const screenOnly = (screen: Screen): Omit<Route, 'settings'> => ({ screen, view: null });
const photos = (view: View): Omit<Route, 'settings'> => ({ screen: PHOTOS_SCREEN, view });

function parsePath(parts: string[]): Omit<Route, 'settings'> | null {
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
    default: {
      const view = NAMED_VIEWS.find(([word]) => word === head)?.[1];
      return view && alone ? photos(view) : null;
    }
  }
}

/** What moving from the entry `from` (a hash) to `to` does to the history. */
export type HistoryStep = 'none' | 'push' | 'replace';

/**
 * Another screen is a new entry (Back returns to this one), but not every keystroke of a
 * search: a search refined as it is typed (`typing`: the current entry is a search typed and
 * not yet submitted with Enter) replaces its entry. Settings, a dialog over the screen, is no
 * entry of its own: opened, scrolled to another section or closed, it replaces the screen's.
 */
export function historyStep(from: string, to: string, typing: boolean): HistoryStep {
  if (from === to) return 'none';
  const before = hashToRoute(from);
  const after = hashToRoute(to);
  if (!before || !after) return 'push';
  const base = (route: Route) => routeToHash({ ...route, settings: null });
  if (base(before) === base(after)) return 'replace';
  const searching = (route: Route) => route.screen.kind === 'photos' && route.view?.kind === 'search' && !route.settings;
  if (typing && searching(before) && searching(after)) return 'replace';
  return 'push';
}
