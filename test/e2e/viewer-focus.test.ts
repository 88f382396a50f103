// Where the keyboard focus is after the viewer's and the selection bar's actions that replace
// or disable their control (it fell to <body>, and a keyboard user started again from the
// top): Save and "Use the file's date" in the viewer's date editor, R / Shift+R after a Rotate
// button was clicked, Esc out of the slideshow, Undo after archiving in the viewer, and "Shift
// dates" in the bar when nothing moved (the photos had no date).
import { afterEach, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('focus after the viewer’s actions', () => {
  const lib = useLibrarySession('viewer-focus', async (photos) => {
    await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2024:03:07 18:00:00' });
    await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30], { taken: '2024:03:02 12:00:00' });
    await writeExifColourPhoto(photos, 'scan.jpg', [20, 25, 140]); // no date
  });

  afterEach(async () => {
    if (await viewer().count()) await lib.page.keyboard.press('Escape');
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const taken = () => viewer().locator('.metadata__row', { has: lib.page.getByText('Taken', { exact: true }) }).locator('dd');
  /** The focused element: its accessible label, else its text; BODY when the focus fell to the page. */
  const focused = () =>
    lib.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      return el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim();
    });
  /** The focus a while after an action, once the library's reload has come and gone. */
  const settledFocus = async () => {
    await lib.page.waitForTimeout(1200);
    return focused();
  };
  const openPhoto = async (name: string) => {
    await lib.page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${name}`);
  };

  it('Save and “Use the file’s date” leave the focus on Edit', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['scan.jpg', 'red.jpg', 'green.jpg']);
    await openPhoto('red.jpg');
    await taken().getByRole('button', { name: 'Edit date taken' }).click();
    await viewer().getByLabel('Date taken').fill('2024-03-08T07:00');
    await viewer().getByRole('button', { name: 'Save' }).click();
    await eventually(() => taken().innerText()).toMatch(/set by hand/);
    expect(await settledFocus()).toBe('Edit date taken');
    await taken().getByRole('button', { name: 'Edit date taken' }).click();
    await viewer().getByRole('button', { name: /^Use the file’s date/ }).click();
    await eventually(() => taken().innerText()).not.toMatch(/set by hand/);
    expect(await settledFocus()).toBe('Edit date taken');
  });

  it('R and Shift+R keep the focus on the Rotate button that had it', async () => {
    await eventually(() => tileNames(lib.page)).toEqual(['scan.jpg', 'red.jpg', 'green.jpg']);
    await openPhoto('green.jpg');
    await viewer().getByRole('button', { name: 'Rotate right' }).click();
    expect(await settledFocus()).toBe('Rotate right');
    await lib.page.keyboard.press('r');
    expect(await settledFocus()).toBe('Rotate right');
    await lib.page.keyboard.press('Shift+R');
    await lib.page.keyboard.press('Shift+R');
    expect(await settledFocus()).toBe('Rotate right');
  });

  it('Esc out of the slideshow gives the focus back to the viewer', async () => {
    await openPhoto('red.jpg');
    await lib.page.keyboard.press('s');
    await eventually(() => lib.page.getByRole('dialog', { name: 'Slideshow', exact: true }).count()).toBe(1);
    await lib.page.keyboard.press('Escape');
    await eventually(() => lib.page.getByRole('dialog', { name: 'Slideshow', exact: true }).count()).toBe(0);
    expect(await settledFocus()).not.toBe('BODY');
    // The viewer has the keys again: → steps on.
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: green.jpg');
  });

  it('Undo after archiving in the viewer keeps the focus in the viewer', async () => {
    await openPhoto('red.jpg');
    await viewer().getByRole('button', { name: 'Archive', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: green.jpg');
    await viewer().getByRole('button', { name: 'Undo' }).click();
    await eventually(() => viewer().getByText(/^Brought red\.jpg back/).count()).toBe(1);
    expect(await settledFocus()).not.toBe('BODY');
    await lib.page.keyboard.press('Escape');
    await eventually(() => tileNames(lib.page)).toEqual(['scan.jpg', 'red.jpg', 'green.jpg']);
  });

  it('“Shift dates” that moved nothing keeps the focus on the button', async () => {
    await lib.page.getByRole('button', { name: 'Open scan.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await bar().getByRole('button', { name: 'Date…' }).click();
    await bar().getByLabel('hours to shift by').fill('2');
    await bar().getByRole('button', { name: 'Shift dates' }).click();
    await eventually(() => bar().getByText(/^No date shifted: 1 photo has no date taken/).count()).toBe(1);
    expect(await settledFocus()).toBe('Shift dates');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
