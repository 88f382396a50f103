// Where the user is, as the URL's hash (src/renderer/lib/route.ts): every screen and view the
// app shows reads back from its hash as itself, names with '/', '?', '#', '%' and accents
// included; what names nothing reads as nothing (the app then shows All photos); and which
// moves are new history entries (a screen) and which replace theirs (a search typed).
import { describe, expect, it } from 'vitest';
import { ALL_PHOTOS_ROUTE, hashToRoute, historyStep, IMAGE_HASH, routeToHash, type Route } from '../../../src/renderer/lib/route';
import { PHOTOS_SCREEN, type Screen } from '../../../src/renderer/lib/screen';
import { ARCHIVE_VIEW, FAVOURITES_VIEW, ON_THIS_DAY_VIEW, placeView, RECENT_VIEW, VIDEOS_VIEW, WITHOUT_PLACE_VIEW, type View } from '../../../src/renderer/lib/view';

const photos = (view: View, settings: Route['settings'] = null): Route => ({ screen: PHOTOS_SCREEN, view, settings });
const screen = (s: Screen, settings: Route['settings'] = null): Route => ({ screen: s, view: null, settings });
const ODD = 'Trip / 2024? #1 100% “Zürich” & more';

const ROUTES: [string, Route][] = [
  ['#/', ALL_PHOTOS_ROUTE],
  ['#/folder/%2Fhome%2Fme%2FPhotos', photos({ kind: 'library', folder: '/home/me/Photos' })],
  ['#/folder/C%3A%5CUsers%5Cme%5CPictures', photos({ kind: 'library', folder: 'C:\\Users\\me\\Pictures' })],
  ['#/recent', photos(RECENT_VIEW)],
  ['#/favourites', photos(FAVOURITES_VIEW)],
  ['#/on-this-day', photos(ON_THIS_DAY_VIEW)],
  ['#/archive', photos(ARCHIVE_VIEW)],
  ['#/videos', photos(VIDEOS_VIEW)],
  ['#/without-place', photos(WITHOUT_PLACE_VIEW)],
  ['#/place/Arezzo%2C%20Italy', photos(placeView('Arezzo, Italy'))],
  ['#/described/birthday%20cake', photos({ kind: 'library', folder: null, described: 'birthday cake' })],
  ['#/search/red%20car', photos({ kind: 'search', query: 'red car' })],
  ['#/similar/abc123/red.jpg', photos({ kind: 'similar', id: 'abc123', label: 'red.jpg' })],
  ['#/album/Beach', screen({ kind: 'album', name: 'Beach' })],
  ['#/album/Beach/edit', screen({ kind: 'album-editor', name: 'Beach' })],
  ['#/new-album', screen({ kind: 'album-editor', name: null })],
  ['#/label-set/animals', screen({ kind: 'label-set', name: 'animals' })],
  ['#/new-label-set', screen({ kind: 'label-set', name: null })],
  ['#/tags/animals', screen({ kind: 'tag-review', set: 'animals', label: null })],
  ['#/tags/animals/dog', screen({ kind: 'tag-review', set: 'animals', label: 'dog' })],
  ['#/duplicates', screen({ kind: 'duplicates' })],
  ['#/places', screen({ kind: 'places' })],
  ['#/?settings', { ...ALL_PHOTOS_ROUTE, settings: { section: null } }],
  ['#/?settings=library', { ...ALL_PHOTOS_ROUTE, settings: { section: 'library' } }],
  ['#/album/Beach?settings=model', screen({ kind: 'album', name: 'Beach' }, { section: 'model' })],
  ['#/search/dog?settings', photos({ kind: 'search', query: 'dog' }, { section: null })],
];

