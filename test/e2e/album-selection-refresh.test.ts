// An album's grid keeps its selection when its list is read again, in the browser over
// `shoebox serve` with the tiny colour model: a photo the watcher indexes meanwhile joins the
// album (an album of every photo), and the photos the user had selected stay selected (the
// same photos, wherever the new one puts them), as in the main grid (selection-refresh.test.ts);
// one whose file is deleted leaves the selection, the others stay.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const PHOTOS: [string, [number, number, number]][] = [
  ['red.jpg', [220, 20, 20]],
  ['green.jpg', [20, 200, 30]],
  ['blue.jpg', [25, 30, 210]],
  ['yellow.jpg', [230, 220, 20]],
];

describe.skipIf(!hasChromium)('an album’s selection while its list refreshes', () => {
  const lib = useLibrarySession('album-sel-refresh', async (photos) => {
    for (const [i, [name, rgb]] of PHOTOS.entries()) await writeExifColourPhoto(photos, name, rgb, { taken: `2024:01:0${5 - i} 12:00:00` });
  });

  const page = () => lib.page;
  const grid = () => lib.page.getByRole('region', { name: 'Photos in Everything' });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const selectedNames = async () => (await tileNames(grid().locator('.tile--selected'))).sort();
  const members = async () => Number((await lib.page.locator('.album-header__meta').innerText()).match(/(\d+) photos?\b/)?.[1]);
  /** The engine's jobs still to finish (indexing): each one's end refreshes the lists. */
  const busyJobs = async () => ((await lib.serve.call('jobs')) as { state: string }[]).filter((job) => job.state === 'running' || job.state === 'queued').length;

  it('keeps the selected photos selected as the watcher indexes another into the album', async () => {
    await lib.serve.call('saveAlbum', { name: 'Everything', query: 'a photo', threshold: -1 });
    await page().goto(`${lib.serve.url}#/album/Everything`);
    await eventually(members, 60_000).toBe(PHOTOS.length);
    await eventually(async () => (await tileNames(grid())).length).toBe(PHOTOS.length);
    // The folder's indexing has just finished: its last refresh lands before anything is selected.
    await eventually(busyJobs, 60_000).toBe(0);
    await page().waitForTimeout(3000);
    await grid().getByRole('button', { name: 'Open green.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await grid().getByRole('button', { name: 'Open yellow.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    expect(await selectedNames()).toEqual(['green.jpg', 'yellow.jpg']);

    // A new photo in the folder: the watcher indexes it, and the album (every photo) lists it.
    await writeExifColourPhoto(lib.photos, 'crimson.jpg', [200, 25, 45], { taken: '2024:02:01 12:00:00' });
    await eventually(members, 60_000).toBe(PHOTOS.length + 1);
    await eventually(() => tileNames(grid())).toContain('crimson.jpg');
    // Let a late refresh settle (status, counts) before reading what stayed.
    await eventually(busyJobs, 60_000).toBe(0);
    await page().waitForTimeout(1500);
    await screenshot(page(), 'album-selection-refresh');
    expect(await selectedNames()).toEqual(['green.jpg', 'yellow.jpg']);
    expect(await bar().innerText()).toContain('2 photos selected');
  });

  it('drops only the selected photo that went', async () => {
    fs.rmSync(path.join(lib.photos, 'yellow.jpg'));
    await eventually(() => tileNames(grid()), 60_000).not.toContain('yellow.jpg');
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    expect(await selectedNames()).toEqual(['green.jpg']);
    await page().getByRole('button', { name: 'Clear selection' }).click();
    await eventually(() => bar().count()).toBe(0);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
