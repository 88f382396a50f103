// The search's Folder filter on a library of ONE folder holding subfolders, in the browser
// over `shoebox serve` with the tiny colour model: the filter is offered (it used to show only
// with two library folders), its subfolders indented under the folder with their counts, and
// choosing one narrows the results to the photos under it, kept in the URL across a reload.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the folder filter narrows to a subfolder', () => {
  const lib = useLibrarySession('folder-filter', async (photos) => {
    for (const dir of ['animals', 'cams/old', 'colors']) fs.mkdirSync(path.join(photos, dir), { recursive: true });
    await writeExifColourPhoto(path.join(photos, 'colors'), 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00' });
    await writeExifColourPhoto(path.join(photos, 'cams/old'), 'crimson.jpg', [200, 25, 45], { taken: '2023:01:02 09:00:00' });
    await writeExifColourPhoto(path.join(photos, 'animals'), 'green.jpg', [20, 200, 30], { taken: '2022:05:01 12:00:00' });
  });
  const page = () => lib.page;
  const folder = () => lib.page.getByRole('group', { name: 'Filters' }).getByLabel('Folder');

  it('offers the subfolders of a single library folder and narrows the results to one', async () => {
    await page().goto(lib.serve.url);
    await eventually(() => page().locator('.result-header').innerText(), 60_000).toContain('3 photos');
    await page().getByRole('searchbox').fill('red');
    await eventually(() => tileNames(page())).toEqual(['red.jpg', 'crimson.jpg']);

    const options = await folder().locator('option').evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\u00a0/g, '_')));
    expect(options).toEqual(['all', `${path.basename(lib.photos)} (3 photos)`, '___animals (1 photo)', '___cams (1 photo)', '______old (1 photo)', '___colors (1 photo)']);
    const cams = path.join(lib.photos, 'cams');
    await folder().selectOption(cams);
    await eventually(() => tileNames(page())).toEqual(['crimson.jpg']);
    await eventually(() => page().evaluate(() => location.hash)).toContain(`folder=${encodeURIComponent(cams)}`);
    await screenshot(page(), 'folder-filter-subfolder');

    await page().reload();
    await eventually(() => tileNames(page()), 30_000).toEqual(['crimson.jpg']);
    expect(await folder().inputValue()).toBe(cams);
  });
});
