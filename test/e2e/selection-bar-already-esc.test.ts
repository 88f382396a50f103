// The selection bar over `shoebox serve` on a day-two walk: Pin to album and Tag… over photos
// partly so already said "Pinned 3 photos to “Trip”." of an album that grew by 2 (the CLI says
// "was pinned to the album … already"); the line says what changed and what was so already,
// from the core's answer. And Esc, with the focus in the bar and no panel open, did nothing
// while ✕ promises "Clear selection (Esc)": after a panel was used and closed with Esc, a
// second Esc clears the selection, and the focus goes to the grid.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const PHOTOS = ['yellow', 'blue', 'green'];

describe.skipIf(!hasChromium)('the selection bar says what was so already, and Esc clears it', () => {
  const lib = useLibrarySession('selection-bar-already-esc', async (photos) => {
    const colours: [number, number, number][] = [[230, 220, 30], [25, 30, 210], [20, 200, 30]];
    for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, colours[i]!, { taken: `2024:01:0${5 - i} 12:00:00` });
  });

  const page = () => lib.page;
  const bar = () => page().getByRole('toolbar', { name: 'Selected photos' });
  const open = (name: string) => page().getByRole('button', { name: `Open ${name}.jpg`, exact: true });
  const idOf = async (name: string) => ((await lib.serve.call('listPhotos')) as { photos: { id: string; path: string }[] }).photos.find((p) => p.path.endsWith(`/${name}.jpg`))!.id;
  const focused = () => page().evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

  async function selectAll(): Promise<void> {
    for (const name of PHOTOS) await open(name).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().locator('strong').innerText(), 10_000).toBe('3 photos selected');
  }

  it('Pin to album: the photo pinned already is said apart, as the CLI says it', async () => {
    await page().goto(lib.serve.url);
    await eventually(() => tileNames(page()), 60_000).toEqual(PHOTOS.map((p) => `${p}.jpg`));
    await lib.serve.call('saveAlbum', { name: 'Trip', query: 'beach' });
    await lib.serve.call('setAlbumMemberships', 'Trip', [await idOf('yellow')], 'pinned');
    await selectAll();
    await bar().getByRole('button', { name: 'Album…' }).click();
    await bar().getByLabel('Album', { exact: true }).selectOption('Trip');
    await bar().getByRole('button', { name: 'Pin to album' }).click();
    await eventually(() => bar().getByRole('status').innerText(), 20_000).toBe('Pinned 2 photos to “Trip”. 1 photo was pinned to “Trip” already.');
    expect(((await lib.serve.call('listAlbums')) as { name: string; pinned: number }[]).find((a) => a.name === 'Trip')?.pinned).toBe(3);
    // Again: nothing changed, and the line says so.
    await bar().getByRole('button', { name: 'Pin to album' }).click();
    await eventually(() => bar().getByRole('status').innerText(), 20_000).toBe('3 photos were pinned to “Trip” already: nothing changed.');
  });

  it('Tag…: the photos tagged already are said apart', async () => {
    await lib.serve.call('saveLabelSet', { name: 'colours', labels: ['blue', 'green'] });
    await lib.serve.call('setTagStates', [await idOf('blue'), await idOf('green')], 'colours', 'blue', 'accepted');
    await bar().getByRole('button', { name: 'Tag…' }).click();
    await bar().getByLabel('Label').selectOption({ label: 'blue (colours)' });
    await bar().getByRole('button', { name: 'Tag', exact: true }).click();
    await eventually(() => bar().getByRole('status').innerText(), 20_000).toBe('Tagged 1 photo “blue”. 2 photos were tagged “blue” already.');
  });

  it('Esc closes the panel, and Esc again clears the selection; the focus goes to the grid', async () => {
    // The focus is in the Tag… panel (its Tag button, just used).
    await page().keyboard.press('Escape');
    await eventually(() => bar().getByLabel('Label').count(), 10_000).toBe(0);
    await eventually(focused, 10_000).toBe('Tag…');
    await page().keyboard.press('Escape');
    await eventually(() => bar().count(), 10_000).toBe(0);
    await eventually(focused, 10_000).toBe('Photos');
    // From a bar button with no panel ever opened, too.
    await selectAll();
    await bar().getByRole('button', { name: 'Export…' }).focus();
    await page().keyboard.press('Escape');
    await eventually(() => bar().count(), 10_000).toBe(0);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
