// The filters, the sort and the photo open in the viewer live in the URL's hash too, in the
// browser over `shoebox serve` with the tiny colour model: a reload (or the URL copied into a
// fresh page) comes back to the same filtered, sorted results with the same photo open;
// filters and the sort replace their history entry, opening a photo is one, so Back closes
// the viewer (an album's too) and Forward opens it again; a hash naming a photo gone since
// opens the results without the viewer, and without an error.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';
import { holdAnswers } from './helpers/late-answers';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** "red" finds red.jpg and crimson.jpg (crimson the newer); the others are other colours. */
async function writePhotos(dir: string): Promise<number> {
  await writeExifColourPhoto(dir, 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00' });
  await writeExifColourPhoto(dir, 'crimson.jpg', [200, 25, 45], { taken: '2023:01:02 09:00:00' });
  await writeExifColourPhoto(dir, 'green.jpg', [20, 200, 30], { taken: '2022:05:01 12:00:00' });
  await writeExifColourPhoto(dir, 'blue.jpg', [25, 30, 210], { taken: '2020:03:03 08:00:00' });
  return 4;
}

describe.skipIf(!hasChromium)('filters, sort and the viewer’s photo in the URL', () => {
  let photoCount = 0;
  const lib = useLibrarySession('url-filters-viewer', async (photos) => {
    photoCount = await writePhotos(photos);
  });

  // The library's status answered late (a loaded machine): the viewer a reload opens from the
  // URL is up before the results' grid, which is drawn only once the status comes.
  let statusDelay = 0;
  beforeAll(() => holdAnswers(lib.page, 'status', () => statusDelay));

  const page = () => lib.page;
  const hash = () => lib.page.evaluate(() => location.hash);
  const historyLength = () => lib.page.evaluate(() => history.length);
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const viewerName = () => viewer().getAttribute('aria-label');
  const filters = () => lib.page.getByRole('group', { name: 'Filters' });
  const newest = () => lib.page.getByRole('group', { name: 'Sort results' }).getByRole('button', { name: 'Newest' });
  const title = () => lib.page.locator('main h1').first().innerText();
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const reload = async () => {
    await page().reload();
    await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
  };

  it('a reload keeps the filters, the sort and the photo open', async () => {
    await page().goto(lib.serve.url);
    await eventually(() => page().locator('.result-header').innerText(), 60_000).toContain(`${photoCount} photos`);
    await page().getByRole('searchbox').fill('red');
    await eventually(title).toBe('Results for “red”');
    await eventually(() => tileNames(page())).toEqual(['red.jpg', 'crimson.jpg']);

    // A filter and the sort: each replaces the search's entry (no Back step per field).
    const entries = await historyLength();
    await filters().getByLabel('Taken from').fill('2021-01-01');
    await newest().click();
    await eventually(() => tileNames(page())).toEqual(['crimson.jpg', 'red.jpg']);
    await eventually(hash).toMatch(/from=2021-01-01/);
    await eventually(hash).toMatch(/sort=date/);
    expect(await historyLength()).toBe(entries);

    // Opening a photo is an entry of its own.
    await page().getByRole('button', { name: 'Open red.jpg' }).click();
    await eventually(viewerName).toBe('Photo viewer: red.jpg');
    await eventually(hash).toMatch(/photo=/);
    expect(await historyLength()).toBe(entries + 1);
    const opened = await hash();

    statusDelay = 2000;
    await reload();
    await eventually(viewerName, 30_000).toBe('Photo viewer: red.jpg');
    statusDelay = 0;
    expect(await hash()).toBe(opened);
    expect(await filters().getByLabel('Taken from').inputValue()).toBe('2021-01-01');
    expect(await newest().getAttribute('aria-pressed')).toBe('true');
    await eventually(() => tileNames(page())).toEqual(['crimson.jpg', 'red.jpg']);
    await screenshot(page(), 'url-filters-viewer-reloaded');

    // Esc: the viewer closes by going back to the entry it was opened from (known after the
    // reload too), so Forward opens it again and no entry is left for Back to close twice.
    // The keyboard lands on the photo's tile, though the viewer was not opened from it.
    await page().keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
    await eventually(() => page().evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open red.jpg');
    await eventually(hash).not.toMatch(/photo=/);
    expect(await hash()).toMatch(/from=2021-01-01/);
    await page().goForward();
    await eventually(viewerName).toBe('Photo viewer: red.jpg');
    expect(await hash()).toBe(opened);

    // Back closes the viewer, the results as they were; Forward opens it again.
    await page().goBack();
    await eventually(() => viewer().count()).toBe(0);
    await eventually(hash).not.toMatch(/photo=/);
    expect(await hash()).toMatch(/from=2021-01-01/);
    expect(await title()).toBe('Results for “red”');
    expect(await newest().getAttribute('aria-pressed')).toBe('true');
    expect(await tileNames(page())).toEqual(['crimson.jpg', 'red.jpg']);
    await page().goForward();
    await eventually(viewerName).toBe('Photo viewer: red.jpg');
    expect(await hash()).toBe(opened);
    await page().keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);

    // One more Back leaves the search (its filters were no entries of their own).
    await page().goBack();
    await eventually(title).toBe('All photos');
    await page().goForward();
    await eventually(title).toBe('Results for “red”');
    await eventually(() => tileNames(page())).toEqual(['crimson.jpg', 'red.jpg']);
    expect(await filters().getByLabel('Taken from').inputValue()).toBe('2021-01-01');
    expect(await newest().getAttribute('aria-pressed')).toBe('true');
    expect(await viewer().count()).toBe(0);
  });

  it('the URL copied into a fresh page opens the same, and a photo gone since opens no viewer', async () => {
    const opened = await page().evaluate(() => location.href);
    await page().goto('about:blank');
    await page().goto(opened);
    await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
    // The last test ended on the filtered, sorted results: a fresh page shows them the same.
    await eventually(() => tileNames(page())).toEqual(['crimson.jpg', 'red.jpg']);
    expect(await newest().getAttribute('aria-pressed')).toBe('true');
    await page().getByRole('button', { name: 'Open crimson.jpg' }).click();
    await eventually(viewerName).toBe('Photo viewer: crimson.jpg');
    await eventually(hash).toMatch(/photo=/);
    const link = await page().evaluate(() => location.href);
    await page().goto('about:blank');
    await page().goto(link);
    await eventually(viewerName, 30_000).toBe('Photo viewer: crimson.jpg');
    expect(await filters().getByLabel('Taken from').inputValue()).toBe('2021-01-01');

    // A photo the library does not have: the results, no viewer, no error.
    const gone = link.replace(/photo=[^&]*/, 'photo=no-such-photo');
    await page().goto('about:blank');
    await page().goto(gone);
    await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
    await eventually(() => tileNames(page())).toEqual(['crimson.jpg', 'red.jpg']);
    await eventually(hash).not.toMatch(/photo=/);
    await page().waitForTimeout(500);
    expect(await viewer().count()).toBe(0);
    expect(await page().getByRole('alert').count()).toBe(0);
    expect(await filters().getByLabel('Taken from').inputValue()).toBe('2021-01-01');
  });

  it('a photo open on a timeline comes back after a reload; an old hash still opens its screen', async () => {
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(() => tileNames(page())).toHaveLength(photoCount);
    await page().getByRole('button', { name: 'Open green.jpg' }).click();
    await eventually(viewerName).toBe('Photo viewer: green.jpg');
    await reload();
    await eventually(viewerName, 30_000).toBe('Photo viewer: green.jpg');
    // Stepping to another photo replaces the entry: one Back closes the viewer.
    const entries = await historyLength();
    const greenHash = await hash();
    await page().keyboard.press('ArrowRight');
    await eventually(viewerName).not.toBe('Photo viewer: green.jpg');
    const stepped = await viewerName();
    await eventually(hash).not.toBe(greenHash);
    expect(await hash()).toMatch(/photo=/);
    expect(await historyLength()).toBe(entries);
    await reload();
    await eventually(viewerName, 30_000).toBe(stepped);
    await page().goBack();
    await eventually(() => viewer().count()).toBe(0);
    expect(await hash()).toBe('#/');
    expect(await title()).toBe('All photos');

    await page().goto(`${lib.serve.url}#/search/red`);
    await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
    await eventually(() => tileNames(page())).toEqual(['red.jpg', 'crimson.jpg']);
    expect(await hash()).toBe('#/search/red');
    expect(await viewer().count()).toBe(0);
  });

  it('a photo open in an album comes back after a reload; Back closes it, Forward opens it again', async () => {
    await lib.serve.call('saveAlbum', { name: 'Everything', query: 'a photo', threshold: -1 });
    await page().goto(`${lib.serve.url}#/album/Everything`);
    await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
    const grid = page().getByRole('region', { name: 'Photos in Everything' });
    await eventually(async () => (await tileNames(grid)).length, 30_000).toBe(photoCount);
    await grid.getByRole('button', { name: 'Open blue.jpg' }).click();
    await eventually(viewerName).toBe('Photo viewer: blue.jpg');
    await eventually(hash).toMatch(/^#\/album\/Everything\?photo=/);
    const opened = await hash();
    await reload();
    await eventually(viewerName, 30_000).toBe('Photo viewer: blue.jpg');
    expect(await hash()).toBe(opened);
    await page().goBack();
    await eventually(() => viewer().count()).toBe(0);
    expect(await hash()).toBe('#/album/Everything');
    expect(await title()).toBe('Everything');
    await page().goForward();
    await eventually(viewerName).toBe('Photo viewer: blue.jpg');
    await page().keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
    await eventually(hash).toBe('#/album/Everything');
    // Closed, the keyboard is back on the photo's tile.
    await eventually(() => page().evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open blue.jpg');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
