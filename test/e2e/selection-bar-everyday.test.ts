// Everyday browsing with the selection bar and the search box over `shoebox serve` (a walker's
// findings): the bar's count says a video as a video ("3 photos, 1 video selected", as the
// header and the footer say it); Archive in a view that keeps archived photos (a search) offers
// Undo on the bar's own line and turns into Unarchive once every selected photo is archived
// (it read "Archive" for ever, and "Archived 0 photos" on a second click); Tag… with no label
// set says where labels come from instead of an empty list and a dead button; a search typed
// from All photos starts without the filters of the last search (Favourites only hid the very
// photo looked for), while a search refined on screen keeps them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeColourPhoto } from '../helpers/images';
import { writeColourVideo } from '../helpers/videos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the selection bar and the search box in everyday browsing', () => {
  const lib = useLibrarySession('selection-bar-everyday', async (photos) => {
    await writeColourPhoto(photos, 'red.jpg', [220, 20, 20]);
    await writeColourPhoto(photos, 'green.jpg', [20, 200, 30]);
    await writeColourPhoto(photos, 'blue.jpg', [25, 30, 210]);
    writeColourVideo(path.join(photos, 'clip.mp4'), [{ colour: 'yellow', seconds: 2 }]);
  });

  const page = () => lib.page;
  const bar = () => page().getByRole('toolbar', { name: 'Selected photos' });
  const sidebar = () => page().getByRole('navigation', { name: 'Library' });
  const open = (name: string) => page().getByRole('button', { name: `Open ${name}`, exact: true });
  const hash = () => page().evaluate(() => location.hash);
  const favouritesOnly = () => page().getByRole('group', { name: 'Filters' }).getByLabel('Favourites only');
  const libraryArchive = async () => ((await lib.serve.call('timeline', { archived: true })) as { photos: { path: string }[] }).photos.map((p) => path.basename(p.path));

  async function showAllPhotos(): Promise<void> {
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(() => page().getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
  }

  async function search(text: string): Promise<void> {
    const box = page().getByRole('searchbox');
    await box.fill(text);
    await box.press('Enter');
    await eventually(() => page().locator('main h1').first().innerText()).toBe(`Results for “${text}”`);
  }

  it('Select all says the video apart from the photos', async () => {
    await page().goto(lib.serve.url);
    await eventually(() => page().locator('.result-header').innerText(), 60_000).toContain('3 photos, 1 video');
    await open('red.jpg').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await page().keyboard.press('ControlOrMeta+a');
    await eventually(() => bar().locator('strong').innerText()).toBe('3 photos, 1 video selected');
    await bar().getByRole('button', { name: 'Clear selection' }).click();
  });

  it('Tag… with no label set says how to make one', async () => {
    await open('red.jpg').click({ modifiers: ['ControlOrMeta'] });
    await bar().getByRole('button', { name: 'Tag…' }).click();
    await eventually(() => bar().innerText()).toContain('Sort photos into labels you choose: “+ New”');
    expect(await bar().getByRole('combobox', { name: 'Label' }).count()).toBe(0);
    await bar().getByRole('button', { name: 'Clear selection' }).click();
  });

  it('Archive in a search offers Undo and turns into Unarchive; Undo brings the photo back', async () => {
    await search('red');
    await eventually(() => tileNames(page())).toContain('red.jpg');
    await open('red.jpg').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().locator('strong').innerText()).toBe('1 photo selected');
    await bar().getByRole('button', { name: 'Archive', exact: true }).click();
    await eventually(() => bar().getByRole('status').innerText()).toMatch(/^Archived 1 photo\.\s*Undo$/);
    expect(await libraryArchive()).toEqual(['red.jpg']);
    // Still selected and badged: the bar offers what a second click should do.
    await eventually(() => bar().getByRole('button', { name: 'Unarchive', exact: true }).isVisible()).toBe(true);

    await bar().getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await eventually(() => bar().getByRole('status').innerText()).toBe('Unarchived 1 photo.');
    expect(await libraryArchive()).toEqual([]);
    await eventually(() => bar().getByRole('button', { name: 'Archive', exact: true }).isVisible()).toBe(true);
    await bar().getByRole('button', { name: 'Clear selection' }).click();
  });

  it('a search typed from All photos starts without the last search’s filters; one refined on screen keeps them', async () => {
    await search('red');
    await favouritesOnly().check();
    await eventually(hash).toMatch(/favourite/);
    await showAllPhotos();
    await search('green');
    expect(await hash()).not.toMatch(/favourite/);
    expect(await favouritesOnly().isChecked()).toBe(false);
    await eventually(() => tileNames(page())).toContain('green.jpg');

    // On the results: the filter ticked there stays for the next words typed.
    await favouritesOnly().check();
    await eventually(hash).toMatch(/favourite/);
    await search('green grass');
    await eventually(hash).toMatch(/^#\/search\/green%20grass\?.*favourite/);
    expect(await favouritesOnly().isChecked()).toBe(true);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
