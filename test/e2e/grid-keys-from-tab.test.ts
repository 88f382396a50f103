// The grid's arrows from a tile reached with Tab, in the browser over `shoebox serve` (a new
// user's walk, when every tile was a Tab stop): All photos → Tab → Enter (Skip to photos) → Tab ×6 (the 4th tile's Open) → →
// put the focus ring on the first photo, not the 5th; right after "Skip to photos" the first →
// did nothing; and after any arrow the DOM focus sat on the region "Photos", so a screen reader
// said "Photos, region", never the photo. The arrows go on from the tile that has the focus, and
// the focus goes with the ring (roving focus): the tile's Open button, named for its photo.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { focusedName, skipToPhotos, tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** One day, newest first in the timeline: p1 (18:00) ... p8 (11:00), one row. */
const PHOTOS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
const ALL = PHOTOS.map((name) => `${name}.jpg`);

describe.skipIf(!hasChromium)('grid arrows from a tile reached with Tab', () => {
  const lib = useLibrarySession('grid-keys-tab', async (photos) => {
    for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [220 - i * 25, 30 + i * 25, 90], { taken: `2024:03:05 ${18 - i}:00:00` });
  });

  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  /** What a screen reader says first for the focused element: its label (or its tag). */
  const focused = () => focusedName(lib.page);
  const ring = () => lib.page.locator('.tile--focused').getAttribute('data-index');
  const checked = () => lib.page.locator('.tile').getByRole('checkbox', { checked: true }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  const press = async (key: string, label: string, index: number) => {
    await lib.page.keyboard.press(key);
    await eventually(ring, 10_000).toBe(String(index));
    await eventually(focused, 10_000).toBe(label);
  };

  it("→ from the 4th tile's Open button, reached with Tab, goes to the 5th, and the focus goes with it", async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(ALL);
    await skipToPhotos(lib.page, 'p1.jpg');
    // The grid is one Tab stop (grid-one-tab-stop.test.ts): the arrows go to the 4th tile, Tab
    // to its "More like this" and Shift+Tab back to its Open button.
    for (let i = 0; i < 3; i++) await lib.page.keyboard.press('ArrowRight');
    await eventually(focused, 10_000).toBe('Open p4.jpg');
    await lib.page.keyboard.press('Tab');
    expect(await focused()).toBe('More like p4.jpg');
    await lib.page.keyboard.press('Shift+Tab');
    await eventually(focused, 10_000).toBe('Open p4.jpg');
    await press('ArrowRight', 'Open p5.jpg', 4);
    await press('ArrowRight', 'Open p6.jpg', 5);
    await press('ArrowLeft', 'Open p5.jpg', 4);
    // Never the region: it has no active descendant to say.
    expect(await lib.page.evaluate(() => document.activeElement?.getAttribute('role') ?? null)).toBeNull();
  });

  it('right after "Skip to photos" the first → moves to the second photo', async () => {
    await lib.page.getByRole('link', { name: 'Skip to photos' }).focus();
    await lib.page.keyboard.press('Enter');
    await eventually(focused, 10_000).toBe('Open p1.jpg');
    await press('ArrowRight', 'Open p2.jpg', 1);
    await press('ArrowRight', 'Open p3.jpg', 2);
  });

  it("from the grid itself and from a tile's check, the arrows give the focus to the tile they move to; the keys go on working", async () => {
    await lib.page.getByRole('region', { name: 'Photos' }).focus();
    await press('ArrowLeft', 'Open p2.jpg', 1);
    // Space selects the focused tile, shift+→ extends, Escape clears.
    await lib.page.keyboard.press(' ');
    await eventually(checked, 10_000).toEqual(['Select p2.jpg']);
    await press('Shift+ArrowRight', 'Open p3.jpg', 2);
    await eventually(checked, 10_000).toEqual(['Select p2.jpg', 'Select p3.jpg']);
    await eventually(() => bar().innerText(), 10_000).toContain('2 photos selected');
    await lib.page.keyboard.press('Escape');
    await eventually(() => bar().count(), 10_000).toBe(0);
    expect(await focused()).toBe('Open p3.jpg');
    // A tick on p6's check: → goes on from p6.
    await lib.page.getByRole('checkbox', { name: 'Select p6.jpg' }).click();
    await eventually(checked, 10_000).toEqual(['Select p6.jpg']);
    await press('ArrowRight', 'Open p7.jpg', 6);
    // F favourites the selection from a tile's button, as from the grid.
    await lib.page.keyboard.press('f');
    await eventually(() => lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: 'Open p6.jpg' }) }).getByRole('img', { name: 'Favourite' }).count(), 20_000).toBe(1);
    expect(await focused()).toBe('Open p7.jpg');
    await lib.page.keyboard.press('Enter');
    await eventually(() => lib.page.getByRole('dialog', { name: /^Photo viewer/ }).getAttribute('aria-label'), 10_000).toBe('Photo viewer: p7.jpg');
    await lib.page.keyboard.press('Escape');
    await eventually(focused, 10_000).toBe('Open p7.jpg');
    await press('ArrowLeft', 'Open p6.jpg', 5);
  });

  it('with the focus on a tile after an arrow, Home / End / PageUp / PageDown move the focus along the tiles (grid-page-keys.test.ts for more)', async () => {
    await lib.page.setViewportSize({ width: 1280, height: 480 });
    await lib.page.getByRole('button', { name: 'Open p2.jpg' }).focus();
    await press('ArrowLeft', 'Open p1.jpg', 0);
    await press('End', 'Open p8.jpg', 7);
    await press('Home', 'Open p1.jpg', 0);
    await press('Control+End', 'Open p8.jpg', 7);
    await lib.page.keyboard.press('PageUp');
    await eventually(async () => Number(await ring()), 10_000).toBeLessThan(7);
    await press('Control+Home', 'Open p1.jpg', 0);
    // The keys never fell to the page, nor to the region.
    expect(await lib.page.evaluate(() => document.activeElement?.classList.contains('tile__open') ?? false)).toBe(true);
    await lib.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
