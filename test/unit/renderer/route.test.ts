// Where the user is, as the URL's hash (src/renderer/lib/route.ts): every screen and view the
// app shows reads back from its hash as itself, names with '/', '?', '#', '%' and accents
// included, and so do the results' filters and sort and the photo open in the viewer; what
// names nothing reads as nothing (the app then shows All photos); and which moves are new
// history entries (a screen, a photo opened) and which replace theirs (a search typed, a
// filter, a step in the viewer), and when closing the viewer goes back.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src/renderer/lib/filters';
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

  it('a search by image’s results have a hash, restored only by the page that holds the image', () => {
    const image = { kind: 'image', name: 'a.jpg', base64: 'AAAA', previewUrl: 'blob:x' } as const;
    expect(routeToHash(photos(image))).toBe(IMAGE_HASH);
    // A reload or a link: the image is in no URL.
    expect(hashToRoute(IMAGE_HASH)).toBeNull();
    expect(hashToRoute(`${IMAGE_HASH}?photo=abc`)).toBeNull();
    // Back or Forward in the page that searched by it: the image it holds.
    expect(hashToRoute(IMAGE_HASH, image)).toEqual(photos(image));
    expect(hashToRoute('#/image/x', image)).toBeNull();
  });

  it('a photo opened over a search by image’s results is in its hash', () => {
    const image = { kind: 'image', name: 'a.jpg', base64: 'AAAA', previewUrl: 'blob:x' } as const;
    expect(routeToHash({ ...photos(image), photo: 'abc' })).toBe(`${IMAGE_HASH}?photo=abc`);
    expect(hashToRoute(`${IMAGE_HASH}?photo=abc`, image)).toEqual({ ...photos(image), photo: 'abc' });
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

describe('the filters, the sort and the viewer’s photo in the hash', () => {
  const red = photos({ kind: 'search', query: 'red' });

  it('reads back filters, the sort and the photo, each percent-encoded', () => {
    const route: Route = {
      ...red,
      settings: { section: 'library' },
      filters: { from: '2021-06-01', to: '2021-06-30', camera: 'Canon & co', folder: `/media/${ODD}`, location: 'without', place: 'Besançon, France', tag: 'dog / puppy', favourite: true },
      sort: 'date',
      photo: 'id/with?odd#chars&x=1',
    };
    const hash = routeToHash(route);
    expect(hash.split('#')).toHaveLength(2);
    expect(hash.split('?')).toHaveLength(2);
    expect(hash).toMatch(/^#\/search\/red\?from=2021-06-01&to=2021-06-30&camera=Canon%20%26%20co&folder=.*&location=without&place=.*&tag=.*&favourite&sort=date&photo=.*&settings=library$/);
    expect(hashToRoute(hash)).toEqual(route);
    expect(routeToHash({ ...red, filters: { ...NO_FILTERS, camera: 'canon' }, photo: 'abc' })).toBe('#/search/red?camera=canon&photo=abc');
    expect(routeToHash({ ...ALL_PHOTOS_ROUTE, photo: 'abc' })).toBe('#/?photo=abc');
    expect(hashToRoute('#/similar/abc/red.jpg?favourite&photo=def')).toEqual({ ...photos({ kind: 'similar', id: 'abc', label: 'red.jpg' }), filters: { ...NO_FILTERS, favourite: true }, photo: 'def' });
  });

  it('reads the parts in any order, and leaves out those that do not apply there', () => {
    expect(hashToRoute('#/search/red?photo=abc&sort=date&tag=dog')).toEqual({ ...red, filters: { ...NO_FILTERS, tag: 'dog' }, sort: 'date', photo: 'abc' });
    // A timeline has no filter bar, look-alikes no sort, an editor no viewer.
    expect(hashToRoute('#/?camera=canon&sort=date&photo=abc')).toEqual({ ...ALL_PHOTOS_ROUTE, photo: 'abc' });
    expect(hashToRoute('#/similar/abc/x.jpg?sort=date')).toEqual(photos({ kind: 'similar', id: 'abc', label: 'x.jpg' }));
    expect(hashToRoute('#/album/Beach/edit?photo=abc&settings')).toEqual(screen({ kind: 'album-editor', name: 'Beach' }, { section: null }));
    expect(hashToRoute('#/album/Beach?photo=abc&camera=canon')).toEqual({ ...screen({ kind: 'album', name: 'Beach' }), photo: 'abc' });
    expect(routeToHash({ ...ALL_PHOTOS_ROUTE, filters: { ...NO_FILTERS, camera: 'canon' }, sort: 'date' })).toBe('#/');
    // A search by image's filters go with its image: a reload has neither.
    expect(routeToHash({ ...photos({ kind: 'image', name: 'a.jpg', base64: 'AAAA', previewUrl: 'blob:x' }), filters: { ...NO_FILTERS, tag: 'dog' } })).toBe(IMAGE_HASH);
    expect(routeToHash({ ...red, filters: NO_FILTERS, sort: 'score' })).toBe('#/search/red');
  });

  it('reads a value that cannot be as not set, and an unknown or repeated part as nothing', () => {
    expect(hashToRoute('#/search/red?from=yesterday&location=sideways&sort=random&photo=')).toEqual(red);
    expect(hashToRoute('#/search/red?camera=')).toEqual(red);
    for (const bad of ['#/search/red?colour=red', '#/search/red?tag=a&tag=b', '#/search/red?photo=%E0%A4%A', '#/search/red?&photo=abc', '#/search/red?photo=abc&']) expect(hashToRoute(bad), bad).toBeNull();
  });
});

describe('what the filters and the viewer do to the history', () => {
  it('replaces the entry for filters and the sort', () => {
    expect(historyStep('#/search/red', '#/search/red?camera=c', false)).toBe('replace');
    expect(historyStep('#/search/red?camera=c', '#/search/red?camera=ca&sort=date', false)).toBe('replace');
    expect(historyStep('#/search/red?camera=ca', '#/search/red', false)).toBe('replace');
    // Another search is another place all the same.
    expect(historyStep('#/search/red?camera=ca', '#/search/blue?camera=ca', false)).toBe('push');
  });

  it('pushes a photo opened, replaces a step to another, and goes back when closed over the entry it came from', () => {
    expect(historyStep('#/search/red', '#/search/red?photo=a', false)).toBe('push');
    expect(historyStep('#/?photo=a', '#/?photo=b', false)).toBe('replace');
    expect(historyStep('#/?photo=b', '#/', false, '#/')).toBe('back');
    // Opened from a link (the entry before is another place, or none): the closed screen replaces it.
    expect(historyStep('#/?photo=b', '#/', false, '#/album/Beach')).toBe('replace');
    expect(historyStep('#/?photo=b', '#/', false)).toBe('replace');
    // "More like this" from the viewer is another place.
    expect(historyStep('#/?photo=b', '#/similar/b/b.jpg', false, '#/')).toBe('push');
  });

  it('does the same over a search by image’s results: Back closes the viewer, not the search', () => {
    expect(historyStep('#/', IMAGE_HASH, false)).toBe('push');
    expect(historyStep(IMAGE_HASH, `${IMAGE_HASH}?photo=a`, false)).toBe('push');
    expect(historyStep(`${IMAGE_HASH}?photo=a`, `${IMAGE_HASH}?photo=b`, false)).toBe('replace');
    expect(historyStep(`${IMAGE_HASH}?photo=b`, IMAGE_HASH, false, IMAGE_HASH)).toBe('back');
    expect(historyStep(`${IMAGE_HASH}?photo=b`, '#/similar/b/b.jpg', false, IMAGE_HASH)).toBe('push');
  });
});
