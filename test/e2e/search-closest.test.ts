// Search results that always leave a next step (#15 item 2), in the browser over `shoebox
// serve` with the tiny colour model: "red" finds the two reds, best match first or newest
// first (the same two), and "cyan", which nothing in the library is, says so and shows the
// closest photos anyway. Screenshots: test-results/screenshots/search-*.png.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Two reds, the closer one older; other colours dated around them; no cyan. */
async function writePhotos(dir: string): Promise<number> {
  await writeExifColourPhoto(dir, 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00' });
  await writeExifColourPhoto(dir, 'crimson.jpg', [200, 25, 45], { taken: '2023:01:02 09:00:00' });
  await writeExifColourPhoto(dir, 'green.jpg', [20, 200, 30], { taken: '2022:05:01 12:00:00' });
  await writeExifColourPhoto(dir, 'blue.jpg', [25, 30, 210], { taken: '2020:03:03 08:00:00' });
  await writeExifColourPhoto(dir, 'yellow.jpg', [230, 220, 20], { taken: '2019:07:07 18:00:00' });
  return 5;
}

describe.skipIf(!hasChromium)('search: date sort and closest photos in the browser', () => {
  let photoCount: number;
  const lib = useLibrarySession('closest', async (photos) => {
    photoCount = await writePhotos(photos);
  });

  const search = async (text: string) => {
    const box = lib.page.getByRole('searchbox', { name: 'Search photos' });
    await box.fill(text);
    await eventually(() => lib.page.getByRole('heading', { name: `Results for “${text}”` }).isVisible()).toBe(true);
  };

  it('sorts the matches for "red" by relevance, then by date, the set unchanged', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain(`${photoCount} photos`);
    await search('red');
    const sort = lib.page.getByRole('group', { name: 'Sort results' });
    await eventually(() => sort.getByRole('button', { name: 'Best match' }).getAttribute('aria-pressed')).toBe('true');
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'crimson.jpg']);
    await sort.getByRole('button', { name: 'Newest' }).click();
    await eventually(() => tileNames(lib.page)).toEqual(['crimson.jpg', 'red.jpg']);
    expect(await sort.getByRole('button', { name: 'Newest' }).getAttribute('aria-pressed')).toBe('true');
    expect(await lib.page.getByText(/No strong matches/).count()).toBe(0);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'search-sorted-by-date');
    await sort.getByRole('button', { name: 'Best match' }).click();
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'crimson.jpg']);
  });

  it('a search nothing passes says so and shows the closest photos', async () => {
    await search('cyan');
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'No strong matches' }).innerText()).toBe('No strong matches for “cyan”. Closest photos:');
    // Cyan sits between green and blue: they come first, and every photo is offered.
    await eventually(async () => (await tileNames(lib.page)).length).toBe(photoCount);
    expect((await tileNames(lib.page)).slice(0, 2).sort()).toEqual(['blue.jpg', 'green.jpg']);
    // The count names them for what they are: not results of the query.
    expect(await lib.page.locator('.result-header').innerText()).toContain(`${photoCount} closest photos`);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'search-closest-photos');
    // Newest first keeps the same closest photos.
    await lib.page.getByRole('group', { name: 'Sort results' }).getByRole('button', { name: 'Newest' }).click();
    await eventually(() => tileNames(lib.page)).toEqual(['crimson.jpg', 'green.jpg', 'red.jpg', 'blue.jpg', 'yellow.jpg']);
    expect(await lib.page.getByText('No strong matches for “cyan”. Closest photos:').isVisible()).toBe(true);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
