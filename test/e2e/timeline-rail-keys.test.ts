// The timeline's year rail and day checks from the keyboard, in the browser over `shoebox
// serve` (a walker's findings). Shift+Tab to "Jump to December 2026", ↓ ×5: the focus stayed
// on December (its tick then out of the Tab order), each ↓ jumped to November again, and the
// grid never went further. ↑ ↓ Home End walk the months with the focus (roving tabindex), the
// focused tick has a ring of its own; and the days' checks are named with their year (Dec 7
// 2026 and Dec 7 2020 were both "Select Mon, Dec 7").
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { focusedName, tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Six photos a month, July to December 2026 (on the 7th and the 20th), and December 2020 (30:
 *  the grid must scroll far enough for July to come to the top). */
const MONTHS = ['2026-12', '2026-11', '2026-10', '2026-09', '2026-08', '2026-07', '2020-12'];
const NAMES = ['December 2026', 'November 2026', 'October 2026', 'September 2026', 'August 2026', 'July 2026', 'December 2020'];

describe.skipIf(!hasChromium)('the timeline rail and day checks from the keyboard', () => {
  const lib = useLibrarySession('rail-keys', async (photos) => {
    for (const [m, month] of MONTHS.entries()) {
      for (let i = 0; i < (m === MONTHS.length - 1 ? 30 : 6); i++) {
        const [y, mm] = month.split('-');
        await writeExifColourPhoto(photos, `m${m}-${i}.jpg`, [200 - m * 25, 40 + i * 30, 90], { taken: `${y}:${mm}:${i % 2 ? '20' : '07'} ${10 + (i % 12)}:${String(i).padStart(2, '0')}:00` });
      }
    }
  });

  const grid = () => lib.page.getByRole('region', { name: 'Photos' });
  const rail = () => lib.page.getByRole('navigation', { name: 'Jump to a date' });
  const scrollTop = () => grid().evaluate((el) => el.scrollTop);
  /** The month the rail marks as the one at the top of the view. */
  const current = () => rail().locator('[aria-current="date"]').getAttribute('aria-label');
  /** The ticks in the Tab order (roving tabindex: exactly one). */
  const tabStops = () => rail().locator('button[tabindex="0"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  /** The names of the days' checks drawn (the grid is virtualised). */
  const dayChecks = () => grid().locator('.timeline__day-select').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  const outline = (name: string) => rail().getByRole('button', { name, exact: true }).evaluate((el) => getComputedStyle(el).outlineStyle);

  it('↓ walks the rail month by month: the focus, the Tab stop, the month shown and the scroll go along', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBeGreaterThan(0);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain('66 photos');
    await eventually(current).toBe('Jump to December 2026');
    expect(await tabStops()).toEqual(['Jump to December 2026']);
    // Shift+Tab from what follows the grid's rail reaches it: the current month's tick.
    await rail().getByRole('button', { name: 'Jump to December 2026' }).focus();
    let top = await scrollTop();
    for (const name of NAMES.slice(1, 6)) {
      await lib.page.keyboard.press('ArrowDown');
      await eventually(() => focusedName(lib.page)).toBe(`Jump to ${name}`);
      await eventually(current).toBe(`Jump to ${name}`);
      await eventually(scrollTop).toBeGreaterThan(top);
      top = await scrollTop();
      expect(await tabStops()).toEqual([`Jump to ${name}`]);
    }
    await lib.page.keyboard.press('ArrowUp');
    await eventually(() => focusedName(lib.page)).toBe('Jump to August 2026');
    await eventually(current).toBe('Jump to August 2026');
    await eventually(scrollTop).toBeLessThan(top);
  });

  it('End and Home go to the oldest and newest month; the focused tick has a ring of its own', async () => {
    await lib.page.keyboard.press('End');
    await eventually(() => focusedName(lib.page)).toBe('Jump to December 2020');
    expect(await tabStops()).toEqual(['Jump to December 2020']);
    await eventually(current).toBe('Jump to December 2020');
    expect(await scrollTop()).toBeGreaterThan(0);
    // The keyboard's tick has a ring (the current month's marker has none of its own).
    expect(await outline('Jump to December 2020')).toBe('solid');
    // Its day's check names its year: the same weekday and date in 2026 is another.
    await eventually(dayChecks).toContain('Select Mon, Dec 7, 2020');
    await lib.page.keyboard.press('Home');
    await eventually(() => focusedName(lib.page)).toBe('Jump to December 2026');
    await eventually(scrollTop).toBe(0);
    await eventually(current).toBe('Jump to December 2026');
    await eventually(dayChecks).toContain('Select Mon, Dec 7, 2026');
  });

  it('leaving the rail, the Tab stop is the month shown, marked without the ring', async () => {
    await lib.page.keyboard.press('ArrowDown');
    await eventually(current).toBe('Jump to November 2026');
    await grid().focus();
    await eventually(tabStops).toEqual(['Jump to November 2026']);
    expect(await outline('Jump to November 2026')).toBe('none');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
