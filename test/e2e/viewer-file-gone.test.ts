// A photo whose file was moved away after indexing (serve --no-watch: the library still lists
// it) opens in the viewer as its thumbnail, which stands in for the original that cannot be
// loaded (a 404): a note says the file is gone, rather than the blurry thumbnail passing for
// the photo with its size and path beside it; the slideshow says the same on its slide.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium } from './helpers/browser';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const GONE = 'The photo file cannot be read: it was moved or deleted since it was indexed. This is its thumbnail.';

describe.skipIf(!hasChromium)('a photo whose file is gone since indexing', () => {
  let session: UiSession;
  let photos: string;
  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-file-gone-home-');
    photos = tempDir('shoebox-e2e-file-gone-photos-');
    await writeColourPhoto(photos, 'red.jpg', [220, 30, 30], { width: 800, height: 600 });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--no-watch', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    await session.serve.call('addFolder', photos);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  const viewer = () => session.page.getByRole('dialog', { name: /^Photo viewer/ });
  const slideshow = () => session.page.getByRole('dialog', { name: 'Slideshow', exact: true });

  it('says so in the viewer and on its slide', async () => {
    const { page, serve } = session;
    await page.goto(serve.url);
    await eventually(() => tileNames(page), 60_000).toEqual(['red.jpg']);
    await waitForThumbnails(page);
    fs.renameSync(path.join(photos, 'red.jpg'), path.join(tempDir('shoebox-e2e-file-gone-away-'), 'red.jpg'));

    await page.getByRole('button', { name: 'Open red.jpg', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: red.jpg');
    await eventually(() => viewer().getByRole('note').filter({ hasText: GONE }).count()).toBe(1);
    // Its thumbnail is what shows.
    expect(await viewer().locator('img.viewer__standin').count()).toBe(1);

    await viewer().getByRole('button', { name: 'Slideshow', exact: true }).click();
    await eventually(() => slideshow().isVisible()).toBe(true);
    await eventually(() => slideshow().locator('.slideshow__slide--in').getByRole('note').innerText()).toBe(GONE);
    expect(await slideshow().locator('.slideshow__slide--in img.slideshow__image').getAttribute('alt')).toBe('red.jpg');
  });
});
