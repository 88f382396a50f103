// What a keyboard and search walk of the web UI found, in the browser over `shoebox serve`:
// the grid's focus stayed on a position when new photos came in above it (Space then selected
// a photo the user never chose); the "?" dialog focused a Close below its visible bottom and its
// headings went h2 → h4; Album… opened with the focus left on its button; Esc did not close the
// sidebar's "Folder to add"; and the filter bar's Place never offered places indexed after the
// page opened.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { sharedPath } from '../helpers/shared-data';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { FLORENCE, placePhotosAvailable } from './helpers/place-photos';
import { focusedName, skipToPhotos, tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Newest first in the timeline: p1 (5 Jan 2024) ... p5 (1 Jan). */
const PHOTOS = ['p1', 'p2', 'p3', 'p4', 'p5'];

describe.skipIf(!hasChromium)('keyboard and search walk', () => {
  const lib = useLibrarySession('keyboard-search-walk', async (photos) => {
    for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 30, 40 + i * 30, 60 + i * 20], { taken: `2024:01:0${5 - i} 12:00:00` });
  });
  const page = () => lib.page;
  const bar = () => page().getByRole('toolbar', { name: 'Selected photos' });
  const focused = () => focusedName(page());
  const activeText = () => page().evaluate(() => document.activeElement?.textContent ?? null);
  /** Each test from a fresh page: one that failed leaves nothing open for the next. */
  const open = async () => {
    await page().goto(lib.serve.url);
    await eventually(() => tileNames(page()), 90_000).toEqual(PHOTOS.map((p) => `${p}.jpg`));
  };

  it('"?" focuses the dialog\'s title, on screen, and its headings go h2 → h3; Tab goes on to Close', async () => {
    await open();
    await page().keyboard.press('?');
    const dialog = page().getByRole('dialog', { name: 'Keyboard shortcuts' });
    await eventually(() => dialog.count(), 10_000).toBe(1);
    await eventually(() => page().evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName), 10_000).toBe('shortcuts-title');
    // The focused element is within the dialog's visible part (not scrolled out below it).
    const seen = await page().evaluate(() => {
      const el = document.activeElement!.getBoundingClientRect();
      const box = document.querySelector('[role="dialog"]')!.getBoundingClientRect();
      return el.top >= box.top && el.bottom <= box.bottom && el.bottom <= window.innerHeight;
    });
    expect(seen).toBe(true);
    const levels = await dialog.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => [...new Set(hs.map((h) => h.tagName))]);
    expect(levels).toEqual(['H2', 'H3']);
    await page().keyboard.press('Tab');
    await eventually(activeText, 10_000).toBe('Close');
    await page().keyboard.press('Escape');
    await eventually(() => dialog.count(), 10_000).toBe(0);
  });

  it('Album… moves the focus into its panel, and Esc brings it back to Album…', async () => {
    await open();
    await page().getByRole('button', { name: 'Open p2.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText(), 10_000).toContain('1 photo selected');
    await bar().getByRole('button', { name: 'Album…' }).click();
    await eventually(focused, 10_000).toBe('Album');
    await page().keyboard.press('Escape');
    await eventually(activeText, 10_000).toBe('Album…');
    await page().keyboard.press('Escape'); // and the selection goes
    await eventually(() => bar().count(), 10_000).toBe(0);
  });

  it('Esc closes the sidebar\'s "Folder to add" and gives the focus back to "+ Add"', async () => {
    await open();
    const sidebar = page().getByRole('navigation', { name: 'Library' });
    await sidebar.getByRole('button', { name: '+ Add' }).click();
    const field = page().getByLabel('Folder to add');
    await eventually(() => field.evaluate((el) => el === document.activeElement), 10_000).toBe(true);
    await page().keyboard.press('Escape');
    await eventually(() => field.count(), 10_000).toBe(0);
    await eventually(activeText, 10_000).toBe('+ Add');
  });

  it('"/" focuses the search box with its text selected, so typing replaces the query', async () => {
    await open();
    const box = page().getByRole('searchbox');
    await box.fill('fountain');
    await page().getByRole('button', { name: 'Open p1.jpg' }).focus();
    await page().keyboard.press('/');
    await page().keyboard.type('snake');
    expect(await box.inputValue()).toBe('snake');
  });

  it('the focus stays on its photo, not its place, when newer photos come in above it', async () => {
    await open();
    await skipToPhotos(page(), 'p1.jpg');
    await page().keyboard.press('ArrowRight');
    await eventually(focused, 10_000).toBe('Open p2.jpg');
    // The watcher indexes two newer photos: they go above p2.
    for (const [i, name] of ['n1', 'n2'].entries()) await writeExifColourPhoto(lib.photos, `${name}.jpg`, [30 + i * 90, 200, 90 - i * 40], { taken: `2024:02:0${5 - i} 12:00:00` });
    await eventually(() => tileNames(page(), 2), 90_000).toEqual(['n1.jpg', 'n2.jpg']);
    await eventually(focused, 10_000).toBe('Open p2.jpg');
    // Space selects the photo the user chose, not the one now where it was.
    await page().keyboard.press(' ');
    await eventually(() => bar().innerText(), 10_000).toContain('1 photo selected');
    expect(await tileNames(page().locator('.tile--selected'))).toEqual(['p2.jpg']);
  });

  it.skipIf(!placePhotosAvailable)("the filter bar's Place offers places indexed after the page opened", async () => {
    await page().goto(lib.serve.url);
    await page().getByRole('searchbox').fill('red');
    const place = page().getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Place', exact: true });
    const suggestions = () => place.evaluate((input) => [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
    await place.focus();
    await eventually(suggestions, 10_000).toEqual([]);
    await page().getByRole('searchbox').focus();
    // A photo taken in Florence, indexed by the watcher while the page is open.
    fs.copyFileSync(sharedPath('photos', 'exif-samples', 'jpg', 'tests', FLORENCE), path.join(lib.photos, FLORENCE));
    await eventually(async () => JSON.stringify(await lib.serve.call('places')), 90_000).toContain('Florence');
    await place.focus();
    await eventually(suggestions, 20_000).toContain('Florence, Italy');
  });
});
