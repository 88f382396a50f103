// Shift+A in the viewer, keyboard only (a walker's finding): On this day, the last photo's
// viewer, Shift+A: "Archived otd3.jpg: out of the timeline, still found by search." and no
// Undo, in the viewer or in the grid once it closed. The Undo is the one the selection bar's
// Archive offers: the core's own unarchive of the photos the archive changed.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { focusedName, tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const now = new Date();
const pad = (n: number) => String(n).padStart(2, '0');
/** EXIF's date for today's month and day, `yearsAgo` years ago (On this day shows it). */
const taken = (yearsAgo: number) => `${now.getFullYear() - yearsAgo}:${pad(now.getMonth() + 1)}:${pad(now.getDate())} 12:00:00`;

describe.skipIf(!hasChromium)('Undo after Shift+A in the viewer', () => {
  const lib = useLibrarySession('viewer-archive-undo', async (photos) => {
    for (const [i, name] of ['otd1', 'otd2', 'otd3'].entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 60, 40 + i * 60, 90], { taken: taken(i + 1) });
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const entry = () => lib.page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^On this day/ });
  const grid = () => lib.page.getByRole('region', { name: 'On this day' });
  const libraryArchive = async () => ((await lib.serve.call('timeline', { archived: true })) as { photos: { path: string }[] }).photos.map((p) => p.path.replace(/^.*\//, '')).sort();

  it('the viewer offers Undo after Shift+A; Undo brings the photo back in the library and on screen', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => entry().innerText(), 60_000).toMatch(/^On this day\s+3$/);
    await entry().click();
    await eventually(() => tileNames(grid())).toEqual(['otd1.jpg', 'otd2.jpg', 'otd3.jpg']);
    await grid().getByRole('button', { name: 'Open otd3.jpg' }).focus();
    await lib.page.keyboard.press('Enter');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: otd3.jpg');
    await lib.page.keyboard.press('Shift+A');
    await eventually(libraryArchive).toEqual(['otd3.jpg']);
    // The last photo left: the viewer steps back to the one before.
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: otd2.jpg');
    const said = viewer().getByRole('status').filter({ hasText: 'otd3.jpg' });
    await eventually(() => said.innerText()).toBe('Archived otd3.jpg: out of the timeline, still found by search. Undo');
    // Reached from the keyboard: Tab walks the viewer to it.
    let steps = 0;
    while ((await focusedName(lib.page)) !== 'BUTTON' || (await lib.page.evaluate(() => document.activeElement?.textContent)) !== 'Undo') {
      await lib.page.keyboard.press('Tab');
      expect(++steps).toBeLessThan(40);
    }
    await lib.page.keyboard.press('Enter');
    await eventually(libraryArchive).toEqual([]);
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: otd3.jpg');
    await lib.page.keyboard.press('Escape');
    await eventually(() => tileNames(grid())).toEqual(['otd1.jpg', 'otd2.jpg', 'otd3.jpg']);
  });

  it('closed, the viewer leaves its line with Undo in the grid; so it does when the last photo left closed it', async () => {
    // otd1's viewer: Shift+A archives it and shows otd2; Shift+A again, otd3; Esc: the grid says so, with Undo.
    await grid().getByRole('button', { name: 'Open otd1.jpg' }).focus();
    await lib.page.keyboard.press('Enter');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: otd1.jpg');
    await lib.page.keyboard.press('Shift+A');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: otd2.jpg');
    await eventually(libraryArchive).toEqual(['otd1.jpg']);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
    const line = lib.page.getByRole('status').filter({ hasText: 'Archived otd1.jpg' });
    await eventually(() => line.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    await line.getByRole('button', { name: 'Undo' }).click();
    await eventually(libraryArchive).toEqual([]);
    await eventually(() => tileNames(grid())).toEqual(['otd1.jpg', 'otd2.jpg', 'otd3.jpg']);
    // Each photo archived from its viewer in turn: the last one leaves nothing, and the viewer closes.
    await grid().getByRole('button', { name: 'Open otd1.jpg' }).focus();
    await lib.page.keyboard.press('Enter');
    for (const [name, next] of [['otd1.jpg', 'otd2.jpg'], ['otd2.jpg', 'otd3.jpg']]) {
      await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${name}`);
      await lib.page.keyboard.press('Shift+A');
      await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${next}`);
    }
    await lib.page.keyboard.press('Shift+A');
    await eventually(() => viewer().count()).toBe(0);
    await eventually(libraryArchive).toEqual(['otd1.jpg', 'otd2.jpg', 'otd3.jpg']);
    const last = lib.page.getByRole('status').filter({ hasText: 'Archived otd3.jpg' });
    await eventually(() => last.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    // Nothing else holds the focus: the Undo has it, for Enter.
    await eventually(() => lib.page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await lib.page.keyboard.press('Enter');
    await eventually(libraryArchive).toEqual(['otd1.jpg', 'otd2.jpg']);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
