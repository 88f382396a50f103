// Stop on an import from the UI, pressed from the keyboard: the Stop button goes with the import
// it stops, and the focus once fell to the page's body (a keyboard user lost their place). It
// goes to the card's field instead, where the next import starts (useFocusFollow, as Install does).
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { writeExifColourPhoto } from '../helpers/exif-photos';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** `count` large noise photos: copying and indexing them lasts long enough to press Stop. */
async function noisyCard(count: number): Promise<string> {
  const dir = tempDir('shoebox-e2e-stop-card-');
  for (let i = 0; i < count; i++) {
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: (i * 4) % 256, g: 120, b: 200 - i }, noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
      .jpeg({ quality: 90 })
      .toFile(path.join(dir, `IMG_${String(i).padStart(4, '0')}.JPG`));
  }
  return dir;
}

describe.skipIf(!hasChromium)('the focus after Stop on an import', () => {
  const lib = useLibrarySession('import-stop-focus', async (photos) => {
    await writeExifColourPhoto(photos, 'home.jpg', [20, 200, 30], { taken: '2024:06:14 12:00:00' });
  });

  it('lands in the card field, not on the page, once the import has stopped', async () => {
    const card = await noisyCard(30);
    await lib.page.goto(lib.serve.url);
    await lib.page.getByRole('button', { name: 'Import…' }).click();
    const form = lib.page.getByRole('form', { name: 'Import photos' });
    await form.getByLabel('Import from a camera card or folder').fill(card);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    const stop = form.getByRole('button', { name: 'Stop' });
    await stop.focus();
    await lib.page.keyboard.press('Enter');
    await eventually(() => stop.count(), 60_000).toBe(0);
    await eventually(() => form.getByRole('status').count(), 60_000).toBe(1);
    await eventually(() => lib.page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName), 10_000).toBe('import-from');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
