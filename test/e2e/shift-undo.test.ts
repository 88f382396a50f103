// Undo of the selection bar's Shift dates in the browser over `shoebox serve`: it puts back the
// date each photo had before the shift (the core's undoEdit), so a photo given a date of its
// own since keeps that date, where the same shift back would have moved it off it (2020-01-01
// would have become 2019-12-31 23:00). The line says how many were left as they are.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('undo of a shift of dates in the browser', () => {
  const lib = useLibrarySession('shift-undo', async (photos) => {
    await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2024:03:07 18:00:00' });
    await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30], { taken: '2024:03:05 12:00:00' });
    await writeExifColourPhoto(photos, 'blue.jpg', [20, 25, 140], { taken: '2024:03:01 08:00:00' });
  });

  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const open = (name: string) => lib.page.getByRole('button', { name: `Open ${name}`, exact: true });
  const library = async () => ((await lib.serve.call('timeline', {})) as { photos: { id: string; path: string; takenAt: number | null }[] }).photos;
  /** The date the engine holds for a photo (not the page's). */
  const libraryTaken = async (name: string) => (await library()).find((p) => p.path.endsWith(`/${name}`))!.takenAt;

  it('puts back the dates from before the shift, and leaves a photo dated again since as the user set it', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['red.jpg', 'green.jpg', 'blue.jpg']);
    for (const name of ['red.jpg', 'green.jpg', 'blue.jpg']) await open(name).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('3 photos selected');
    await bar().getByRole('button', { name: 'Date…' }).click();
    await bar().getByLabel('hours to shift by').fill('1');
    await bar().getByRole('button', { name: 'Shift dates' }).click();
    const shifted = lib.page.getByRole('status').filter({ hasText: 'Shifted the date taken of 3 photos by +1h.' });
    await eventually(() => shifted.isVisible()).toBe(true);
    expect(await libraryTaken('blue.jpg')).toBe(Date.UTC(2024, 2, 1, 9));

    // Then blue is given a date of its own (as the viewer's Edit, or another window, does).
    const blue = (await library()).find((p) => p.path.endsWith('/blue.jpg'))!.id;
    await lib.serve.call('setTakenAt', [blue], '2020-01-01T00:00');
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'green.jpg', 'blue.jpg']);

    await shifted.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Undid the shift: the date taken of 2 photos moved 1h earlier. 1 photo changed since was left as it is.' }).isVisible()).toBe(true);
    expect([await libraryTaken('red.jpg'), await libraryTaken('green.jpg'), await libraryTaken('blue.jpg')]).toEqual([Date.UTC(2024, 2, 7, 18), Date.UTC(2024, 2, 5, 12), Date.UTC(2020, 0, 1)]);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
