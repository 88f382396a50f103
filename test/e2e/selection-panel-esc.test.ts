// Esc in the selection bar's panels, in the browser over `shoebox serve` (a new user's walk):
// select a photo, open Place… (or Date…, Tag…, Album…, Export…), press Esc: the panel stayed
// open with the focus in its field, where the shortcuts list says "Esc: … close the viewer or a
// panel". Esc closes the open panel, applying nothing, and the focus goes back to the button
// that opened it; the selection stays, and so does what was applied before (its line too).
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const PHOTOS = ['p1', 'p2', 'p3'];

describe.skipIf(!hasChromium)('Esc closes the selection bar panels', () => {
  const lib = useLibrarySession('selection-panel-esc', async (photos) => {
    for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 60, 40 + i * 60, 80], { taken: `2024:01:0${5 - i} 12:00:00` });
  });

  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const focused = () => lib.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);
  const takenAt = async (name: string) => {
    const page = (await lib.serve.call('listPhotos')) as { photos: { path: string; takenAt: unknown }[] };
    return page.photos.find((p) => p.path.endsWith(`/${name}`))?.takenAt;
  };

  const albumNames = async () => ((await lib.serve.call('listAlbums')) as { name: string }[]).map((a) => a.name);

  it('Place…, Date…, Tag…, Album… and Export…: Esc closes each, applying nothing, and the focus goes back to its button', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(PHOTOS.map((p) => `${p}.jpg`));
    await lib.page.getByRole('button', { name: 'Open p2.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText(), 10_000).toContain('1 photo selected');
    const before = await takenAt('p2.jpg');

    // Each panel: its button, and a field in it to type into (unsaved when Esc comes).
    const panels: [button: string, field: string, typed: string | null][] = [
      ['Place…', 'Place of the selected photos', 'Florence'],
      ['Date…', 'days to shift by', '3'],
      ['Tag…', 'Label', null],
      ['Album…', 'Name of a new album', 'Summer'],
      ['Export…', 'Export folder', '/tmp/nowhere'],
    ];
    for (const [button, field, typed] of panels) {
      await bar().getByRole('button', { name: button }).click();
      // No label set yet: Tag… says where labels come from, with no field to type into.
      const input = field === 'Label' ? bar().getByText('No labels yet.', { exact: false }) : bar().getByLabel(field, { exact: true });
      await eventually(() => input.count(), 10_000).toBe(1);
      if (typed !== null) await input.fill(typed);
      else if (field !== 'Label') await input.focus();
      await lib.page.keyboard.press('Escape');
      await eventually(() => input.count(), 10_000).toBe(0);
      expect(await bar().getByRole('button', { name: button }).getAttribute('aria-expanded')).toBe('false');
      await eventually(focused, 10_000).toBe(button);
      // The selection stays: Esc closed the panel and nothing else.
      expect(await bar().innerText()).toContain('1 photo selected');
    }
    expect(before).toBeTruthy();
    expect(await takenAt('p2.jpg')).toEqual(before);
    expect(await albumNames()).not.toContain('Summer');
  });

  it('what was applied stays: its line is still said after Esc closes the panel', async () => {
    await bar().getByRole('button', { name: 'Album…' }).click();
    await bar().getByLabel('Name of a new album', { exact: true }).fill('Picks');
    await lib.page.keyboard.press('Enter');
    await eventually(() => bar().getByRole('status').innerText(), 20_000).toBe('Made the album “Picks” with 1 photo.');
    // The panel's list of albums has the one just made (it was read once, when the panel opened).
    await eventually(() => bar().getByLabel('Album', { exact: true }).locator('option').allInnerTexts(), 10_000).toEqual(['Choose an album', 'Picks']);
    await bar().getByLabel('Name of a new album', { exact: true }).fill('Not made');
    await lib.page.keyboard.press('Escape');
    await eventually(() => bar().getByLabel('Name of a new album', { exact: true }).count(), 10_000).toBe(0);
    await eventually(focused, 10_000).toBe('Album…');
    expect(await bar().getByRole('status').innerText()).toBe('Made the album “Picks” with 1 photo.');
    expect(await albumNames()).toContain('Picks');
    expect(await albumNames()).not.toContain('Not made');
  });

  it("a dialog's Esc is the dialog's: the trash confirmation closes, the panel stays until the next Esc", async () => {
    await bar().getByRole('button', { name: 'Place…' }).click();
    const field = bar().getByLabel('Place of the selected photos', { exact: true });
    await eventually(() => field.count(), 10_000).toBe(1);
    await bar().getByRole('button', { name: 'Trash…' }).click();
    const dialog = lib.page.getByRole('dialog', { name: 'Move 1 photo to the trash?' });
    await eventually(() => dialog.isVisible(), 10_000).toBe(true);
    await lib.page.keyboard.press('Escape');
    await eventually(() => dialog.count(), 10_000).toBe(0);
    expect(await field.count()).toBe(1);
    await eventually(focused, 10_000).toBe('Trash…');
    await lib.page.keyboard.press('Escape');
    await eventually(() => field.count(), 10_000).toBe(0);
    await eventually(focused, 10_000).toBe('Place…');
    expect(await bar().innerText()).toContain('1 photo selected');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
