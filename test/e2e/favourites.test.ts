// Favourites in the browser over `shoebox serve` with the tiny colour model: the viewer's
// toggle (button and the F key) hearts a tile and fills the sidebar's Favourites timeline;
// the selection bar favourites several at once; "Favourites only" narrows a search;
// unfavouriting (viewer and selection bar) takes photos out of the view; a reload shows what
// the library kept; a write the engine refuses puts the heart back and says why; a smart
// album with the favourites filter follows them. The
// refusal is played by routing the page's WebSocket (everything else passes through).
// Screenshots: test-results/screenshots/favourites-*.png.
import type { Locator } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Newest taken first in the timeline: the first four on 7 March 2024, the others on 2 March, an hour apart. */
const PHOTOS: [string, [number, number, number]][] = [
  ['blue', [25, 30, 210]],
  ['navy', [20, 25, 140]],
  ['red', [220, 20, 20]],
  ['green', [20, 200, 30]],
  ['yellow', [230, 220, 20]],
  ['crimson', [160, 20, 40]],
  ['teal', [20, 150, 150]],
];

describe.skipIf(!hasChromium)('favourites in the browser', () => {
  /** While set, the page's setFavourites calls are answered with this error instead of reaching the engine. */
  let refuse: string | null = null;

  const lib = useLibrarySession('favourites', async (photos) => {
    for (const [i, [name, rgb]] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, rgb, { taken: i < 4 ? `2024:03:07 1${8 - i}:00:00` : `2024:03:02 1${8 - i}:00:00` });
  });

  // The page's WebSocket routed before the page first loads (the folder went in through the API).
  beforeAll(async () => {
    await lib.page.routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const request = typeof message === 'string' ? (JSON.parse(message) as { id: number; method: string }) : null;
        if (refuse !== null && request?.method === 'setFavourites') ws.send(JSON.stringify({ id: request.id, error: { name: 'Error', message: refuse } }));
        else server.send(message);
      });
    });
  });

  // A test that failed with the viewer open must not take the next ones down with it.
  afterEach(async () => {
    if (await viewer().count()) await lib.page.keyboard.press('Escape');
  });

  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const favouritesEntry = () => sidebar().getByRole('button', { name: /^Favourites/ });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const toggle = () => viewer().getByRole('button', { name: 'Favourite', exact: true });
  const tile = (name: string) => lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: `Open ${name}.jpg`, exact: true }) });
  const open = (name: string) => tile(name).getByRole('button', { name: `Open ${name}.jpg`, exact: true });
  /** The tiles showing a heart, by photo name. */
  const hearted = () => lib.page.locator('.tile', { has: lib.page.getByRole('img', { name: 'Favourite', exact: true }) }).locator('.tile__open').evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^Open /, '')));
  /** What the library says its favourites are (the engine, not the page). */
  const libraryFavourites = async () => ((await lib.serve.call('timeline', { favourite: true })) as { photos: { path: string }[] }).photos.map((p) => p.path.replace(/^.*\//, '')).sort();

  async function showFavourites(): Promise<Locator> {
    await favouritesEntry().click();
    await eventually(() => lib.page.getByRole('heading', { level: 1, name: 'Favourites' }).isVisible()).toBe(true);
    return lib.page.getByRole('region', { name: 'Favourites' });
  }

  it('the viewer toggles Favourite with its button, and the tile shows the heart', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain(`${PHOTOS.length} photos`);
    await eventually(() => tileNames(lib.page)).toEqual(PHOTOS.map(([name]) => `${name}.jpg`));
    expect(await hearted()).toEqual([]);
    await open('blue').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: blue.jpg');
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    await toggle().click();
    await eventually(() => toggle().getAttribute('aria-pressed')).toBe('true');
    await eventually(libraryFavourites).toEqual(['blue.jpg']);
    await screenshot(lib.page, 'favourites-viewer');
    await lib.page.keyboard.press('Escape');
    await eventually(hearted).toEqual(['blue.jpg']);
  });

  it('F toggles it too, on and off, while the viewer is open', async () => {
    await open('crimson').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: crimson.jpg');
    await lib.page.keyboard.press('f');
    await eventually(() => toggle().getAttribute('aria-pressed')).toBe('true');
    await eventually(libraryFavourites).toEqual(['blue.jpg', 'crimson.jpg']);
    // → steps to teal (not a favourite), F marks it, F again unmarks it.
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: teal.jpg');
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    await lib.page.keyboard.press('f');
    await eventually(() => toggle().getAttribute('aria-pressed')).toBe('true');
    await lib.page.keyboard.press('f');
    await eventually(() => toggle().getAttribute('aria-pressed')).toBe('false');
    await eventually(libraryFavourites).toEqual(['blue.jpg', 'crimson.jpg']);
    await lib.page.keyboard.press('Escape');
    await eventually(hearted).toEqual(['blue.jpg', 'crimson.jpg']);
    // Closed, F is just a key: nothing changes.
    await lib.page.keyboard.press('f');
    await lib.page.waitForTimeout(700);
    expect(await libraryFavourites()).toEqual(['blue.jpg', 'crimson.jpg']);
  });

  it('a write the engine refuses puts the heart back and says why', async () => {
    await open('navy').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: navy.jpg');
    refuse = 'The library is read-only on this device.';
    try {
      await toggle().click();
      await eventually(() => viewer().getByRole('alert').innerText()).toBe('The library is read-only on this device.');
      expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    } finally {
      refuse = null;
    }
    expect(await libraryFavourites()).toEqual(['blue.jpg', 'crimson.jpg']);
    await lib.page.keyboard.press('Escape');
    expect(await hearted()).toEqual(['blue.jpg', 'crimson.jpg']);
  });

  it('the sidebar\'s Favourites lists exactly the favourites, as a timeline', async () => {
    await eventually(() => favouritesEntry().innerText()).toMatch(/^Favourites\s*2$/);
    const grid = await showFavourites();
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'crimson.jpg']);
    expect(await favouritesEntry().getAttribute('aria-pressed')).toBe('true');
    expect(await sidebar().getByRole('button', { name: /^All photos/ }).getAttribute('aria-pressed')).toBe('false');
    expect(await grid.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['March 2024']);
    expect(await grid.getByRole('heading', { level: 3 }).count()).toBe(2);
    expect(await lib.page.locator('.result-header').innerText()).toContain('2 photos');
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'favourites-view');
  });

  it('the selection bar favourites several photos in one go', async () => {
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(() => tileNames(lib.page)).toEqual(PHOTOS.map(([name]) => `${name}.jpg`));
    await open('green').click({ modifiers: ['ControlOrMeta'] });
    await open('yellow').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await bar().getByRole('button', { name: 'Favourite', exact: true }).click();
    await eventually(() => bar().getByRole('status').innerText()).toBe('Added 2 photos to favourites.');
    await eventually(hearted).toEqual(['blue.jpg', 'green.jpg', 'yellow.jpg', 'crimson.jpg']);
    // The selection stays (the list did not change), so the line stays readable.
    expect(await bar().innerText()).toContain('2 photos selected');
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'favourites-selection');
    // The last click was the bar's: back on a selected tile's button, Escape is the grid's.
    await open('yellow').focus();
    await lib.page.keyboard.press('Escape');
    await eventually(() => bar().count()).toBe(0);
    expect(await libraryFavourites()).toEqual(['blue.jpg', 'crimson.jpg', 'green.jpg', 'yellow.jpg']);
    await eventually(() => favouritesEntry().innerText()).toMatch(/^Favourites\s*4$/);
    await showFavourites();
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'green.jpg', 'yellow.jpg', 'crimson.jpg']);
  });

  it('"Favourites only" narrows a search to the favourites among its results', async () => {
    await lib.page.getByRole('searchbox').fill('blue');
    await eventually(() => lib.page.getByRole('heading', { name: 'Results for “blue”' }).isVisible()).toBe(true);
    // The colour model ranks the blues first; the favourite blue.jpg and the plain navy.jpg both match.
    await eventually(async () => (await tileNames(lib.page)).slice(0, 2).sort()).toEqual(['blue.jpg', 'navy.jpg']);
    const all = await tileNames(lib.page);
    const filters = lib.page.getByRole('group', { name: 'Filters' });
    const only = filters.getByRole('checkbox', { name: 'Favourites only' });
    expect(await only.isChecked()).toBe(false);
    await only.check();
    const favourites = ['blue.jpg', 'crimson.jpg', 'green.jpg', 'yellow.jpg'];
    const expected = all.filter((name) => favourites.includes(name));
    expect(expected).toContain('blue.jpg');
    expect(expected.length).toBeLessThan(all.length);
    await eventually(() => tileNames(lib.page)).toEqual(expected);
    expect(await hearted()).toEqual(expected);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'favourites-search-filter');
    await only.uncheck();
    await eventually(() => tileNames(lib.page)).toEqual(all);
    await lib.page.getByRole('searchbox').fill('');
    await eventually(() => lib.page.getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
  });

  it('unfavouriting takes photos out of the Favourites view: from the viewer and from the selection bar', async () => {
    await showFavourites();
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'green.jpg', 'yellow.jpg', 'crimson.jpg']);
    // crimson is the last: once it leaves, the viewer steps back to the one before it.
    await open('crimson').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: crimson.jpg');
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    await toggle().click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: yellow.jpg');
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    await lib.page.keyboard.press('Escape');
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'green.jpg', 'yellow.jpg']);
    await open('green').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await bar().getByRole('button', { name: 'Unfavourite', exact: true }).click();
    // Its indices would name other photos now: the selection goes, the line stays.
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Removed 1 photo from favourites.' }).isVisible()).toBe(true);
    await eventually(() => bar().count()).toBe(0);
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'yellow.jpg']);
    expect(await libraryFavourites()).toEqual(['blue.jpg', 'yellow.jpg']);
  });

  it('a reload shows what the library kept', async () => {
    await lib.page.reload();
    // The reload comes back to Favourites (the screen is in the URL), with the two kept.
    await eventually(() => lib.page.locator('.result-header').innerText(), 30_000).toMatch(/^Favourites\s+2 photos/);
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'yellow.jpg']);
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(() => lib.page.locator('.result-header').innerText(), 30_000).toContain(`${PHOTOS.length} photos`);
    await eventually(hearted).toEqual(['blue.jpg', 'yellow.jpg']);
    await eventually(() => favouritesEntry().innerText()).toMatch(/^Favourites\s*2$/);
    await showFavourites();
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'yellow.jpg']);
    await open('yellow').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: yellow.jpg');
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    await lib.page.keyboard.press('Escape');
  });

  it('with none left, the view says how to make one', async () => {
    await lib.page.getByRole('region', { name: 'Favourites' }).focus();
    await lib.page.keyboard.press('ControlOrMeta+a');
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await bar().getByRole('button', { name: 'Unfavourite', exact: true }).click();
    await eventually(() => lib.page.getByText('No favourites yet: press F in the viewer, or select photos and choose Favourite.').isVisible()).toBe(true);
    await eventually(() => favouritesEntry().innerText()).toMatch(/^Favourites\s*0$/);
    expect(await libraryFavourites()).toEqual([]);
    await screenshot(lib.page, 'favourites-empty');
  });

  it('a smart album of favourites holds them, and follows a favourite marked later', async () => {
    const ids = new Map(((await lib.serve.call('timeline', { limit: 100 })) as { photos: { id: string; path: string }[] }).photos.map((p) => [p.path.replace(/^.*\//, ''), p.id]));
    await lib.serve.call('setFavourites', [ids.get('blue.jpg'), ids.get('red.jpg')], true);
    await sidebar().getByRole('region', { name: 'Albums', exact: true }).getByRole('button', { name: 'New album' }).click();
    const editor = lib.page.getByRole('form', { name: 'New album' });
    await eventually(() => editor.isVisible()).toBe(true);
    await editor.getByLabel('Name').fill('Loved');
    await editor.getByLabel('Query').fill('a photo');
    // Every photo passes this threshold: the favourites filter alone decides.
    await editor.getByLabel('Automatic').uncheck();
    await editor.getByLabel('Threshold', { exact: true }).fill('-1');
    await eventually(() => editor.locator('.album-preview').innerText(), 20_000).toMatch(new RegExp(`${PHOTOS.length} photos match`));
    await editor.getByLabel('that are favourites').check();
    await eventually(() => editor.locator('.album-preview').innerText(), 20_000).toMatch(/2 photos match/);
    await editor.getByRole('button', { name: 'Create album' }).click();
    await eventually(() => lib.page.getByRole('heading', { name: 'Loved', level: 1 }).isVisible()).toBe(true);
    expect(await lib.page.locator('.album-header__meta').innerText()).toContain('favourites');
    await eventually(() => tileNames(lib.page)).toEqual(expect.arrayContaining(['blue.jpg', 'red.jpg']));
    expect((await tileNames(lib.page)).length).toBe(2);
    await lib.serve.call('setFavourites', [ids.get('teal.jpg')], true);
    await eventually(async () => (await tileNames(lib.page)).sort(), 20_000).toEqual(['blue.jpg', 'red.jpg', 'teal.jpg']);
    await screenshot(lib.page, 'favourites-album');
  });

  it('F in a grid favourites the selection, and unmarks it when all of it are favourites', async () => {
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    const grid = lib.page.getByRole('region', { name: 'Photos' });
    await eventually(() => tileNames(lib.page), 20_000).toContain('navy.jpg');
    await open('navy').click({ modifiers: ['ControlOrMeta'] });
    await open('green').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await grid.focus();
    await lib.page.keyboard.press('f');
    await eventually(libraryFavourites).toEqual(['blue.jpg', 'green.jpg', 'navy.jpg', 'red.jpg', 'teal.jpg']);
    await eventually(async () => (await hearted()).sort()).toEqual(['blue.jpg', 'green.jpg', 'navy.jpg', 'red.jpg', 'teal.jpg']);
    // Every selected photo is a favourite now: F unmarks them.
    await lib.page.keyboard.press('f');
    await eventually(libraryFavourites).toEqual(['blue.jpg', 'red.jpg', 'teal.jpg']);
    await lib.page.keyboard.press('Escape');
    await eventually(() => bar().count()).toBe(0);
    // A new selection does not mark anything by itself (the F presses were for the last one).
    await open('yellow').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await lib.page.waitForTimeout(500);
    expect(await libraryFavourites()).toEqual(['blue.jpg', 'red.jpg', 'teal.jpg']);
    await lib.page.keyboard.press('Escape');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
