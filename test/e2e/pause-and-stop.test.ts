// Pause and Resume on a folder being indexed, and Stop on an import, in the browser over
// `shoebox serve`: the row says the folder is paused and offers Resume, which indexes the rest;
// a stopped import says so, and importing again finishes it. The photos are large noisy JPEGs,
// so that indexing lasts long enough to press Pause or Stop while it runs.
// Screenshot: test-results/screenshots/folder-paused.png.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const PHOTOS = 60;

/** `count` distinct 1600x1200 noise photos (each ~40 ms to decode here): indexing them takes seconds. */
async function noisyPhotos(count: number, prefix: string): Promise<string> {
  const dir = tempDir(prefix);
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `IMG_${String(i).padStart(4, '0')}.JPG`);
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: (i * 4) % 256, g: 120, b: 200 - i }, noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
      .jpeg({ quality: 90 })
      .toFile(file);
  }
  return dir;
}

describe.skipIf(!hasChromium)('pausing indexing and stopping an import in the browser', () => {
  const lib = useLibrarySession('pause-stop', async (photos) => {
    fs.copyFileSync(await noisyPhotos(1, 'shoebox-e2e-one-').then((d) => path.join(d, 'IMG_0000.JPG')), path.join(photos, 'home.jpg'));
  });

  it('Pause indexing stops a folder; Resume indexing indexes the rest', async () => {
    const big = await noisyPhotos(PHOTOS, 'shoebox-e2e-pause-');
    await lib.page.goto(lib.serve.url);
    await lib.serve.call('addFolder', big);
    const row = lib.page.locator('li.folder', { hasText: big });
    await row.getByRole('button', { name: 'Pause indexing' }).click();
    await eventually(() => row.getByRole('status').innerText(), 30_000).toBe('Indexing paused: photos added or changed here are not indexed until you resume (or Shoebox starts again).');
    await screenshot(lib.page, 'folder-paused');
    const folders = async () => (await lib.serve.call('listFolders')) as { path: string; photos: number; paused?: true }[];
    const paused = (await folders()).find((f) => f.path === big)!;
    expect(paused).toMatchObject({ paused: true });
    expect(paused.photos).toBeLessThan(PHOTOS);

    await row.getByRole('button', { name: 'Resume indexing' }).click();
    await eventually(() => row.locator('.job--done').innerText(), 120_000).toMatch(new RegExp(`^Indexed: ${(PHOTOS - paused.photos).toLocaleString()} new photos?`));
    expect((await folders()).find((f) => f.path === big)).toEqual(expect.objectContaining({ photos: PHOTOS }));
    expect(await row.getByRole('button', { name: 'Pause indexing' }).count()).toBe(0);
  });

  it('Stop ends an import, says so, and importing again finishes it', async () => {
    const card = await noisyPhotos(PHOTOS / 2, 'shoebox-e2e-card-');
    await lib.page.getByRole('button', { name: 'Import…' }).click();
    const form = lib.page.getByRole('form', { name: 'Import photos' });
    await form.getByLabel('Import from a camera card or folder').fill(card);
    await form.getByLabel(/^Into/).selectOption(lib.photos);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    expect(await form.getByRole('button', { name: 'Importing…' }).isDisabled()).toBe(true); // a double click does not stop it
    await form.getByRole('button', { name: 'Stop' }).click();
    // Stopped while copying or indexing (or, on a fast machine, just after the end: then a plain summary).
    const stopped = await eventually(() => form.getByRole('status').innerText(), 60_000).toMatch(/^(Copied .*\.|Stopped before anything was copied( from \S+)?\.)$/).then(() => form.getByRole('status').innerText());
    expect(await form.getByRole('button', { name: 'Stop' }).count()).toBe(0);

    await form.getByLabel('Import from a camera card or folder').fill(card);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await eventually(async () => {
      const text = await form.getByRole('status').innerText();
      return text !== stopped && /^Copied .*\.$/.test(text) && !text.includes('stopped');
    }, 120_000).toBe(true);
    expect(((await lib.serve.call('listPhotos')) as { total: number }).total).toBe(1 + PHOTOS + PHOTOS / 2);
    expect(fs.readdirSync(card).length).toBe(PHOTOS / 2); // the card is only read
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
