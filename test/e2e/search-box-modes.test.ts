// The search box's ways of searching, in the browser over `shoebox serve` with the tiny colour
// model: the "Text in photo" switch turned on over a query with a `text:` term searches that
// term's words, and turned off again gives back the query exactly as typed (it used to rewrite
// `white text:"24"` into `white text: 24 `); "More like this" comes back after a reload (its
// photo is in the URL); a search by a dropped image cannot (the image is not in the URL), so
// the reloaded page says why it shows All photos. Screenshot:
// test-results/screenshots/search-by-image-reloaded.png.
import { describe, expect, it } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the search box\'s modes: text in photo, more like this, search by image', () => {
  const lib = useLibrarySession('search-modes', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const hash = () => new URL(lib.page.url()).hash;
  const heading = () => lib.page.getByRole('heading', { level: 1 }).innerText();
  const textSwitch = () => lib.page.getByRole('button', { name: 'Text in photo' });
  /** A fresh page on All photos, whatever the test before left (a load, not a move within the page). */
  const openAllPhotos = async () => {
    await page().goto('about:blank');
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(Object.keys(COLOURS).length);
  };

  it('"Text in photo" on and off gives back the query as typed', async () => {
    await openAllPhotos();
    const typed = 'white text:"24"';
    await page().getByRole('searchbox', { name: 'Search photos' }).fill(typed);
    await eventually(hash).toBe('#/search/white%20text%3A%2224%22');
    // On: the text term's words are the text to find, as they were typed (no quote made a space).
    await textSwitch().click();
    const textBox = page().getByRole('searchbox', { name: 'Search text in photos' });
    await eventually(() => textBox.inputValue()).toBe('24');
    await eventually(hash).toBe('#/search/text%3A%2224%22');
    await eventually(heading).toBe('Text “24” in photos');
    // Off: the query typed, exactly.
    await textSwitch().click();
    const box = page().getByRole('searchbox', { name: 'Search photos' });
    await eventually(() => box.inputValue()).toBe(typed);
    await eventually(hash).toBe('#/search/white%20text%3A%2224%22');
    await eventually(heading).toBe(`Results for “${typed}”`);
    // Words changed in text mode are what is searched after it, as a description.
    await textSwitch().click();
    await textBox.fill('open 24');
    await eventually(hash).toBe('#/search/text%3A%22open%2024%22');
    await textSwitch().click();
    await eventually(() => box.inputValue()).toBe('open 24');
    await eventually(hash).toBe('#/search/open%2024');
    await box.fill('');
    await eventually(heading).toBe('All photos');
  });

  it('"More like this" comes back after a reload', async () => {
    await openAllPhotos();
    const tile = page().locator('.tile', { has: page().getByRole('button', { name: 'Open red.jpg' }) });
    await tile.hover();
    await tile.getByRole('button', { name: 'More like red.jpg' }).click();
    await eventually(heading).toBe('More like red.jpg');
    await eventually(hash).toMatch(/^#\/similar\/[^/]+\/red\.jpg$/);
    await eventually(async () => (await tileNames(page(), 1))[0]).toBe('red.jpg');
    await page().reload();
    await eventually(heading, 60_000).toBe('More like red.jpg');
    await eventually(async () => (await tileNames(page(), 1))[0]).toBe('red.jpg');
    expect(await page().locator('.closest-note').count()).toBe(0);
  });

  it('a search by image reloaded says why All photos shows instead', async () => {
    await openAllPhotos();
    const file = await writeColourPhoto(tempDir('shoebox-e2e-search-modes-query-'), 'query.jpg', COLOURS.blue!);
    await page().getByTestId('search-by-image-input').setInputFiles(file);
    await eventually(heading).toBe('Photos like query.jpg');
    await eventually(hash).toBe('#/image');
    await page().reload();
    await eventually(heading, 60_000).toBe('All photos');
    const note = page().getByRole('status').filter({ hasText: 'The search by image is gone after the reload' });
    await eventually(() => note.isVisible()).toBe(true);
    expect(await note.innerText()).toMatch(/drop it again, or use “Search by image…”/);
    await screenshot(page(), 'search-by-image-reloaded');
    // It is about the page opened: the next view leaves it behind, and it does not come back.
    await page().getByRole('searchbox', { name: 'Search photos' }).fill('red');
    await eventually(heading).toBe('Results for “red”');
    expect(await note.count()).toBe(0);
    await page().getByRole('searchbox', { name: 'Search photos' }).fill('');
    await eventually(heading).toBe('All photos');
    expect(await note.count()).toBe(0);
  });
});