describe('a route as the URL hash', () => {
  it.each(ROUTES)('%s reads back as the route it was made from', (hash, route) => {
    expect(routeToHash(route)).toBe(hash);
    expect(hashToRoute(hash)).toEqual(route);
  });

  it('keeps names with slashes, question marks, hashes, percent signs and accents whole', () => {
    const routes: Route[] = [
      photos({ kind: 'library', folder: `/media/${ODD}` }),
      photos({ kind: 'search', query: ODD }),
      photos(placeView('Besançon, France')),
      photos({ kind: 'similar', id: 'id/with?odd#chars', label: ODD }),
      screen({ kind: 'album', name: ODD }),
      screen({ kind: 'album-editor', name: ODD }),
      screen({ kind: 'label-set', name: ODD }),
      screen({ kind: 'tag-review', set: ODD, label: 'dog / puppy' }),
      screen({ kind: 'album', name: 'edit' }),
      screen({ kind: 'album', name: 'new' }, { section: 'library' }),
    ];
    for (const route of routes) {
      const hash = routeToHash(route);
      // One '#', one '?' at most (the settings'): the names' own are escaped.
      expect(hash.split('#')).toHaveLength(2);
      expect(hash.split('?').length).toBeLessThanOrEqual(2);
      expect(hashToRoute(hash)).toEqual(route);
    }
  });

  it('reads no hash, "#" and "#/" as All photos', () => {
    for (const hash of ['', '#', '#/', '/']) expect(hashToRoute(hash)).toEqual(ALL_PHOTOS_ROUTE);
  });

  it('a library view shown with the grid behind another screen is not in its hash', () => {
    expect(routeToHash({ screen: { kind: 'album', name: 'Beach' }, view: { kind: 'search', query: 'dog' }, settings: null })).toBe('#/album/Beach');
    // The photos screen without a view is All photos.
    expect(routeToHash({ screen: PHOTOS_SCREEN, view: null, settings: null })).toBe('#/');
  });

  it('a dropped image’s results have a hash, but cannot be restored from it', () => {
    expect(routeToHash(photos({ kind: 'image', name: 'a.jpg', base64: 'AAAA', previewUrl: 'blob:x' }))).toBe(IMAGE_HASH);
    expect(hashToRoute(IMAGE_HASH)).toBeNull();
  });

  it('reads garbage, damaged and half-made hashes as nothing', () => {
    const bad = [
      'garbage',
      '#garbage',
      '#content', // the skip link's
      '#/nonsense',
      '#/album',
      '#/album/',
      '#/album/%20%20',
      '#/album/Beach/delete',
      '#/album/Beach/edit/more',
      '#/folder',
      '#/folder/',
      '#/folder/%E0%A4%A', // a malformed escape
      '#/search/',
      '#/search/%20dog', // the app searches what is typed, trimmed
      '#/similar/abc',
      '#/tags',
      '#/tags/animals/',
      '#/recent/more',
      '#/duplicates/x',
      '#/places/Italy',
      '#/new-album/x',
      '#/?nonsense',
      '#/album/Beach?settings=%E0%A4%A',
      '#/album/Beach?settingsx',
      `#/${'x'.repeat(5000)}`,
    ];
    for (const hash of bad) expect(hashToRoute(hash), hash).toBeNull();
  });

  it('opens Settings at its beginning for a section it does not know', () => {
    expect(hashToRoute('#/?settings=Not%20A%20Section')).toEqual({ ...ALL_PHOTOS_ROUTE, settings: { section: null } });
    expect(hashToRoute('#/?settings=')).toEqual({ ...ALL_PHOTOS_ROUTE, settings: { section: null } });
  });
});

describe('what a move does to the history', () => {
  it('makes another screen a new entry, and nothing of the same one', () => {
    expect(historyStep('#/', '#/album/Beach', false)).toBe('push');
    expect(historyStep('#/album/Beach', '#/folder/%2Fp', false)).toBe('push');
    expect(historyStep('#/album/Beach', '#/album/Beach/edit', false)).toBe('push');
    expect(historyStep('#/album/Beach', '#/album/Beach', true)).toBe('none');
  });

  it('replaces a search while it is typed, and pushes once it was submitted', () => {
    expect(historyStep('#/', '#/search/re', true)).toBe('push');
    expect(historyStep('#/search/re', '#/search/red', true)).toBe('replace');
    expect(historyStep('#/search/red', '#/search/red%20car', false)).toBe('push');
    // Cleared: All photos is a place of its own.
    expect(historyStep('#/search/red', '#/', true)).toBe('push');
  });

  it('makes Settings no entry of its own: opened, scrolled or closed, it replaces the screen’s', () => {
    expect(historyStep('#/album/Beach', '#/album/Beach?settings', false)).toBe('replace');
    expect(historyStep('#/album/Beach?settings', '#/album/Beach?settings=library', false)).toBe('replace');
    expect(historyStep('#/album/Beach?settings=library', '#/album/Beach', false)).toBe('replace');
    expect(historyStep('#/search/red?settings', '#/search/red', true)).toBe('replace');
  });

  it('pushes from a hash that named nothing', () => {
    expect(historyStep('#garbage', '#/', false)).toBe('push');
  });
});
