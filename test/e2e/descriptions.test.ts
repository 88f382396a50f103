// Descriptions in the browser over `shoebox serve` with the tiny colour model: the viewer's
// "Add a description" (letters that are also the viewer's shortcuts only type, Esc leaves the
// field not the viewer), the text shown in the viewer, a search whose words a description has
// offers "Photos described as …" above the results and leads to them, Remove takes it away, and
// Settings' Import captions and keywords brings in the caption and keywords another app wrote.
// The files are never touched. Screenshot: test-results/screenshots/descriptions-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveExiftool, writeCaptionedPhoto } from '../helpers/captioned-photos';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('descriptions in the browser', () => {
  const lib = useLibrarySession('descriptions', async (photos) => {
    await writeExifColourPhoto(photos, 'cake.jpg', [220, 20, 20], { taken: '2024:06:15 18:00:00' });
    await writeExifColourPhoto(photos, 'garden.jpg', [20, 200, 30], { taken: '2024:06:14 12:00:00' });
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const row = () => viewer().locator('.metadata__row', { has: lib.page.getByText('Description', { exact: true }) }).locator('dd');

  it('describes a photo from the viewer: shortcut letters only type, Esc leaves the field, the viewer shows the text', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['cake.jpg', 'garden.jpg']);
    const before = fs.readFileSync(path.join(lib.photos, 'cake.jpg'));
    await lib.page.getByRole('button', { name: 'Open cake.jpg', exact: true }).click();
    // No description: "Add a description" says so, once (no "none" before it).
    await eventually(() => row().innerText()).toBe('Add a description');
    await row().getByRole('button', { name: 'Add a description' }).click();
    await row().getByLabel('Description').press('Escape');
    expect(await viewer().count()).toBe(1); // Esc left the field, not the viewer
    await row().getByRole('button', { name: 'Add a description' }).click();
    // "s" (slideshow) and "f" (favourite) are the viewer's keys: in the field they only type.
    await row().getByLabel('Description').pressSequentially("Grandma's 80th birthday, the fruit cake");
    await screenshot(lib.page, 'descriptions-editor');
    await row().getByRole('button', { name: 'Save' }).click();
    await eventually(() => row().innerText()).toContain("Grandma's 80th birthday, the fruit cake");
    expect(await row().getByRole('button', { name: 'Edit description' }).isVisible()).toBe(true);
    expect(((await lib.serve.call('timeline', { favourite: true })) as { photos: unknown[] }).photos).toEqual([]);
    expect(fs.readFileSync(path.join(lib.photos, 'cake.jpg')).equals(before)).toBe(true);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  });

  it('a search whose words a description has offers those photos above the results, and leads to them', async () => {
    await lib.page.getByRole('searchbox').fill('grandma birth');
    const offer = lib.page.getByRole('button', { name: 'Photos described as “grandma birth”' });
    await eventually(() => offer.isVisible(), 30_000).toBe(true);
    expect(await lib.page.locator('.place-suggestion').innerText()).toContain('(1 photo, from their descriptions)');
    await screenshot(lib.page, 'descriptions-offer');
    await offer.click();
    await eventually(() => lib.page.getByRole('heading', { level: 1 }).innerText()).toBe('Described as “grandma birth”');
    await eventually(() => tileNames(lib.page)).toEqual(['cake.jpg']);
    // The search's own syntax (a word left out) says what no description's words can: no offer.
    await lib.page.getByRole('searchbox').fill('grandma -cake');
    await eventually(() => lib.page.getByRole('heading', { level: 1 }).innerText()).toContain('grandma -cake');
    await new Promise((r) => setTimeout(r, 800));
    expect(await lib.page.getByRole('button', { name: /Photos described as/ }).count()).toBe(0);
    // Words no description has: no offer.
    await lib.page.getByRole('searchbox').fill('grandpa');
    await eventually(() => lib.page.getByRole('heading', { level: 1 }).innerText()).toContain('grandpa');
    await new Promise((r) => setTimeout(r, 800));
    expect(await lib.page.getByRole('button', { name: /Photos described as/ }).count()).toBe(0);
  });

  it('Remove takes the description away', async () => {
    await lib.page.getByRole('button', { name: 'Show all photos' }).click();
    await eventually(() => tileNames(lib.page)).toEqual(['cake.jpg', 'garden.jpg']);
    await lib.page.getByRole('button', { name: 'Open cake.jpg', exact: true }).click();
    await row().getByRole('button', { name: 'Edit description' }).click();
    await row().getByRole('button', { name: 'Remove' }).click();
    await eventually(() => row().innerText()).toBe('Add a description');
    expect(((await lib.serve.call('timeline', { described: 'grandma' })) as { photos: unknown[] }).photos).toEqual([]);
  });

  it.skipIf(!haveExiftool)("Settings' Import captions and keywords brings in what another app wrote, shown in the viewer", async () => {
    await lib.page.keyboard.press('Escape'); // the viewer
    await eventually(() => viewer().count()).toBe(0);
    // A folder from another app: a photo whose IPTC caption Photoshop or Lightroom wrote.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-e2e-descriptions-captioned-'));
    await writeCaptionedPhoto(other, 'harbour.jpg', [30, 60, 200], ['-IPTC:Caption-Abstract=Harbour at dawn, Genoa', '-IPTC:Keywords=Genoa', '-IPTC:Keywords=boats']);
    await lib.serve.call('addFolder', other);
    await eventually(async () => (await tileNames(lib.page)).includes('harbour.jpg'), 60_000).toBe(true);
    await lib.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const section = lib.page.getByRole('region', { name: 'Descriptions and keywords from other apps' });
    await section.getByRole('button', { name: 'Import captions and keywords' }).click();
    await eventually(() => section.getByRole('status').innerText(), 30_000).toBe('Imported the captions of 1 of 3 photos without a description, and 2 keywords of 1 photo as tags (label set “keywords”).');
    await screenshot(lib.page, 'descriptions-import');
    await lib.page.getByRole('button', { name: 'Close settings' }).click();
    await lib.page.getByRole('button', { name: 'Open harbour.jpg', exact: true }).click();
    await eventually(() => row().innerText()).toContain('Harbour at dawn, Genoa');
    const tags = lib.page.getByRole('list', { name: 'Tags of this photo' });
    await eventually(() => tags.innerText()).toMatch(/Genoa\s+keywords · accepted[\s\S]*boats\s+keywords · accepted|boats\s+keywords · accepted[\s\S]*Genoa\s+keywords · accepted/);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
