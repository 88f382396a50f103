// "Text in photo" in the browser over `shoebox serve` (issue #14), with the real OCR
// weights: photos with known text (real photos with phrases in DejaVu fonts) indexed by the
// app with the setting off; the setting turned on in the Settings panel reads their text in
// the background; the search box's "Text in photo" mode finds the sign by its words, and the
// viewer outlines the matched words on the photo. Screenshots:
// test-results/screenshots/text-in-photos-setting.png, text-in-photo-viewer.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { sharedAvailable } from '../helpers/shared-data';
import { writeTextPhotos } from '../helpers/text-photos';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe.skipIf(!hasChromium || !sharedAvailable('photos'))('"Text in photo" search in the browser', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let photoCount: number;

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-text-home-');
    const photos = tempDir('shoebox-e2e-text-photos-');
    photoCount = (await writeTextPhotos(photos)).length;
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', ...MODEL]);
    ({ serve, page, errors } = session);
    await serve.call('addFolder', photos);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('turns "Text in photos" on in the settings, and the photos indexed before are read in the background', async () => {
    await page.goto(serve.url);
    await eventually(() => page.locator('.result-header').innerText(), 60_000).toContain(`${photoCount} photos`);
    // Before any text is read, a text search that finds nothing says why, and where to turn it on.
    await page.getByRole('button', { name: 'Text in photo' }).click();
    await page.getByRole('searchbox', { name: 'Search text in photos' }).fill('bread');
    await eventually(() => page.getByRole('heading', { name: 'Text “bread” in photos' }).isVisible()).toBe(true);
    await eventually(() => page.locator('.content__empty').innerText()).toMatch(/not read yet\. Turn on Text in photos in Settings/);
    await page.getByRole('searchbox', { name: 'Search text in photos' }).press('Escape');
    await page.getByRole('button', { name: 'Text in photo' }).click();
    await page.keyboard.press(',');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const toggle = settings.getByRole('checkbox', { name: /Read the text in photos/ });
    await eventually(() => toggle.isChecked()).toBe(false);
    expect(await settings.getByText(/Off: reading costs about [\d.]+ s per photo; \d+ photos would take (a few seconds|under a minute|about \d+ min)/).isVisible()).toBe(true);
    await toggle.check();
    // Reading (its progress bar), waiting to (the count left) or done already, by how far it got.
    const reading = async () => (await settings.getByRole('progressbar', { name: 'Reading text' }).isVisible()) || (await settings.getByText(/photos still to read, in the background|Text read in all/).isVisible());
    await eventually(reading, 20_000).toBe(true);
    // Close and open the panel again until the reading is done (the count is read on opening).
    for (const end = Date.now() + 180_000; !(await settings.getByText(`Text read in all ${photoCount} photos.`).isVisible()); ) {
      if (Date.now() > end) throw new Error(`the text was not read in 3 minutes:\n${serve.stderr()}`);
      await page.keyboard.press('Escape');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await page.keyboard.press(',');
      await eventually(() => settings.count()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(await toggle.isChecked()).toBe(true);
    await settings.getByRole('heading', { name: 'Text in photos' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'text-in-photos-setting');
    await page.keyboard.press('Escape');
    await eventually(() => settings.count()).toBe(0);
  });

  it('finds a sign by its words in "Text in photo" mode and outlines them in the viewer', async () => {
    await page.getByRole('button', { name: 'Text in photo' }).click();
    expect(await page.getByRole('button', { name: 'Text in photo' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('searchbox', { name: 'Search text in photos' }).fill('open 24 h0urs');
    await eventually(() => tileNames(page)).toEqual(['a-shop-sign-and-a-caption.jpg']);
    await page.getByRole('button', { name: 'Open a-shop-sign-and-a-caption.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: /Photo viewer/ });
    const outline = viewer.getByRole('img', { name: /^Matched text:/ });
    await eventually(() => outline.getAttribute('aria-label')).toBe('Matched text: OPEN 24 HOURS');
    expect(await outline.locator('polygon').count()).toBe(3);
    await eventually(() => viewer.getByRole('region', { name: 'Text in photo' }).innerText()).toContain('Fresh bread daily');
    // The outlines sit on the photo where the words were drawn (x 200-700 of 1600, y ~200-270 of 1067).
    const image = await viewer.locator('.viewer__image').boundingBox();
    const word = await outline.locator('polygon').first().boundingBox();
    const scale = image!.width / 1600 < image!.height / 1067 ? image!.width / 1600 : image!.height / 1067;
    const left = image!.x + (image!.width - 1600 * scale) / 2;
    const top = image!.y + (image!.height - 1067 * scale) / 2;
    expect(Math.abs((word!.x - left) / scale - 200)).toBeLessThan(40);
    expect(Math.abs((word!.y - top) / scale - 200)).toBeLessThan(40);
    await eventually(() => viewer.locator('.viewer__image').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await screenshot(page, 'text-in-photo-viewer');
    await page.keyboard.press('Escape');
  });

  it('back in describe mode, the box searches with CLIP again', async () => {
    await page.getByRole('button', { name: 'Text in photo' }).click();
    const box = page.getByRole('searchbox', { name: 'Search photos' });
    expect(await box.inputValue()).toBe('open 24 h0urs');
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});
