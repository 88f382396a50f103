// The search box's ways of searching, in the browser over `shoebox serve` with the tiny colour
// model: the "Text in photo" switch turned on over a query with a `text:` term searches that
// term's words, and turned off again gives back the query exactly as typed (it used to rewrite
// `white text:"24"` into `white text: 24 `); a text search reloaded, or reached by Back and
// Forward, is in text mode again (the box showing its words), and a timeline is not; Esc
// empties the box and keeps the focus in it. "More like this" comes back after a reload (its
// photo is in the URL); a search by image cannot (the image is not in the URL), so the reloaded
// page says why it shows All photos, but within the page Back closes a photo opened from its
// results and leaves them there, and Forward brings them back; the image picked, its results'
// heading has the focus; a file that is no image is refused in a line, the view left as it
// was. At 700 px wide the box still shows a query in full. Screenshots:
// test-results/screenshots/search-by-image-reloaded.png, search-box-700px.png, search-box-1280px.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { focusedName, tileNames } from './helpers/tiles';

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

  it('a text search reloaded, or come back to, is in text mode, showing its words; a timeline is not', async () => {
    await openAllPhotos();
    await textSwitch().click();
    await page().getByRole('searchbox', { name: 'Search text in photos' }).fill('pizza');
    await eventually(hash).toBe('#/search/text%3A%22pizza%22');
    await page().reload();
    const textBox = page().getByRole('searchbox', { name: 'Search text in photos' });
    await eventually(() => textBox.inputValue(), 60_000).toBe('pizza');
    expect(await textSwitch().getAttribute('aria-pressed')).toBe('true');
    await eventually(heading).toBe('Text “pizza” in photos');
    // Back to All photos: no text mode, an empty box that describes; Forward: the text search again.
    await page().goBack();
    await eventually(heading).toBe('All photos');
    const box = page().getByRole('searchbox', { name: 'Search photos' });
    expect(await box.inputValue()).toBe('');
    expect(await textSwitch().getAttribute('aria-pressed')).toBe('false');
    await page().goForward();
    await eventually(heading).toBe('Text “pizza” in photos');
    expect(await textBox.inputValue()).toBe('pizza');
    expect(await textSwitch().getAttribute('aria-pressed')).toBe('true');
    // Switched off, the words are the description.
    await textSwitch().click();
    await eventually(() => box.inputValue()).toBe('pizza');
    await eventually(hash).toBe('#/search/pizza');
    // Another view leaves text mode with the search.
    await textSwitch().click();
    await eventually(hash).toBe('#/search/text%3A%22pizza%22');
    await page().getByRole('button', { name: 'Show all photos' }).click();
    await eventually(heading).toBe('All photos');
    expect(await textSwitch().getAttribute('aria-pressed')).toBe('false');
  });

  it('Esc empties the search box and leaves the focus in it', async () => {
    await openAllPhotos();
    const box = page().getByRole('searchbox', { name: 'Search photos' });
    await box.fill('red');
    await eventually(heading).toBe('Results for “red”');
    await box.press('Escape');
    await eventually(heading).toBe('All photos');
    expect(await box.inputValue()).toBe('');
    expect(await focusedName(page())).toBe('Search photos');
  });

  it('Back closes a photo opened from a search by image, and leaves its results; Forward brings them back', async () => {
    await openAllPhotos();
    const file = await writeColourPhoto(tempDir('shoebox-e2e-search-modes-query-'), 'query.jpg', COLOURS.blue!);
    await page().getByRole('button', { name: 'Search by image…' }).focus();
    await page().getByTestId('search-by-image-input').setInputFiles(file);
    await eventually(heading).toBe('Photos like query.jpg');
    // The picker's work is done: the results' heading has the focus, as after More like this.
    await eventually(() => page().evaluate(() => document.activeElement?.textContent ?? null)).toBe('Photos like query.jpg');
    await eventually(async () => (await tileNames(page(), 1))[0]).toBe('blue.jpg');
    await page().getByRole('button', { name: 'Open blue.jpg' }).click();
    const viewer = page().getByRole('dialog', { name: /Photo viewer/ });
    await eventually(() => viewer.count()).toBe(1);
    await eventually(hash).toMatch(/^#\/image\?photo=[^&]+$/);
    await page().goBack();
    await eventually(() => viewer.count()).toBe(0);
    expect(hash()).toBe('#/image');
    expect(await heading()).toBe('Photos like query.jpg');
    expect((await tileNames(page(), 1))[0]).toBe('blue.jpg');
    // Forward opens the photo again; Back, and Back again to All photos, and Forward: the image is still held.
    await page().goForward();
    await eventually(() => viewer.count()).toBe(1);
    await page().goBack();
    await eventually(() => viewer.count()).toBe(0);
    await page().goBack();
    await eventually(heading).toBe('All photos');
    await page().goForward();
    await eventually(heading).toBe('Photos like query.jpg');
    await eventually(async () => (await tileNames(page(), 1))[0]).toBe('blue.jpg');
    expect(await page().locator('.result-header__thumb').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  it('a file that is no image, dropped or picked, is refused in a line and the view stays', async () => {
    await openAllPhotos();
    await page().getByRole('searchbox', { name: 'Search photos' }).fill('red');
    await eventually(heading).toBe('Results for “red”');
    await eventually(hash).toBe('#/search/red');
    await page().evaluate(async () => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['just some notes\n'], 'notimage.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    const refusal = page().getByRole('alert').filter({ hasText: 'notimage.txt is not an image' });
    await eventually(() => refusal.isVisible()).toBe(true);
    expect(await refusal.locator('p').innerText()).not.toMatch(/\n/);
    expect(await heading()).toBe('Results for “red”');
    expect(hash()).toBe('#/search/red');
    // Picked with the button: the same, and the focus stays on the button.
    const notImage = path.join(tempDir('shoebox-e2e-search-modes-text-'), 'notes.jpg');
    fs.writeFileSync(notImage, 'not a jpeg at all\n');
    await page().getByRole('button', { name: 'Search by image…' }).focus();
    await page().getByTestId('search-by-image-input').setInputFiles(notImage);
    await eventually(() => page().getByRole('alert').filter({ hasText: 'notes.jpg is not an image' }).isVisible()).toBe(true);
    expect(await heading()).toBe('Results for “red”');
    expect(await page().evaluate(() => document.activeElement?.textContent ?? null)).toBe('Search by image…');
    await page().getByRole('button', { name: 'Dismiss' }).click();
    await eventually(() => page().getByRole('alert').filter({ hasText: 'is not an image' }).count()).toBe(0);
  });

  it('at 700 px wide the search box still shows a query in full (and at 1280 px, as before)', async () => {
    await openAllPhotos();
    const box = page().getByRole('searchbox', { name: 'Search photos' });
    const cut = () => box.evaluate((input: HTMLInputElement) => input.scrollWidth > input.clientWidth);
    try {
      for (const width of [700, 1280]) {
        await page().setViewportSize({ width, height: 800 });
        await box.fill('a red car on the beach');
        await eventually(heading).toBe('Results for “a red car on the beach”');
        await box.evaluate((input: HTMLInputElement) => input.setSelectionRange(0, 0));
        expect(await cut(), `${width} px`).toBe(false);
        // Every control of the bar stays in the window.
        for (const name of ['Search by image…', 'Text in photo', 'Settings']) {
          const at = await page().getByRole('button', { name, exact: true }).boundingBox();
          expect(at!.x + at!.width, `${name} at ${width} px`).toBeLessThanOrEqual(width);
        }
        await screenshot(page(), `search-box-${width}px`);
      }
    } finally {
      await page().setViewportSize({ width: 1280, height: 800 });
    }
  });
});
