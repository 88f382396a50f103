// Edit date & time in the browser over `shoebox serve` with the tiny colour model: the viewer's
// Edit beside the date taken sets a scan's date, the viewer says it was set by hand and the
// timeline moves the photo under its new day; a date the engine refuses says why and changes
// nothing; "Use the file's date" puts the file's own back. The selection bar's Date… sets one
// date on several photos (Undo puts back each one's earlier date, one set by hand too), shifts
// their dates by days, hours and minutes (an undated photo is named in the line), and puts the
// files' own back. The files are never touched.
// Screenshots: test-results/screenshots/date-taken-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('date taken edited in the browser', () => {
  const lib = useLibrarySession('date', async (photos) => {
    await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2024:03:07 18:00:00' });
    await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30], { taken: '2024:03:02 12:00:00', offset: '+02:00' });
    await writeExifColourPhoto(photos, 'scan.jpg', [20, 25, 140]); // no date: by its file's time, first
  });

  afterEach(async () => {
    if (await viewer().count()) await lib.page.keyboard.press('Escape');
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const open = (name: string) => lib.page.getByRole('button', { name: `Open ${name}`, exact: true });
  const taken = () => viewer().locator('.metadata__row', { has: lib.page.getByText('Taken', { exact: true }) }).locator('dd');
  /** The date the engine holds for a photo (not the page's). */
  const libraryTaken = async (name: string) => ((await lib.serve.call('timeline', {})) as { photos: { path: string; takenAt: number | null }[] }).photos.find((p) => p.path.endsWith(`/${name}`))!.takenAt;

  it("sets a scan's date from the viewer: the viewer says so, the timeline moves it, the file is untouched", async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['scan.jpg', 'red.jpg', 'green.jpg']);
    const before = fs.readFileSync(path.join(lib.photos, 'scan.jpg'));
    await open('scan.jpg').click();
    await eventually(() => taken().innerText()).toMatch(/^unknown/);
    await taken().getByRole('button', { name: 'Edit date taken' }).click();
    await viewer().getByLabel('Date taken').fill('2024-03-05T09:30:15');
    await screenshot(lib.page, 'date-taken-editing');
    await viewer().getByRole('button', { name: 'Save' }).click();
    await eventually(() => taken().innerText()).toMatch(/2024.*set by hand/);
    expect(await libraryTaken('scan.jpg')).toBe(Date.UTC(2024, 2, 5, 9, 30, 15));
    await lib.page.keyboard.press('Escape');
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'scan.jpg', 'green.jpg']);
    await waitForThumbnails(lib.page);
    await screenshot(lib.page, 'date-taken-timeline');
    expect(fs.readFileSync(path.join(lib.photos, 'scan.jpg')).equals(before)).toBe(true);
  });

  it('keeps the time zone the photo has, and refuses a date the engine does not take, changing nothing', async () => {
    await open('green.jpg').click();
    await eventually(() => taken().innerText()).toContain('UTC+02:00');
    await taken().getByRole('button', { name: 'Edit date taken' }).click();
    await eventually(() => viewer().getByText('Keeps its time zone (UTC+02:00).', { exact: false }).isVisible()).toBe(true);
    // The arrows move within the field, not to another photo; F types nothing and favourites nothing.
    await viewer().getByLabel('Date taken').press('ArrowLeft'); // green is the last: this would step back
    await viewer().getByLabel('Date taken').press('f');
    expect(await viewer().getAttribute('aria-label')).toBe('Photo viewer: green.jpg');
    expect(await viewer().getByRole('button', { name: 'Favourite', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await viewer().getByLabel('Date taken').fill('2024-03-08T07:00');
    await viewer().getByRole('button', { name: 'Save' }).click();
    await eventually(() => taken().innerText()).toMatch(/UTC\+02:00\).*set by hand/s);
    await eventually(() => tileNames(lib.page)).toEqual(['green.jpg', 'red.jpg', 'scan.jpg']);
    // The year 1200 passes the field but not the engine: one line, and the date stays.
    await taken().getByRole('button', { name: 'Edit date taken' }).click();
    await viewer().getByLabel('Date taken').fill('1200-01-01T00:00');
    await viewer().getByRole('button', { name: 'Save' }).click();
    await eventually(() => viewer().getByRole('alert').innerText()).toContain('not a date taken');
    expect(await libraryTaken('green.jpg')).toBe(Date.UTC(2024, 2, 8, 7, 0));
    await viewer().getByRole('button', { name: 'Cancel' }).click();
  });

  it("puts the file's own date back", async () => {
    await open('green.jpg').click();
    await taken().getByRole('button', { name: 'Edit date taken' }).click();
    await viewer().getByRole('button', { name: /^Use the file’s date/ }).click();
    await eventually(() => libraryTaken('green.jpg')).toBe(Date.UTC(2024, 2, 2, 12, 0));
    await eventually(() => taken().getByRole('button', { name: 'Edit date taken' }).isVisible()).toBe(true); // the editor closed
    await eventually(() => taken().innerText()).not.toContain('set by hand'); // once the photo is read again
    await lib.page.keyboard.press('Escape');
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'scan.jpg', 'green.jpg']);
  });

  it("sets one date on a selection from the bar's Date…, then puts the files' own back: the selection goes, a line says what was done", async () => {
    // A tile clicked while the grid reorders would be another photo: wait for the order to settle.
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'scan.jpg', 'green.jpg']);
    await open('scan.jpg').click({ modifiers: ['ControlOrMeta'] });
    await open('green.jpg').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    // Date… still leaves the bar on one row at 1280 px.
    const middles = await bar().locator('.selection-bar__row').first().getByRole('button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => r.top + r.height / 2));
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    await bar().getByRole('button', { name: 'Date…' }).click();
    // The field has the keys at once (a comma typed there is not the shortcut to Settings).
    expect(await bar().getByLabel('Date taken of the selected photos').evaluate((el) => el === document.activeElement)).toBe(true);
    await bar().getByLabel('Date taken of the selected photos').fill('2024-03-10T10:00');
    await screenshot(lib.page, 'date-taken-selection');
    await bar().getByRole('button', { name: 'Set date' }).click();
    // The order changed: the selection's places would name other photos, so it goes.
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Set the date taken of 2 photos to' }).isVisible()).toBe(true);
    await eventually(() => bar().count()).toBe(0);
    expect([await libraryTaken('scan.jpg'), await libraryTaken('green.jpg')]).toEqual([Date.UTC(2024, 2, 10, 10), Date.UTC(2024, 2, 10, 10)]);
    await eventually(() => tileNames(lib.page)).toEqual(['green.jpg', 'scan.jpg', 'red.jpg']);
    // Undo puts back what each had: the scan its date set by hand in the viewer, green its file's.
    await lib.page.getByRole('status').filter({ hasText: 'Set the date taken of 2 photos to' }).getByRole('button', { name: 'Undo' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Put back the dates of 2 photos.' }).isVisible()).toBe(true);
    expect([await libraryTaken('scan.jpg'), await libraryTaken('green.jpg')]).toEqual([Date.UTC(2024, 2, 5, 9, 30, 15), Date.UTC(2024, 2, 2, 12)]);
    await eventually(() => tileNames(lib.page)).toEqual(['red.jpg', 'scan.jpg', 'green.jpg']);

    await open('scan.jpg').click({ modifiers: ['ControlOrMeta'] });
    await open('green.jpg').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await bar().getByRole('button', { name: 'Date…' }).click();
    await bar().getByRole('button', { name: 'Use the files’ dates' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Put back the files’ own dates on 2 photos.' }).isVisible()).toBe(true);
    expect([await libraryTaken('scan.jpg'), await libraryTaken('green.jpg')]).toEqual([null, Date.UTC(2024, 2, 2, 12)]);
    await eventually(() => tileNames(lib.page)).toEqual(['scan.jpg', 'red.jpg', 'green.jpg']);
  });

  it("shifts a selection's dates from Date…: each moves by the same amount, a photo with no date is named in the line", async () => {
    await eventually(() => tileNames(lib.page)).toEqual(['scan.jpg', 'red.jpg', 'green.jpg']);
    await open('red.jpg').click({ modifiers: ['ControlOrMeta'] });
    await open('green.jpg').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await bar().getByRole('button', { name: 'Date…' }).click();
    const shift = bar().getByRole('group', { name: 'Shift dates' });
    await expect(shift.getByRole('button', { name: 'Shift dates' }).isDisabled()).resolves.toBe(true); // nothing to shift by yet
    await shift.getByLabel('days to shift by').fill('1');
    await shift.getByLabel('hours to shift by').fill('-2');
    await screenshot(lib.page, 'date-taken-shift');
    await shift.getByRole('button', { name: 'Shift dates' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Shifted the date taken of 2 photos by +22h.' }).isVisible()).toBe(true);
    await eventually(() => bar().count()).toBe(0);
    // Each by 22 hours from its own date; green keeps the +02:00 its camera wrote.
    expect([await libraryTaken('red.jpg'), await libraryTaken('green.jpg')]).toEqual([Date.UTC(2024, 2, 8, 16), Date.UTC(2024, 2, 3, 10)]);

    await open('scan.jpg').click({ modifiers: ['ControlOrMeta'] });
    await open('red.jpg').click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await bar().getByRole('button', { name: 'Date…' }).click();
    await bar().getByLabel('minutes to shift by').fill('-30');
    await bar().getByRole('button', { name: 'Shift dates' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Shifted the date taken of 1 photo by -30m. 1 photo has no date taken (the timeline shows its file’s date) and did not move: to give it one, use Set date.' }).isVisible()).toBe(true);
    expect([await libraryTaken('scan.jpg'), await libraryTaken('red.jpg')]).toEqual([null, Date.UTC(2024, 2, 8, 15, 30)]);
    // Undo beside the line shifts them back by as much.
    await lib.page.getByRole('status').filter({ hasText: 'by -30m.' }).getByRole('button', { name: 'Undo' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Undid the shift: the date taken of 1 photo moved 30m later.' }).isVisible()).toBe(true);
    expect([await libraryTaken('scan.jpg'), await libraryTaken('red.jpg')]).toEqual([null, Date.UTC(2024, 2, 8, 16)]);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
