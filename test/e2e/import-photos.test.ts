// Import from a camera card in the browser over `shoebox serve`: the sidebar's Import… copies
// the card's photos the library lacks into a library folder by day taken, says so (a file that
// is no photo left on the card, a copy that could not be indexed named), and they show in the
// timeline; the card is only read. Screenshot: test-results/screenshots/import-photos.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('import from a camera card in the browser', () => {
  const lib = useLibrarySession('import-photos', async (photos) => {
    await writeExifColourPhoto(photos, 'home.jpg', [20, 200, 30], { taken: '2024:06:14 12:00:00' });
  });

  it('Import… copies the card\'s new photos into the chosen folder by day taken, and they show', async () => {
    const card = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-e2e-card-'));
    fs.mkdirSync(path.join(card, 'DCIM'));
    await writeExifColourPhoto(path.join(card, 'DCIM'), 'IMG_0001.JPG', [220, 20, 20], { taken: '2024:06:15 18:00:00' });
    fs.copyFileSync(path.join(lib.photos, 'home.jpg'), path.join(card, 'DCIM', 'IMG_0002.JPG')); // held already
    fs.writeFileSync(path.join(card, 'DCIM', 'IMG_0003.JPG'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])); // a JPEG's start, then nothing readable
    fs.writeFileSync(path.join(card, 'DCIM', 'MVI_0004.THM'), 'a clip thumbnail'); // a side file: left on the card
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['home.jpg']);

    await lib.page.getByRole('button', { name: 'Import…' }).click();
    // Open, the toggle is named for what it closes (not a bare "Close").
    expect(await lib.page.getByRole('button', { name: 'Close import', exact: true }).getAttribute('aria-expanded')).toBe('true');
    const form = lib.page.getByRole('form', { name: 'Import photos' });
    await form.getByLabel('Import from a camera card or folder').fill(card);
    expect(await form.getByLabel(/^Into/).inputValue()).toBe(lib.photos);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await eventually(() => form.getByRole('status').innerText(), 60_000).toBe(`Copied 2 photos into ${lib.photos}, 1 photo already in the library, 1 file left on the card (not a photo or video); 1 indexed, 1 could not be indexed: IMG_0003.JPG.`);
    expect(await form.getByRole('list', { name: 'Files that could not be imported' }).innerText()).toMatch(/IMG_0003\.JPG\s*Copied, but could not be indexed: /);
    expect(fs.existsSync(path.join(lib.photos, '2024', '2024-06-15', 'IMG_0001.JPG'))).toBe(true);
    await eventually(async () => (await tileNames(lib.page)).sort(), 30_000).toEqual(['IMG_0001.JPG', 'home.jpg']);
    await screenshot(lib.page, 'import-photos');
    expect(fs.readdirSync(path.join(card, 'DCIM')).sort()).toEqual(['IMG_0001.JPG', 'IMG_0002.JPG', 'IMG_0003.JPG', 'MVI_0004.THM']);
  });

  it('a refused import after one that worked says why alone, as a sentence: the old result goes', async () => {
    const form = lib.page.getByRole('form', { name: 'Import photos' });
    await eventually(() => form.getByRole('status').count()).toBe(1); // the last import's line
    await form.getByLabel('Import from a camera card or folder').fill(path.join(os.tmpdir(), 'shoebox-e2e-no-such-card'));
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await eventually(() => form.getByRole('alert').count()).toBe(1);
    expect(await form.getByRole('status').count()).toBe(0);
    expect(await form.getByRole('alert').innerText()).toMatch(/^[A-Z]/);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
