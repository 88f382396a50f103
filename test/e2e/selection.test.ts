// Selection in the grid and what can be done with it (#15 item 3), in the browser over
// `shoebox serve` with the tiny colour model: a day header's check selects its photos,
// ctrl/cmd-click and shift-click select, the
// selection is tagged with a label (accepted tags), pinned to an album, exported as links,
// then the keyboard selects a photo and Delete asks before it goes to the trash (a trash
// folder of the test's own, SHOEBOX_TRASH_DIR); an album's grid selects the same way. Screenshots: test-results/screenshots/selection-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Newest first in the timeline: p1 (5 Jan) ... p5 (1 Jan), one a day. */
const PHOTOS = ['p1', 'p2', 'p3', 'p4', 'p5'];

describe.skipIf(!hasChromium)('selection in the browser', () => {
  let trashDir: string;
  let exportDir: string;
  /** Serve's environment: SHOEBOX_TRASH_DIR is set with the photos, before serve starts. */
  const env: NodeJS.ProcessEnv = {};

  const lib = useLibrarySession(
    'selection',
    async (photos) => {
      trashDir = tempDir('shoebox-e2e-selection-trash-');
      env.SHOEBOX_TRASH_DIR = trashDir;
      exportDir = path.join(tempDir('shoebox-e2e-selection-export-'), 'picked');
      for (const [i, name] of PHOTOS.entries()) {
        await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 30, 40 + i * 30, 60], { taken: `2024:01:0${5 - i} 12:00:00` });
      }
    },
    { env },
  );

  const api = (method: string, ...args: unknown[]): Promise<unknown> => lib.serve.call(method, ...args);

  beforeAll(async () => {
    await api('saveLabelSet', { name: 'colours', labels: ['red', 'green'] });
    await api('saveAlbum', { name: 'Picks', query: 'blue' });
  });

  const tile = (name: string) => lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: `Open ${name}.jpg` }) });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });

  it("a day header's check selects that day's photos and again unselects them", async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tile('p4').isVisible(), 60_000).toBe(true);
    const day = (label: string) => lib.page.getByRole('checkbox', { name: `Select ${label}` });
    // p2 was taken on 4 January 2024 (a Thursday), p4 on the 2nd.
    await day('Thu, Jan 4').click();
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    expect(await tile('p2').getAttribute('class')).toContain('selected');
    await day('Tue, Jan 2').click();
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    expect(await day('Tue, Jan 2').getAttribute('aria-checked')).toBe('true');
    await screenshot(lib.page, 'selection-day');
    await day('Thu, Jan 4').click();
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await day('Tue, Jan 2').click();
    await eventually(() => bar().count()).toBe(0);
  });

  it('ctrl/cmd-click selects a photo, shift-click the range to it', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain(`${PHOTOS.length} photos`);
    await eventually(() => tile('p4').isVisible()).toBe(true);
    await tile('p2').getByRole('button', { name: 'Open p2.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await tile('p4').getByRole('button', { name: 'Open p4.jpg' }).click({ modifiers: ['Shift'] });
    await eventually(() => bar().innerText()).toContain('3 photos selected');
    expect(await lib.page.locator('.tile').getByRole('checkbox', { checked: true }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(['Select p2.jpg', 'Select p3.jpg', 'Select p4.jpg']);
    // With photos selected, a plain click adds to the selection instead of opening the viewer.
    await tile('p5').getByRole('button', { name: 'Open p5.jpg' }).click();
    await eventually(() => bar().innerText()).toContain('4 photos selected');
    await tile('p5').getByRole('button', { name: 'Open p5.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('3 photos selected');
    expect(await lib.page.getByRole('dialog').count()).toBe(0);
    // A page under `shoebox serve` has no file manager to open: no "Show in folder".
    expect(await bar().getByRole('button', { name: 'Show in folder' }).count()).toBe(0);
    await screenshot(lib.page, 'selection-three-selected');
  });

  it('tags the selection with a label, as accepted tags', async () => {
    await bar().getByRole('button', { name: 'Tag…' }).click();
    await bar().getByLabel('Label').selectOption({ label: 'green (colours)' });
    await bar().getByRole('button', { name: 'Tag', exact: true }).click();
    await eventually(() => bar().getByRole('status').innerText()).toBe('Tagged 3 photos “green”.');
    const review = (await api('reviewTags', { set: 'colours', label: 'green', state: 'accepted' })) as { photos: { path: string }[] };
    expect(review.photos.map((p) => path.basename(p.path)).sort()).toEqual(['p2.jpg', 'p3.jpg', 'p4.jpg']);
  });

  it('pins the selection to an album', async () => {
    await bar().getByRole('button', { name: 'Album…' }).click();
    await bar().getByLabel('Album', { exact: true }).selectOption('Picks');
    await bar().getByRole('button', { name: 'Pin to album' }).click();
    await eventually(() => bar().getByRole('status').innerText()).toBe('Pinned 3 photos to “Picks”.');
    const albums = (await api('listAlbums')) as { name: string; pinned: number }[];
    expect(albums.find((a) => a.name === 'Picks')?.pinned).toBe(3);
  });

  it('exports the selection to a folder as links', async () => {
    await bar().getByRole('button', { name: 'Export…' }).click();
    await bar().getByLabel('Export folder').fill(exportDir);
    await bar().getByRole('button', { name: 'Export', exact: true }).click();
    await eventually(() => bar().getByRole('status').innerText()).toBe(`Exported 3 photos to ${exportDir}.`);
    const exported = fs.readdirSync(exportDir).sort();
    expect(exported).toEqual(['p2.jpg', 'p3.jpg', 'p4.jpg']);
    for (const name of exported) expect(fs.readlinkSync(path.join(exportDir, name))).toBe(path.join(lib.photos, name));
    await screenshot(lib.page, 'selection-exported');
  });

  it('the keyboard: Escape clears, arrows move, space selects, Delete asks before the trash', async () => {
    const grid = lib.page.getByRole('region', { name: 'Photos' });
    await grid.focus();
    await lib.page.keyboard.press('Escape');
    await eventually(() => bar().count()).toBe(0);
    // The focus ring stayed on the last photo clicked (p5): three to the left is p2.
    await eventually(() => lib.page.locator('.tile--focused').getAttribute('data-index')).toBe('4');
    for (let i = 0; i < 3; i++) await lib.page.keyboard.press('ArrowLeft');
    await eventually(() => lib.page.locator('.tile--focused').getAttribute('data-index')).toBe('1');
    // One photo a day, a row each: ↓ is the photo on screen below (the next day's), not a row's width on.
    await lib.page.keyboard.press('ArrowDown');
    await eventually(() => lib.page.locator('.tile--focused').getAttribute('data-index')).toBe('2');
    await lib.page.keyboard.press('ArrowUp');
    await eventually(() => lib.page.locator('.tile--focused').getAttribute('data-index')).toBe('1');
    await lib.page.keyboard.press(' ');
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await lib.page.keyboard.press('Delete');
    const dialog = lib.page.getByRole('dialog', { name: 'Move 1 photo to the trash?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('list', { name: 'Photos to move' }).innerText()).toBe(path.join(lib.photos, 'p2.jpg'));
    // Cancel has the focus: Enter would not move anything.
    await eventually(() => dialog.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(lib.page, 'selection-trash-dialog');
    await dialog.getByRole('button', { name: 'Move to trash' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Moved 1 photo to the trash.' }).isVisible()).toBe(true);
    expect(fs.existsSync(path.join(lib.photos, 'p2.jpg'))).toBe(false);
    expect(fs.readdirSync(path.join(trashDir, 'files'))).toEqual(['p2.jpg']);
    await eventually(() => lib.page.locator('.result-header').innerText()).toContain(`${PHOTOS.length - 1} photos`);
    // A new selection does not bring the dialog back: that Delete press was for the last one.
    await grid.focus();
    await lib.page.keyboard.press('ArrowRight'); // the focus ring left with the trashed photo: back on the first
    await lib.page.keyboard.press(' ');
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await lib.page.waitForTimeout(500);
    expect(await lib.page.getByRole('dialog').count()).toBe(0);
    await lib.page.keyboard.press('Escape');
    await eventually(() => bar().count()).toBe(0);
  });

  it('selects in an album grid too: the selection is excluded from the album and leaves it', async () => {
    await lib.page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Picks/ }).click();
    const grid = lib.page.getByRole('region', { name: 'Photos in Picks' });
    const inAlbum = (name: string) => grid.locator('.tile', { has: lib.page.getByRole('button', { name: `Open ${name}.jpg` }) });
    // p3 and p4 were pinned above (p2 went to the trash since).
    await eventually(() => inAlbum('p3').isVisible(), 30_000).toBe(true);
    await inAlbum('p3').getByRole('button', { name: 'Open p3.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    expect(await lib.page.getByRole('dialog').count()).toBe(0);
    await screenshot(lib.page, 'selection-album');
    await bar().getByRole('button', { name: 'Album…' }).click();
    await bar().getByLabel('Album', { exact: true }).selectOption('Picks');
    await bar().getByRole('button', { name: 'Exclude from album' }).click();
    // The album reloads without it, and the selection (indices of the old list) goes.
    await eventually(() => inAlbum('p3').count()).toBe(0);
    await eventually(() => bar().count()).toBe(0);
    expect(await inAlbum('p4').isVisible()).toBe(true);
    const albums = (await api('listAlbums')) as { name: string; excluded: number; pinned: number }[];
    expect(albums.find((a) => a.name === 'Picks')).toMatchObject({ excluded: 1 });
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
