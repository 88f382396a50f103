// The archive in the browser over `shoebox serve` with the tiny colour model: the selection
// bar archives photos and they leave All photos (the selection with them); the sidebar's
// Archive counts them and lists exactly them, as a timeline; a search still finds one,
// badged, and its viewer says so, and Favourites keeps it; the viewer archives the photo on screen and steps on;
// Shift+A archives a grid's selection, and Undo beside the line brings it back; a write the engine refuses changes nothing and says
// why; a reload shows what the library kept; Unarchive (selection bar and viewer) brings
// them back, until the Archive says how to fill it. The refusal is played by routing the
// page's WebSocket (everything else passes through).
// Screenshots: test-results/screenshots/archive-*.png.
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
const ALL = PHOTOS.map(([name]) => `${name}.jpg`);
const without = (...gone: string[]) => ALL.filter((name) => !gone.includes(name));

describe.skipIf(!hasChromium)('the archive in the browser', () => {
  /** While set, the page's setArchived calls are answered with this error instead of reaching the engine. */
  let refuse: string | null = null;

  const lib = useLibrarySession('archive', async (photos) => {
    for (const [i, [name, rgb]] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, rgb, { taken: i < 4 ? `2024:03:07 1${8 - i}:00:00` : `2024:03:02 1${8 - i}:00:00` });
  });

  // The page's WebSocket routed before the page first loads (the folder went in through the API).
  beforeAll(async () => {
    await lib.page.routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const request = typeof message === 'string' ? (JSON.parse(message) as { id: number; method: string }) : null;
        if (refuse !== null && request?.method === 'setArchived') ws.send(JSON.stringify({ id: request.id, error: { name: 'Error', message: refuse } }));
        else server.send(message);
      });
    });
  });

  // A test that failed with the viewer open must not take the next ones down with it.
  afterEach(async () => {
    if (await viewer().count()) await lib.page.keyboard.press('Escape');
  });

  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const archiveEntry = () => sidebar().getByRole('button', { name: /^Archive/ });
  const allPhotosEntry = () => sidebar().getByRole('button', { name: /^All photos/ });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const viewerButton = (name: 'Archive' | 'Unarchive') => viewer().getByRole('button', { name, exact: true });
  const tile = (name: string) => lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: `Open ${name}.jpg`, exact: true }) });
  const open = (name: string) => tile(name).getByRole('button', { name: `Open ${name}.jpg`, exact: true });
  /** The tiles showing the archived badge, by photo name. */
  const badged = () => lib.page.locator('.tile', { has: lib.page.getByRole('img', { name: 'Archived', exact: true }) }).locator('.tile__open').evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^Open /, '')));
  /** What the library says is archived (the engine, not the page). */
  const libraryArchive = async () => ((await lib.serve.call('timeline', { archived: true })) as { photos: { path: string }[] }).photos.map((p) => p.path.replace(/^.*\//, '')).sort();
  const notice = (text: string) => lib.page.getByRole('status').filter({ hasText: text });

  async function showAllPhotos(): Promise<void> {
    await allPhotosEntry().click();
    await eventually(() => lib.page.getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
  }

  async function showArchive(): Promise<Locator> {
    await archiveEntry().click();
    await eventually(() => lib.page.getByRole('heading', { level: 1, name: 'Archive' }).isVisible()).toBe(true);
    return lib.page.getByRole('region', { name: 'Archive' });
  }

  it('the selection bar archives photos: they leave All photos, and the selection with them', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain(`${PHOTOS.length} photos`);
    await eventually(() => tileNames(lib.page)).toEqual(ALL);
    await eventually(() => archiveEntry().innerText()).toMatch(/^Archive\s*0$/);
    await open('red').click({ modifiers: ['ControlOrMeta'] });
    await open('green').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    expect(await bar().getByRole('button', { name: 'Unarchive', exact: true }).count()).toBe(0);
    await bar().getByRole('button', { name: 'Archive', exact: true }).click();
    // Their indices would name other photos now: the selection goes, the line stays.
    await eventually(() => notice('Archived 2 photos.').isVisible()).toBe(true);
    await eventually(() => bar().count()).toBe(0);
    await eventually(() => tileNames(lib.page)).toEqual(without('red.jpg', 'green.jpg'));
    expect(await libraryArchive()).toEqual(['green.jpg', 'red.jpg']);
    await eventually(() => lib.page.locator('.result-header').innerText()).toContain('5 photos');
    await eventually(() => archiveEntry().innerText()).toMatch(/^Archive\s*2$/);
    // "All photos" counts what it shows.
    await eventually(() => allPhotosEntry().innerText()).toMatch(/^All photos\s*5$/);
    expect(await badged()).toEqual([]);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'archive-all-photos');
  });

  it("the sidebar's Archive lists exactly the archived photos, as a timeline, badged", async () => {
    const grid = await showArchive();
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'green.jpg']);
    expect(await archiveEntry().getAttribute('aria-pressed')).toBe('true');
    expect(await allPhotosEntry().getAttribute('aria-pressed')).toBe('false');
    expect(await grid.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['March 2024']);
    expect(await lib.page.locator('.result-header').innerText()).toContain('2 photos');
    expect(await badged()).toEqual(['red.jpg', 'green.jpg']);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'archive-view');
  });

  it('a search still finds an archived photo, badged (beside its heart), and its viewer says it is archived', async () => {
    // A favourite too: both badges show, side by side.
    const red = ((await lib.serve.call('timeline', { archived: true })) as { photos: { id: string; path: string }[] }).photos.find((p) => p.path.endsWith('/red.jpg'))!;
    await lib.serve.call('setFavourites', [red.id], true);
    await lib.page.getByRole('searchbox').fill('red');
    await eventually(() => lib.page.getByRole('heading', { name: 'Results for “red”' }).isVisible()).toBe(true);
    await eventually(() => tileNames(lib.page)).toContain('red.jpg');
    const names = await tileNames(lib.page);
    expect(await badged()).toEqual(names.filter((name) => name === 'red.jpg' || name === 'green.jpg'));
    expect(await tile('red').getByRole('img', { name: 'Archived', exact: true }).getAttribute('title')).toContain('still found by search');
    await eventually(() => tile('red').getByRole('img', { name: 'Favourite', exact: true }).isVisible()).toBe(true);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'archive-search');
    await open('red').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: red.jpg');
    expect(await viewer().getByText('Archived', { exact: true }).isVisible()).toBe(true);
    expect(await viewerButton('Unarchive').isVisible()).toBe(true);
    await screenshot(lib.page, 'archive-viewer-search');
    await lib.page.keyboard.press('Escape');
    // Favourites is a view the user narrowed on purpose: it keeps an archived favourite, badged.
    await sidebar().getByRole('button', { name: /^Favourites/ }).click();
    await eventually(() => lib.page.getByRole('heading', { level: 1, name: 'Favourites' }).isVisible()).toBe(true);
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg']);
    expect(await badged()).toEqual(['red.jpg']);
    await lib.serve.call('setFavourites', [red.id], false);
    await showAllPhotos();
  });

  it('a write the engine refuses changes nothing and says why', async () => {
    await eventually(() => tileNames(lib.page)).toEqual(without('red.jpg', 'green.jpg'));
    await open('blue').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: blue.jpg');
    refuse = 'The library is read-only on this device.';
    try {
      await viewerButton('Archive').click();
      await eventually(() => viewer().getByRole('alert').innerText()).toBe('The library is read-only on this device.');
      expect(await viewerButton('Archive').isVisible()).toBe(true);
      expect(await viewer().getAttribute('aria-label')).toBe('Photo viewer: blue.jpg');
    } finally {
      refuse = null;
    }
    expect(await libraryArchive()).toEqual(['green.jpg', 'red.jpg']);
    await lib.page.keyboard.press('Escape');
    expect(await tileNames(lib.page)).toEqual(without('red.jpg', 'green.jpg'));
  });

  it('the viewer archives the photo on screen, which leaves All photos: the viewer steps on', async () => {
    await open('yellow').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: yellow.jpg');
    await viewerButton('Archive').click();
    // The one that took its place in the list; a line says where the archived one went, with Undo.
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: crimson.jpg');
    expect(await viewerButton('Archive').isVisible()).toBe(true);
    await eventually(libraryArchive).toEqual(['green.jpg', 'red.jpg', 'yellow.jpg']);
    const said = viewer().getByRole('status').filter({ hasText: 'yellow.jpg' });
    expect(await said.innerText()).toBe('Archived yellow.jpg: out of the timeline, still found by search. Undo');
    await said.getByRole('button', { name: 'Undo' }).click();
    await eventually(libraryArchive).toEqual(['green.jpg', 'red.jpg']);
    await eventually(() => said.innerText()).toBe('Brought yellow.jpg back to the timeline.');
    // Archived again with its key, from its own viewer.
    await lib.page.keyboard.press('Escape');
    await eventually(() => tileNames(lib.page)).toEqual(without('red.jpg', 'green.jpg'));
    await open('yellow').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: yellow.jpg');
    await lib.page.keyboard.press('Shift+A');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: crimson.jpg');
    await eventually(libraryArchive).toEqual(['green.jpg', 'red.jpg', 'yellow.jpg']);
    await lib.page.keyboard.press('Escape');
    await eventually(() => tileNames(lib.page)).toEqual(without('red.jpg', 'green.jpg', 'yellow.jpg'));
    await eventually(() => archiveEntry().innerText()).toMatch(/^Archive\s*3$/);
  });

  it('Shift+A archives the selection of a grid', async () => {
    await open('navy').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    // Straight after the click that selected it (the tile's button has the focus): the grid's key.
    await lib.page.keyboard.press('Shift+A');
    await eventually(() => notice('Archived 1 photo.').isVisible()).toBe(true);
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'crimson.jpg', 'teal.jpg']);
    expect(await libraryArchive()).toEqual(['green.jpg', 'navy.jpg', 'red.jpg', 'yellow.jpg']);
  });

  it('Undo beside the line brings the photo back at once; archived again, it leaves again', async () => {
    await notice('Archived 1 photo.').getByRole('button', { name: 'Undo' }).click();
    await eventually(() => notice('Unarchived 1 photo.').isVisible()).toBe(true);
    expect(await notice('Unarchived 1 photo.').getByRole('button', { name: 'Undo' }).count()).toBe(0); // an undo is not undone
    await eventually(async () => (await tileNames(lib.page)).sort()).toEqual(['blue.jpg', 'crimson.jpg', 'navy.jpg', 'teal.jpg']);
    expect(await libraryArchive()).toEqual(['green.jpg', 'red.jpg', 'yellow.jpg']);
    await open('navy').click({ modifiers: ['ControlOrMeta'] });
    await lib.page.getByRole('region', { name: 'Photos' }).focus();
    await lib.page.keyboard.press('Shift+A');
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'crimson.jpg', 'teal.jpg']);
    expect(await libraryArchive()).toEqual(['green.jpg', 'navy.jpg', 'red.jpg', 'yellow.jpg']);
  });

  it('a reload shows what the library kept', async () => {
    await lib.page.reload();
    await eventually(() => lib.page.locator('.result-header').innerText(), 30_000).toContain('3 photos');
    await eventually(() => tileNames(lib.page)).toEqual(['blue.jpg', 'crimson.jpg', 'teal.jpg']);
    await eventually(() => archiveEntry().innerText()).toMatch(/^Archive\s*4$/);
    await showArchive();
    await eventually(() => tileNames(lib.page)).toEqual(['navy.jpg', 'red.jpg', 'green.jpg', 'yellow.jpg']);
  });

  it('Unarchive in the Archive brings photos back: from the selection bar and from the viewer', async () => {
    await open('red').click({ modifiers: ['ControlOrMeta'] });
    await open('green').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    expect(await bar().getByRole('button', { name: 'Archive', exact: true }).count()).toBe(0);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'archive-selection');
    // At 1280 px every action and Clear selection sit on one row (Clear selection used to wrap below).
    const middles = await bar().locator('.selection-bar__row').first().getByRole('button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => r.top + r.height / 2));
    expect(middles.length).toBeGreaterThan(5);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    await bar().getByRole('button', { name: 'Unarchive', exact: true }).click();
    await eventually(() => notice('Unarchived 2 photos.').isVisible()).toBe(true);
    await eventually(() => bar().count()).toBe(0);
    await eventually(() => tileNames(lib.page)).toEqual(['navy.jpg', 'yellow.jpg']);
    expect(await libraryArchive()).toEqual(['navy.jpg', 'yellow.jpg']);
    // yellow is the last: once it leaves, the viewer steps back to navy; once navy leaves too, it closes.
    await open('yellow').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: yellow.jpg');
    await viewerButton('Unarchive').click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: navy.jpg');
    await viewerButton('Unarchive').click();
    await eventually(() => viewer().count()).toBe(0);
    await eventually(() => lib.page.getByText('Nothing archived. Archived photos stay out of your timeline but still turn up in search: select photos and choose Archive.').isVisible()).toBe(true);
    await eventually(() => archiveEntry().innerText()).toMatch(/^Archive\s*0$/);
    expect(await libraryArchive()).toEqual([]);
    await screenshot(lib.page, 'archive-empty');
    await showAllPhotos();
    await eventually(() => tileNames(lib.page)).toEqual(ALL);
    await eventually(() => allPhotosEntry().innerText()).toMatch(new RegExp(`^All photos\\s*${PHOTOS.length}$`));
  });

  it('All photos with everything archived points to the Archive', async () => {
    await lib.page.getByRole('region', { name: 'Photos' }).focus();
    await lib.page.keyboard.press('ControlOrMeta+a');
    await eventually(() => bar().innerText()).toContain(`${PHOTOS.length} photos selected`);
    await lib.page.keyboard.press('Shift+A');
    await eventually(() => lib.page.locator('.content__empty').innerText()).toBe(`Every photo is archived: ${PHOTOS.length} photos in the Archive (in the sidebar), still found by search.`);
    await lib.serve.call('setArchived', (await lib.serve.call('timeline', { archived: true }) as { photos: { id: string }[] }).photos.map((p) => p.id), false);
    await eventually(() => tileNames(lib.page)).toEqual(ALL);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
