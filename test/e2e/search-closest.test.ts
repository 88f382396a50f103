// Search results that always leave a next step (#15 item 2), in the browser over `shoebox
// serve` with the tiny colour model: "red" finds the two reds, best match first or newest
// first (the same two), and "cyan", which nothing in the library is, says so and shows the
// closest photos anyway. Screenshots: test-results/screenshots/search-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
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
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let photoCount: number;

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-closest-home-');
    const photos = tempDir('shoebox-e2e-closest-photos-');
    photoCount = await writePhotos(photos);
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ serve, page, errors } = session);
    await serve.call('addFolder', photos);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const search = async (text: string) => {
    const box = page.getByRole('searchbox', { name: 'Search photos' });
    await box.fill(text);
    await eventually(() => page.getByRole('heading', { name: `Results for “${text}”` }).isVisible()).toBe(true);
  };

  it('sorts the matches for "red" by relevance, then by date, the set unchanged', async () => {
    await page.goto(serve.url);
    await eventually(() => page.locator('.result-header').innerText(), 60_000).toContain(`${photoCount} photos`);
    await search('red');
    const sort = page.getByRole('group', { name: 'Sort results' });
    await eventually(() => sort.getByRole('button', { name: 'Best match' }).getAttribute('aria-pressed')).toBe('true');
    await eventually(() => tileNames(page)).toEqual(['red.jpg', 'crimson.jpg']);
    await sort.getByRole('button', { name: 'Newest' }).click();
    await eventually(() => tileNames(page)).toEqual(['crimson.jpg', 'red.jpg']);
    expect(await sort.getByRole('button', { name: 'Newest' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByText(/No strong matches/).count()).toBe(0);
    await waitForThumbnails(page);
    await screenshot(page, 'search-sorted-by-date');
    await sort.getByRole('button', { name: 'Best match' }).click();
    await eventually(() => tileNames(page)).toEqual(['red.jpg', 'crimson.jpg']);
  });

  it('a search nothing passes says so and shows the closest photos', async () => {
    await search('cyan');
    await eventually(() => page.getByRole('status').filter({ hasText: 'No strong matches' }).innerText()).toBe('No strong matches for “cyan”. Closest photos:');
    // Cyan sits between green and blue: they come first, and every photo is offered.
    await eventually(async () => (await tileNames(page)).length).toBe(photoCount);
    expect((await tileNames(page)).slice(0, 2).sort()).toEqual(['blue.jpg', 'green.jpg']);
    // The count names them for what they are: not results of the query.
    expect(await page.locator('.result-header').innerText()).toContain(`${photoCount} closest photos`);
    await waitForThumbnails(page);
    await screenshot(page, 'search-closest-photos');
    // Newest first keeps the same closest photos.
    await page.getByRole('group', { name: 'Sort results' }).getByRole('button', { name: 'Newest' }).click();
    await eventually(() => tileNames(page)).toEqual(['crimson.jpg', 'green.jpg', 'red.jpg', 'blue.jpg', 'yellow.jpg']);
    expect(await page.getByText('No strong matches for “cyan”. Closest photos:').isVisible()).toBe(true);
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});
