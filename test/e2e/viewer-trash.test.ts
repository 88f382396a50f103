// The viewer's Trash… and Delete, in the browser over `shoebox serve` (a trash folder of the
// test's own, SHOEBOX_TRASH_DIR): the grid's confirmation asks first, Cancel focused and Esc
// cancelling it alone (the viewer stays); confirmed, the photo goes to the trash and the
// viewer says so in the grid's words and shows the photo that took its place, as after Archive
// (never "removed from the library"), the one before at the end, and closes when none is left.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Newest first in the timeline: p1 (5 Jan) ... p5 (1 Jan), one a day. */
const PHOTOS = ['p1', 'p2', 'p3', 'p4', 'p5'];

describe.skipIf(!hasChromium)("the viewer's trash", () => {
  let trashDir: string;
  /** Serve's environment: SHOEBOX_TRASH_DIR is set with the photos, before serve starts. */
  const env: NodeJS.ProcessEnv = {};
  const lib = useLibrarySession(
    'viewer-trash',
    async (photos) => {
      trashDir = tempDir('shoebox-e2e-viewer-trash-bin-');
      env.SHOEBOX_TRASH_DIR = trashDir;
      for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 30, 40 + i * 30, 60], { taken: `2024:01:0${5 - i} 12:00:00` });
    },
    { env },
  );

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const shown = () => viewer().getAttribute('aria-label');
  const position = () => viewer().locator('.viewer__position').innerText();
  const confirm = () => lib.page.getByRole('dialog', { name: 'Move 1 photo to the trash?' });
  const trashed = () => fs.readdirSync(path.join(trashDir, 'files')).sort();
  const cancelFocused = () => confirm().getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement);

  it('asks first with the grid’s confirmation, Cancel focused; Esc cancels it and leaves the viewer open', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(PHOTOS.map((p) => `${p}.jpg`));
    await lib.page.getByRole('button', { name: 'Open p2.jpg', exact: true }).click();
    await eventually(shown, 10_000).toBe('Photo viewer: p2.jpg');
    await viewer().getByRole('button', { name: 'Trash…' }).click();
    await eventually(() => confirm().isVisible(), 10_000).toBe(true);
    expect(await confirm().getByRole('list', { name: 'Photos to move' }).innerText()).toBe(path.join(lib.photos, 'p2.jpg'));
    await eventually(cancelFocused, 10_000).toBe(true);
    await lib.page.keyboard.press('Escape');
    await eventually(() => confirm().count(), 10_000).toBe(0);
    expect(await shown()).toBe('Photo viewer: p2.jpg');
    expect(fs.existsSync(path.join(lib.photos, 'p2.jpg'))).toBe(true);
    // The focus is back on Trash…: the viewer's keys go on working.
    await eventually(() => lib.page.evaluate(() => document.activeElement?.textContent ?? null), 10_000).toBe('Trash…');
  });

  it('Delete asks too; confirmed, the photo goes to the trash and the next one shows, with what was done', async () => {
    await lib.page.keyboard.press('Delete');
    await eventually(() => confirm().isVisible(), 10_000).toBe(true);
    await eventually(cancelFocused, 10_000).toBe(true);
    await confirm().getByRole('button', { name: 'Move to trash' }).click();
    await eventually(() => viewer().getByRole('status').filter({ hasText: 'Moved 1 photo to the trash.' }).isVisible(), 10_000).toBe(true);
    await eventually(shown, 10_000).toBe('Photo viewer: p3.jpg');
    await eventually(position, 10_000).toBe('2 of 4');
    expect(await viewer().getByText(/removed from the library/).count()).toBe(0);
    expect(fs.existsSync(path.join(lib.photos, 'p2.jpg'))).toBe(false);
    expect(trashed()).toEqual(['p2.jpg']);
    // ← → go on from it.
    await lib.page.keyboard.press('ArrowLeft');
    await eventually(shown, 10_000).toBe('Photo viewer: p1.jpg');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(shown, 10_000).toBe('Photo viewer: p3.jpg');
  });

  it('at the end, the photo before shows; the last one left closes the viewer', async () => {
    const trashShown = async (name: string) => {
      await eventually(shown, 10_000).toBe(`Photo viewer: ${name}`);
      await lib.page.keyboard.press('Delete');
      await eventually(() => confirm().isVisible(), 10_000).toBe(true);
      await confirm().getByRole('button', { name: 'Move to trash' }).click();
      await eventually(() => confirm().count(), 10_000).toBe(0);
    };
    await lib.page.keyboard.press('ArrowRight');
    await lib.page.keyboard.press('ArrowRight');
    await trashShown('p5.jpg');
    await eventually(shown, 10_000).toBe('Photo viewer: p4.jpg');
    await eventually(position, 10_000).toBe('3 of 3');
    await trashShown('p4.jpg');
    await eventually(position, 10_000).toBe('2 of 2');
    await trashShown('p3.jpg');
    await eventually(position, 10_000).toBe('1 of 1');
    await trashShown('p1.jpg');
    await eventually(() => viewer().count(), 10_000).toBe(0);
    expect(trashed()).toEqual(PHOTOS.map((p) => `${p}.jpg`));
    await eventually(() => tileNames(lib.page), 10_000).toEqual([]);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
