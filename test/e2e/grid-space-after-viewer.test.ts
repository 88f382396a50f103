// Space on a tile's own button, in the browser over `shoebox serve` (a new user's walk): All
// photos → Tab → Enter (Skip to photos) → → Enter opens the viewer → → → Esc gives the focus
// back to the tile's open button; Space there opened the viewer again (the button took it as a
// click), where the README and the ? dialog say "Space: Select or unselect the focused photo",
// as it did once an arrow had moved the focus to the grid. Space selects and unselects the
// focused tile wherever the focus is on it; Enter opens it.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { focusedName, skipToPhotos, tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Newest first in the timeline: p1 (5 Jan) ... p5 (1 Jan), one a day. */
const PHOTOS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const ALL = PHOTOS.map((name) => `${name}.jpg`);

describe.skipIf(!hasChromium)('Space on a tile selects, Enter opens', () => {
  const lib = useLibrarySession('grid-space', async (photos) => {
    for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 30, 40 + i * 30, 60], { taken: `2024:01:0${5 - i} 12:00:00` });
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const focused = () => focusedName(lib.page);
  const ring = () => lib.page.locator('.tile--focused').getAttribute('data-index');
  const checked = () => lib.page.locator('.tile').getByRole('checkbox', { checked: true }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));

  it('right after the viewer closes, Space selects the photo whose tile has the focus, not opens it again', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(ALL);
    await skipToPhotos(lib.page, 'p1.jpg');
    // The arrows go on from the tile that has the focus (the first), and the focus goes with the ring.
    await lib.page.keyboard.press('ArrowRight');
    await eventually(ring, 10_000).toBe('1');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(ring, 10_000).toBe('2');
    await eventually(focused, 10_000).toBe('Open p3.jpg');
    await lib.page.keyboard.press('Enter');
    await eventually(() => viewer().getAttribute('aria-label'), 10_000).toBe('Photo viewer: p3.jpg');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label'), 10_000).toBe('Photo viewer: p4.jpg');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label'), 10_000).toBe('Photo viewer: p5.jpg');
    await lib.page.keyboard.press('ArrowRight'); // the last photo: stays
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count(), 10_000).toBe(0);
    // The focus is back on the open button of the tile last shown.
    await eventually(focused, 10_000).toBe('Open p5.jpg');

    await lib.page.keyboard.press(' ');
    await eventually(() => bar().innerText(), 10_000).toContain('1 photo selected');
    expect(await checked()).toEqual(['Select p5.jpg']);
    await lib.page.waitForTimeout(300); // a viewer opened by the key's release would show by now
    expect(await viewer().count()).toBe(0);
    // Again: unselected, the grid keeps the keys and the ring on that photo.
    await lib.page.keyboard.press(' ');
    await eventually(() => bar().count(), 10_000).toBe(0);
    expect(await viewer().count()).toBe(0);
    await eventually(ring, 10_000).toBe('4');
  });

  it("a tile's open button takes Space as a selection and Enter as opening, photos selected or not", async () => {
    await lib.page.getByRole('button', { name: 'Open p2.jpg', exact: true }).focus();
    await lib.page.keyboard.press(' ');
    await eventually(() => bar().innerText(), 10_000).toContain('1 photo selected');
    expect(await checked()).toEqual(['Select p2.jpg']);
    await eventually(ring, 10_000).toBe('1');
    expect(await viewer().count()).toBe(0);
    // With a photo selected, Enter on another tile's button opens that one (a click would select it).
    await lib.page.getByRole('button', { name: 'Open p4.jpg', exact: true }).focus();
    await lib.page.keyboard.press('Enter');
    await eventually(() => viewer().getAttribute('aria-label'), 10_000).toBe('Photo viewer: p4.jpg');
    expect(await checked()).toEqual(['Select p2.jpg']);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count(), 10_000).toBe(0);
    await eventually(focused, 10_000).toBe('Open p4.jpg');
    await lib.page.keyboard.press(' ');
    await eventually(checked, 10_000).toEqual(['Select p2.jpg', 'Select p4.jpg']);
    expect(await viewer().count()).toBe(0);
    await lib.page.keyboard.press('Escape');
    await eventually(() => bar().count(), 10_000).toBe(0);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
