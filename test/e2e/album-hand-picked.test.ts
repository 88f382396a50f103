// A hand-picked album made from a selection, in the browser over `shoebox serve` with the
// tiny colour model: select two photos, Album… → a name in "New album", Enter; the bar says
// so, the sidebar lists the album, and its screen holds exactly those two photos, "Hand-picked"
// instead of a query and a threshold.
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

describe.skipIf(!hasChromium)('a hand-picked album from the selection', () => {
  const lib = useLibrarySession('album-hand-picked', async (photos) => {
    for (const [i, [name, rgb]] of PHOTOS.entries()) await writeExifColourPhoto(photos, name, rgb, { taken: `2024:01:0${5 - i} 12:00:00` });
  });

  const page = () => lib.page;
  const tile = (name: string) => page().getByRole('button', { name: `Open ${name}` }).first();
  const bar = () => page().getByRole('toolbar', { name: 'Selected photos' });

  it('selects 2 photos → Album… → New album “Italy trip”: the album lists exactly them', async () => {
    await page().goto(lib.serve.url);
    await eventually(() => tile('yellow.jpg').isVisible(), 90_000).toBe(true);
    await eventually(() => tile('green.jpg').isVisible(), 90_000).toBe(true);
    await tile('green.jpg').click({ modifiers: ['ControlOrMeta'] });
    await tile('yellow.jpg').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText(), 30_000).toContain('2 photos selected');

    await bar().getByRole('button', { name: 'Album…' }).click();
    const name = bar().getByRole('textbox', { name: 'Name of a new album' });
    await name.fill('Italy trip');
    await name.press('Enter');
    await eventually(() => bar().getByRole('status').innerText(), 60_000).toBe('Made the album “Italy trip” with 2 photos.');

    // The sidebar lists it with its count; its screen shows those two photos, hand-picked.
    const row = page().getByRole('region', { name: 'Albums', exact: true }).getByRole('button', { name: /Italy trip/ });
    await eventually(() => row.innerText(), 30_000).toMatch(/Italy trip\s*2/);
    await row.click();
    const grid = page().getByRole('region', { name: 'Photos in Italy trip' });
    await eventually(async () => (await tileNames(grid)).sort(), 60_000).toEqual(['green.jpg', 'yellow.jpg']);
    await eventually(() => page().locator('.album-header__meta').innerText(), 30_000).toBe('Hand-picked · 2 photos');
    expect(await page().getByRole('button', { name: /^Excluded/ }).count()).toBe(0);
    await screenshot(page(), 'album-hand-picked');

    const albums = (await lib.serve.call('listAlbums')) as { name: string; query: string; handPicked: boolean; members: number }[];
    expect(albums).toMatchObject([{ name: 'Italy trip', query: '', handPicked: true, members: 2 }]);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
