// Smart albums in the UI, end to end: `shoebox serve` with the tiny fixture model (its
// embeddings mean colours, so "red" matches red photos) over a folder of colour photos,
// driven in Debian's Chromium. Create an album in the editor, see it in the sidebar with its
// count, exclude a photo from the viewer, rename the album (the exclusion stays), put the
// photo back, watch a new red photo join, export links. Screenshots of the album view and
// the editor land in test-results/screenshots/albums-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Two reds among colours the query "red" must rank below them (greens, blues, greys). */
async function writeAlbumPhotos(dir: string): Promise<number> {
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  await writeColourPhoto(dir, 'crimson.jpg', [200, 25, 40]);
  const filler: Promise<string>[] = [];
  for (let i = 0; i < 24; i++) {
    const t = i / 24;
    const rgb: [number, number, number] = [20 + (i % 4) * 10, Math.round(60 + 150 * t), Math.round(210 - 120 * t)];
    filler.push(writeColourPhoto(dir, `filler-${String(i).padStart(2, '0')}.jpg`, rgb, { width: 160, height: 120 }));
  }
  await Promise.all(filler);
  return Object.keys(COLOURS).length + 1 + filler.length;
}

describe.skipIf(!hasChromium)('smart albums in the browser', () => {
  let photoCount: number;
  // The folder is added through the API (the add-folder form is app.test.ts's subject).
  const lib = useLibrarySession('albums', async (photos) => {
    photoCount = await writeAlbumPhotos(photos);
  });

  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const albumGrid = () => lib.page.getByRole('region', { name: /^Photos in / });
  const headerCount = async () => Number((await lib.page.locator('.album-header__meta').innerText()).match(/([\d,]+) photos?\b/)?.[1]?.replace(/,/g, ''));

  it('creates the album "Reds" in the editor, with a live count of what matches', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain(`${photoCount} photos`);
    await sidebar().getByRole('region', { name: 'Albums', exact: true }).getByRole('button', { name: 'New album' }).click();
    const editor = lib.page.getByRole('form', { name: 'New album' });
    await eventually(() => editor.isVisible()).toBe(true);
    await editor.getByLabel('Name').fill('Reds');
    await editor.getByLabel('Query').fill('red');
    // The preview runs the same query through search: the reds are the best matches.
    await eventually(() => editor.locator('.album-preview').innerText(), 20_000).toMatch(/\d+ photos? match/);
    const previewCount = Number((await editor.locator('.album-preview').innerText()).match(/(\d+) photos? match/)![1]);
    expect(previewCount).toBeGreaterThanOrEqual(2);
    expect(previewCount).toBeLessThan(photoCount);
    await waitForImages(editor.locator('.album-preview__thumbs img'));
    await screenshot(lib.page, 'albums-editor-new');

    await editor.getByRole('button', { name: 'Create album' }).click();
    await eventually(() => lib.page.getByRole('heading', { name: 'Reds', level: 1 }).isVisible()).toBe(true);
    await eventually(headerCount).toBe(previewCount);
    expect(await lib.page.locator('.album-header__meta').innerText()).toMatch(/“red” · automatic threshold/);
    // In the sidebar with its count.
    const row = sidebar().getByRole('button', { name: /^Reds/ });
    await eventually(() => row.innerText()).toMatch(new RegExp(`Reds\\s+${previewCount}$`));
  });

  it('shows the red photos first', async () => {
    await eventually(() => tileNames(albumGrid(), 2).then((names) => names.sort())).toEqual(['crimson.jpg', 'red.jpg']);
    await waitForImages(albumGrid().locator('.tile__open img'));
    await screenshot(lib.page, 'albums-view');
  });

  it('excludes a photo from the viewer: it leaves the album', async () => {
    const before = await headerCount();
    await albumGrid().getByRole('button', { name: 'Open red.jpg' }).click();
    const viewer = lib.page.getByRole('dialog', { name: /Photo viewer/ });
    await eventually(() => viewer.locator('.viewer__title').innerText()).toBe('red.jpg');
    const bar = lib.page.getByRole('toolbar', { name: 'Album Reds' });
    await screenshot(lib.page, 'albums-viewer-bar');
    await bar.getByRole('button', { name: 'Exclude from album' }).click();
    // The viewer moves on to the photo that took its place; the line saying so stays, with Undo.
    await eventually(() => viewer.locator('.viewer__title').innerText()).not.toBe('red.jpg');
    await eventually(() => viewer.getByRole('status').filter({ hasText: 'Excluded red.jpg from “Reds”.' }).getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);
    await lib.page.keyboard.press('Escape');
    await eventually(headerCount).toBe(before - 1);
    // The header's count (listAlbums) and the grid (albumPhotos) are fetched apart: either may land first.
    await eventually(() => albumGrid().getByRole('button', { name: 'Open red.jpg' }).count()).toBe(0);
    await eventually(() => sidebar().getByRole('button', { name: /^Reds/ }).innerText()).toMatch(new RegExp(`\\s${before - 1}$`));
  });

  it('renames the album in the editor, keeping the exclusion', async () => {
    const count = await headerCount();
    await lib.page.getByRole('button', { name: 'Edit' }).click();
    const editor = lib.page.getByRole('form', { name: 'Edit album Reds' });
    await eventually(() => editor.getByLabel('Name').inputValue()).toBe('Reds');
    expect(await editor.getByLabel('Query').inputValue()).toBe('red');
    await editor.getByLabel('Name').fill('Red things');
    // A threshold of one's own starts from the automatic one in effect; the count follows it.
    const automatic = Number((await editor.locator('.album-check').innerText()).match(/\((\d\.\d+) now\)/)![1]);
    await editor.getByLabel('Automatic').uncheck();
    expect(Number(await editor.getByLabel('Threshold', { exact: true }).inputValue())).toBe(automatic);
    await editor.getByLabel('Threshold', { exact: true }).fill('1');
    await eventually(() => editor.locator('.album-preview').innerText()).toMatch(/^0 photos match now/);
    await editor.getByLabel('Automatic').check();
    await eventually(() => editor.locator('.album-preview').innerText()).toMatch(/before your pins and exclusions/);
    await screenshot(lib.page, 'albums-editor-edit');
    await editor.getByRole('button', { name: 'Save' }).click();
    await eventually(() => lib.page.getByRole('heading', { name: 'Red things', level: 1 }).isVisible()).toBe(true);
    await eventually(headerCount).toBe(count);
    expect(await albumGrid().getByRole('button', { name: 'Open red.jpg' }).count()).toBe(0);
    // The sidebar reads the albums again on its own (notifyAlbumsChanged), apart from the album screen.
    await eventually(() => sidebar().getByRole('button', { name: /^Reds/ }).count()).toBe(0);
    await eventually(() => sidebar().getByRole('button', { name: /^Red things/ }).isVisible()).toBe(true);
  });

  it('lists the excluded photo and puts it back', async () => {
    const count = await headerCount();
    await lib.page.getByRole('button', { name: 'Excluded (1)' }).click();
    const panel = lib.page.getByRole('region', { name: 'Excluded photos' });
    await waitForImages(panel.locator('img'));
    await screenshot(lib.page, 'albums-excluded');
    await panel.getByRole('button', { name: 'Put back' }).click();
    await eventually(headerCount).toBe(count + 1);
    await eventually(() => albumGrid().getByRole('button', { name: 'Open red.jpg' }).isVisible()).toBe(true);
    await eventually(() => panel.innerText()).toMatch(/None/);
    // What was done is said, in place of an "Excluded …" line from before.
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Put 1 photo back in “Red things”' }).isVisible()).toBe(true);
    expect(await lib.page.getByRole('status').filter({ hasText: /^Excluded/ }).count()).toBe(0);
  });

  it('a new red photo added to the folder joins the album once indexed', async () => {
    const count = await headerCount();
    await writeColourPhoto(lib.photos, 'scarlet.jpg', [235, 30, 15]);
    // `shoebox serve` follows the folder: no action in the UI.
    await eventually(() => albumGrid().getByRole('button', { name: 'Open scarlet.jpg' }).isVisible(), 60_000).toBe(true);
    await eventually(headerCount).toBeGreaterThan(count);
  });

  it('exports the album to a folder as links', async () => {
    const count = await headerCount();
    const dir = path.join(tempDir('shoebox-e2e-albums-export-'), 'Red things');
    await lib.page.getByRole('button', { name: 'Export…' }).click();
    const form = lib.page.getByRole('form', { name: 'Export album' });
    await form.getByLabel('Folder (full path; created if needed)').fill(dir);
    await form.getByRole('button', { name: 'Export' }).click();
    await eventually(() => form.getByRole('status').innerText()).toBe(`Exported ${count} photos to ${dir}.`);
    const entries = fs.readdirSync(dir);
    expect(entries.length).toBe(count);
    for (const entry of entries) {
      const link = path.join(dir, entry);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(path.dirname(fs.readlinkSync(link))).toBe(lib.photos);
    }
    expect(entries).toEqual(expect.arrayContaining(['red.jpg', 'crimson.jpg', 'scarlet.jpg']));
    await screenshot(lib.page, 'albums-export');
  });

  it('pins a look-alike found with "more like this" into the album, marked as pinned', async () => {
    const count = await headerCount();
    const tile = albumGrid().locator('.tile', { has: lib.page.getByRole('button', { name: 'Open red.jpg' }) });
    await tile.hover();
    await tile.getByRole('button', { name: 'More like red.jpg' }).click();
    await eventually(() => lib.page.getByRole('heading', { name: 'More like red.jpg', level: 1 }).isVisible()).toBe(true);
    const lookAlikes = lib.page.getByRole('region', { name: 'Look-alikes' });
    await eventually(() => tileNames(lookAlikes, 30)).toContain('green.jpg');
    await lookAlikes.getByRole('button', { name: 'Open green.jpg' }).click();
    await lib.page.getByRole('toolbar', { name: 'Album Red things' }).getByRole('button', { name: 'Pin to album' }).click();
    await eventually(() => lib.page.getByRole('toolbar', { name: 'Album Red things' }).getByRole('status').innerText()).toBe('Pinned into Red things.');
    // The bar shows the pin it made (the look-alikes' listing does not know of it).
    expect(await lib.page.getByRole('toolbar', { name: 'Album Red things' }).getByRole('button', { name: 'Pin to album' }).count()).toBe(0);
    expect(await lib.page.getByRole('toolbar', { name: 'Album Red things' }).getByText('Pinned', { exact: true }).isVisible()).toBe(true);
    await lib.page.keyboard.press('Escape');
    await lib.page.getByRole('button', { name: 'Back to Red things' }).click();
    await eventually(headerCount).toBe(count + 1);
    const pinned = albumGrid().locator('.tile', { has: lib.page.getByRole('button', { name: 'Open green.jpg' }) });
    await eventually(() => pinned.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Pinned"');
    const unpinned = albumGrid().locator('.tile', { has: lib.page.getByRole('button', { name: 'Open red.jpg' }) });
    expect(await unpinned.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
    await waitForImages(albumGrid().locator('.tile__open img'));
    await screenshot(lib.page, 'albums-view-pinned');
    await lib.page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(lib.page, 'albums-view-dark');
    await lib.page.getByRole('button', { name: 'Edit' }).click();
    await eventually(() => lib.page.locator('.album-preview__thumbs img').count()).toBeGreaterThan(0);
    await waitForImages(lib.page.locator('.album-preview__thumbs img'));
    await screenshot(lib.page, 'albums-editor-dark');
    await lib.page.emulateMedia({ colorScheme: 'light' });
  });

  it('deletes the album after asking', async () => {
    const editor = lib.page.getByRole('form', { name: 'Edit album Red things' });
    await editor.getByRole('button', { name: 'Delete album…' }).click();
    await eventually(() => editor.getByRole('alertdialog', { name: 'Confirm deletion' }).innerText()).toMatch(/Delete “Red things”\? The photos stay where they are/);
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(() => sidebar().getByRole('region', { name: 'Albums', exact: true }).innerText()).toMatch(/Save a search as an album/);
    expect(fs.readdirSync(lib.photos)).toContain('red.jpg');
  });

  it('with a fixed threshold below the automatic cut-off, the live count is what the album then holds', async () => {
    await sidebar().getByRole('region', { name: 'Albums', exact: true }).getByRole('button', { name: 'New album' }).click();
    const editor = lib.page.getByRole('form', { name: 'New album' });
    await eventually(() => editor.isVisible()).toBe(true);
    await editor.getByLabel('Name').fill('Reddish');
    await editor.getByLabel('Query').fill('red');
    const previewCount = async () => Number((await editor.locator('.album-preview:not(.album-preview--stale)').innerText()).match(/^(\d+) photos? match/)?.[1] ?? Number.NaN);
    await eventually(previewCount, 20_000).toBeGreaterThan(0);
    const automatic = await previewCount();
    await editor.getByLabel('Automatic').uncheck();
    // The lowest cosine there is: every photo, most of them ones search() (which always
    // applies its cut-off) never returns, so it cannot count them.
    await editor.getByLabel('Threshold', { exact: true }).fill('-1');
    await eventually(previewCount, 20_000).toBeGreaterThan(automatic);
    const fixed = await previewCount();
    expect(fixed).toBe(fs.readdirSync(lib.photos).length);
    await waitForImages(editor.locator('.album-preview__thumbs img'));
    await screenshot(lib.page, 'albums-editor-fixed-threshold');
    // The preview's scratch albums never show in the sidebar.
    expect(await sidebar().getByRole('region', { name: 'Albums', exact: true }).innerText()).not.toMatch(/preview/i);
    await editor.getByRole('button', { name: 'Create album' }).click();
    await eventually(() => lib.page.getByRole('heading', { name: 'Reddish', level: 1 }).isVisible()).toBe(true);
    await eventually(headerCount).toBe(fixed);
    await eventually(() => sidebar().getByRole('region', { name: 'Albums', exact: true }).getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^Reddish\\s+${fixed}$`))]);
  });

  it('logged no console errors (no CSP violations)', () => {
    expect(lib.errors).toEqual([]);
  });
});

async function waitForImages(images: ReturnType<Page['locator']>): Promise<void> {
  await eventually(() => images.evaluateAll((imgs) => imgs.length > 0 && imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
}
