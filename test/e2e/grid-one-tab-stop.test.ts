// The photo grid is one Tab stop (roving tabindex), in the browser over `shoebox serve`. Every
// tile used to be two Tab stops (Open and More like this) and the grid is virtualised, so Tab
// never left it: 300 presses stayed among the tiles and the month rail after them could not be
// reached. Now only the highlighted tile's Open button is in the Tab order, its More like this
// after it; Tab goes on to the rail, Shift+Tab comes back to that tile, and while that tile is
// scrolled out of the drawn window the grid itself is the one stop, handing the focus to a tile
// on screen.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { focusedName, skipToPhotos, tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** March 20 back to March 9, 2024, five photos a day (one row each), then five in February:
 *  tall enough that the first rows leave the drawn window when the grid is scrolled down. */
const DAYS = [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9];
const PER_DAY = 5;

describe.skipIf(!hasChromium)('the photo grid is one Tab stop', () => {
  const lib = useLibrarySession('grid-one-tab-stop', async (photos) => {
    for (const [d, day] of DAYS.entries()) {
      for (let i = 0; i < PER_DAY; i++) await writeExifColourPhoto(photos, `d${day}-${i}.jpg`, [220 - d * 15, 30 + i * 40, 90], { taken: `2024:03:${String(day).padStart(2, '0')} ${18 - i}:00:00` });
    }
    for (let i = 0; i < PER_DAY; i++) await writeExifColourPhoto(photos, `feb-${i}.jpg`, [40, 200 - i * 30, 200], { taken: `2024:02:10 ${18 - i}:00:00` });
  });

  const grid = () => lib.page.getByRole('region', { name: 'Photos' });
  const rail = () => lib.page.getByRole('navigation', { name: 'Jump to a date' });
  const focused = () => focusedName(lib.page);
  const inRail = () => lib.page.evaluate(() => document.activeElement?.closest('nav[aria-label="Jump to a date"]') != null);
  const inGrid = () => lib.page.evaluate(() => document.activeElement?.closest('.grid') !== null);
  /** What in the grid Tab can land on: elements in the Tab order (tabindex >= 0), by name. */
  const tabStops = () =>
    grid().evaluate((el) => [el, ...el.querySelectorAll<HTMLElement>('button, a[href], input, [tabindex]')].filter((e) => e.tabIndex >= 0).map((e) => e.getAttribute('aria-label') ?? e.tagName));
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });

  it('from "Skip to photos", Tab leaves the grid in two presses (the tile\'s More like this, then the month rail)', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 90_000).toContain(`${(DAYS.length + 1) * PER_DAY} photos`);
    await eventually(() => tileNames(lib.page, 3), 60_000).toEqual(['d20-0.jpg', 'd20-1.jpg', 'd20-2.jpg']);
    await skipToPhotos(lib.page, 'd20-0.jpg');
    // The day's check, the tile's Open and its More like this: nothing else of the grid.
    await eventually(tabStops, 10_000).toEqual(['Select Wed, Mar 20, 2024', 'Open d20-0.jpg', 'More like d20-0.jpg']);
    await lib.page.keyboard.press('Tab');
    expect(await focused()).toBe('More like d20-0.jpg');
    await lib.page.keyboard.press('Tab');
    expect(await inGrid()).toBe(false);
    expect(await inRail()).toBe(true);
    expect(await focused()).toBe('Jump to March 2024');
  });

  it('arrows still move; Shift+Tab from the rail comes back to the highlighted tile; Enter opens it', async () => {
    await lib.page.keyboard.press('Shift+Tab');
    await lib.page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Open d20-0.jpg');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(focused, 10_000).toBe('Open d20-1.jpg');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(focused, 10_000).toBe('Open d20-2.jpg');
    // The Tab stop went with the focus: still exactly one tile.
    await eventually(tabStops, 10_000).toEqual(['Select Wed, Mar 20, 2024', 'Open d20-2.jpg', 'More like d20-2.jpg']);
    await lib.page.keyboard.press('Tab');
    await lib.page.keyboard.press('Tab');
    expect(await inRail()).toBe(true);
    await lib.page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('More like d20-2.jpg');
    await lib.page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Open d20-2.jpg');
    await lib.page.keyboard.press('Enter');
    await eventually(() => viewer().getAttribute('aria-label'), 10_000).toBe('Photo viewer: d20-2.jpg');
    await lib.page.keyboard.press('Escape');
    await eventually(focused, 10_000).toBe('Open d20-2.jpg');
  });

  it('the names a screen reader reads are unchanged', async () => {
    const tile = lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: 'Open d20-3.jpg', exact: true }) });
    expect(await tile.getByRole('button', { name: 'More like d20-3.jpg', exact: true }).count()).toBe(1);
    expect(await tile.getByRole('checkbox', { name: 'Select d20-3.jpg', exact: true }).count()).toBe(1);
  });

  it('with the highlighted tile scrolled out of the drawn window, the grid itself is the one Tab stop and hands the focus to a tile on screen', async () => {
    await rail().getByRole('button', { name: 'Jump to March 2024' }).focus();
    await grid().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await eventually(() => lib.page.getByRole('button', { name: 'Open d20-2.jpg', exact: true }).count(), 10_000).toBe(0);
    await eventually(tabStops, 10_000).toEqual(['Photos']);
    await lib.page.keyboard.press('Shift+Tab');
    await eventually(focused, 10_000).toMatch(/^Open /);
    const name = (await focused())!;
    expect(name).not.toBe('Open d20-2.jpg');
    // On screen, and now the Tab stop (with its More like this; the grid itself is out).
    const box = await lib.page.getByRole('button', { name, exact: true }).boundingBox();
    const area = await grid().boundingBox();
    expect(box!.y + box!.height).toBeGreaterThan(area!.y);
    expect(box!.y).toBeLessThan(area!.y + area!.height);
    await eventually(async () => (await tabStops()).filter((stop) => stop !== null && !stop.startsWith('Select '))).toEqual([name, name.replace(/^Open /, 'More like ')]);
    // Tab leaves again in two presses.
    await lib.page.keyboard.press('Tab');
    await lib.page.keyboard.press('Tab');
    expect(await inRail()).toBe(true);
  });

  it("the results' grid (More like this) is one Tab stop too: the first result's tile", async () => {
    await lib.page.getByRole('button', { name: /^More like / }).first().focus();
    await lib.page.keyboard.press('Enter');
    const results = lib.page.getByRole('region', { name: 'Search results' });
    await eventually(() => results.locator('.tile__open').count(), 60_000).toBeGreaterThan(10);
    const stops = () => results.evaluate((el) => [el, ...el.querySelectorAll<HTMLElement>('button, [tabindex]')].filter((e) => e.tabIndex >= 0).map((e) => e.getAttribute('aria-label')));
    const first = (await tileNames(results, 1))[0]!;
    await eventually(stops, 10_000).toEqual([`Open ${first}`, `More like ${first}`]);
    await results.getByRole('button', { name: `Open ${first}`, exact: true }).focus();
    await lib.page.keyboard.press('ArrowRight');
    const second = (await tileNames(results, 2))[1]!;
    await eventually(focused, 10_000).toBe(`Open ${second}`);
    await lib.page.keyboard.press('Tab');
    expect(await focused()).toBe(`More like ${second}`);
    await lib.page.keyboard.press('Tab');
    expect(await inGrid()).toBe(false);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
