// The timeline in the browser over `shoebox serve` (#15 item 1): "All photos" newest taken
// first under month and day headers, a photo without a date placed by its file time and
// marked, the month pinned at the top while scrolling, the scrubber jumping to a month, and
// "Recently added". Screenshots: test-results/screenshots/timeline-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Months of 2022 with 6 photos each on two days, one photo from 2019, one without a date. */
const MONTHS = [3, 5, 7, 9, 11];
const PER_DAY = 3;

async function writePhotos(dir: string): Promise<number> {
  const jobs: Promise<string>[] = [];
  for (const month of MONTHS) {
    for (const day of [4, 18]) {
      for (let k = 0; k < PER_DAY; k++) {
        const mm = String(month).padStart(2, '0');
        const rgb: [number, number, number] = [40 + month * 15, 60 + day * 5, 80 + k * 50];
        jobs.push(writeExifColourPhoto(dir, `2022-${mm}-${day}-${k}.jpg`, rgb, { taken: `2022:${mm}:${String(day).padStart(2, '0')} 1${k}:00:00` }));
      }
    }
  }
  jobs.push(writeExifColourPhoto(dir, 'old-2019.jpg', [200, 200, 200], { taken: '2019:05:01 09:00:00' }));
  await Promise.all(jobs);
  // No EXIF date: the timeline places it by its file time, 1 Dec 2022 (noon UTC).
  const scan = await writeExifColourPhoto(dir, 'scan.jpg', [120, 90, 60]);
  const noon = new Date('2022-12-01T12:00:00Z');
  fs.utimesSync(scan, noon, noon);
  return jobs.length + 1;
}

describe.skipIf(!hasChromium)('timeline in the browser', () => {
  let photoCount: number;
  const lib = useLibrarySession(
    'timeline',
    async (photos) => {
      photoCount = await writePhotos(photos);
      expect(path.isAbsolute(photos)).toBe(true);
    },
    { viewport: { width: 1280, height: 720 } },
  );

  const grid = () => lib.page.getByRole('region', { name: 'Photos' });

  it('shows the library newest first under month and day headers, the undated photo marked', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain(`${photoCount} photos`);
    await eventually(() => grid().getByRole('heading', { level: 2 }).first().innerText()).toBe('December 2022');
    // The undated scan (file time 1 Dec 2022) is first, marked; then November's photos.
    await eventually(() => tileNames(lib.page)).toContain('scan.jpg');
    const names = await tileNames(lib.page);
    expect(names[0]).toBe('scan.jpg');
    expect(names.slice(1, 4).sort()).toEqual(['2022-11-18-0.jpg', '2022-11-18-1.jpg', '2022-11-18-2.jpg']);
    const scanTile = lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: 'Open scan.jpg' }) });
    expect(await scanTile.locator('.tile__file-time').innerText()).toBe('file date');
    expect(await grid().getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(expect.arrayContaining(['December 2022', 'November 2022']));
    expect(await grid().getByRole('heading', { level: 3 }).first().innerText()).toMatch(/Dec 1/);
    await waitForThumbnails(lib.page, 24);
    await screenshot(lib.page, 'timeline-all-photos');
  });

  it('pins the month at the top while scrolling, and the scrubber jumps to a month', async () => {
    const scrubber = lib.page.getByRole('navigation', { name: 'Jump to a date' });
    expect(await scrubber.getByRole('button').count()).toBe(MONTHS.length + 2);
    await scrubber.getByRole('button', { name: 'Jump to July 2022' }).click();
    await eventually(() => tileNames(lib.page)).toContain('2022-07-18-0.jpg');
    // Scrolled into July, its header stays pinned at the top.
    await grid().hover();
    await lib.page.mouse.wheel(0, 150);
    await eventually(() => lib.page.locator('.timeline__pinned').innerText()).toBe('July 2022');
    await eventually(() => scrubber.locator('[aria-current="date"]').getAttribute('aria-label')).toBe('Jump to July 2022');
    await waitForThumbnails(lib.page, 24);
    await screenshot(lib.page, 'timeline-scrubbed-to-july');
    await scrubber.getByRole('button', { name: 'Jump to May 2019' }).click();
    await eventually(() => tileNames(lib.page)).toContain('old-2019.jpg');
  });

  it('"Recently added" lists the library by when it was indexed', async () => {
    await lib.page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Recently added' }).click();
    await eventually(() => lib.page.getByRole('heading', { name: 'Recently added' }).isVisible()).toBe(true);
    const recent = lib.page.getByRole('region', { name: 'Recently added' });
    // Everything was indexed today: one month, one day.
    await eventually(() => recent.getByRole('heading', { level: 3 }).count()).toBe(1);
    await eventually(() => lib.page.locator('.result-header').innerText()).toContain(`${photoCount} photos`);
    const today = new Date().toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
    expect(await recent.getByRole('heading', { level: 3 }).innerText()).toBe(today);
    await eventually(async () => (await tileNames(lib.page)).length).toBeGreaterThan(0);
    await waitForThumbnails(lib.page, 24);
    await screenshot(lib.page, 'timeline-recently-added');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
