// "On this day" in the browser over `shoebox serve`: the sidebar offers it only when today's
// month and day have photos from earlier years, and it opens them as a timeline with a date
// header per year, newest first. Photos are dated relative to today on this machine's clock
// (the page's calendar and the test's are the same machine's). Screenshot: on-this-day.png.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const now = new Date();
const year = now.getFullYear();
const pad = (n: number) => String(n).padStart(2, '0');
/** EXIF's "YYYY:MM:DD HH:MM:SS" for today's month and day in `y` (at noon), or `days` later. */
function taken(y: number, days = 0): string {
  const d = new Date(y, now.getMonth(), now.getDate() + days, 12);
  return `${d.getFullYear()}:${pad(d.getMonth() + 1)}:${pad(d.getDate())} 12:00:00`;
}
/** "March 2024" as the grid's month headers read. */
const monthOf = (y: number) => new Date(y, now.getMonth(), 15).toLocaleDateString('en-US', { month: 'long', year: 'numeric' });

describe.skipIf(!hasChromium)('on this day in the browser', () => {
  const lib = useLibrarySession('on-this-day', async (photos) => {
    // A photo of another day only: the sidebar offers nothing yet.
    await writeExifColourPhoto(photos, 'other-day.jpg', [230, 220, 20], { taken: taken(year - 2, 3) });
  });

  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const entry = () => sidebar().getByRole('button', { name: /^On this day/ });

  it('is not offered while today has no photos from earlier years', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.tile__open').count()).toBe(1);
    expect(await entry().count()).toBe(0);
  });

  it("appears with the count once there are some, and opens them newest year first, one header per year", async () => {
    await writeExifColourPhoto(lib.photos, 'two-years-ago.jpg', [220, 20, 20], { taken: taken(year - 2) });
    await writeExifColourPhoto(lib.photos, 'seven-years-ago.jpg', [20, 200, 30], { taken: taken(year - 7) });
    await writeExifColourPhoto(lib.photos, 'today.jpg', [25, 30, 210], { taken: taken(year) }); // not a memory yet
    // `serve` watches the folder: the new photos are indexed as they land.
    await eventually(() => entry().innerText()).toMatch(/^On this day\s+2$/);
    await entry().click();
    await eventually(() => lib.page.getByRole('heading', { level: 1, name: 'On this day' }).isVisible()).toBe(true);
    await eventually(() => tileNames(lib.page)).toEqual(['two-years-ago.jpg', 'seven-years-ago.jpg']);
    expect(await entry().getAttribute('aria-pressed')).toBe('true');
    const grid = lib.page.getByRole('region', { name: 'On this day' });
    expect(await grid.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([monthOf(year - 2), monthOf(year - 7)]);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'on-this-day');
    await lib.page.getByRole('button', { name: 'Show all photos' }).click();
    await eventually(() => lib.page.getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
    expect(await entry().getAttribute('aria-pressed')).toBe('false');
    expect(lib.errors).toEqual([]);
  });
});
