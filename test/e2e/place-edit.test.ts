// Edit location in the browser over `shoebox serve` with the tiny colour model: the viewer's
// "Add a place" on a scan with no position, a town typed (letters that are also the viewer's
// shortcuts do nothing but type), the engine's suggestions, one clicked: the viewer says the
// place was set by hand, Places lists the town, and "Use the file's place" puts none back.
// Esc in the field leaves the editor, not the viewer. The selection bar's Place… sets one town
// on several photos and puts the files' own back, the bar still on one row at 1280 px. The
// files are never touched. Places counts the photos without a place and leads to them. A place
// is removed (a GPS glitch) from the viewer and from the bar, and the file's own comes back.
// Screenshot: test-results/screenshots/place-edit.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('place edited in the browser', () => {
  const lib = useLibrarySession('place', async (photos) => {
    await writeExifColourPhoto(photos, 'scan.jpg', [20, 25, 140], { taken: '2024:03:07 18:00:00' });
    await writeExifColourPhoto(photos, 'phone.jpg', [220, 20, 20], { taken: '2024:03:06 18:00:00', gps: { lat: 43.4633, lon: 11.8797 } }); // Arezzo
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const location = () => viewer().locator('.metadata__row', { has: lib.page.getByText('Location', { exact: true }) }).locator('dd');
  /** The places the engine holds (not the page's). */
  const towns = async () => ((await lib.serve.call('places')) as { countries: { towns: { place: string; count: number }[] }[] }).countries.flatMap((c) => c.towns.map((t) => `${t.place}: ${t.count}`));

  it("adds a place to a scan from the viewer: suggestions as typed, one click sets it, Places lists it, the file is untouched", async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['scan.jpg', 'phone.jpg']);
    const before = fs.readFileSync(path.join(lib.photos, 'scan.jpg'));
    await lib.page.getByRole('button', { name: 'Open scan.jpg', exact: true }).click();
    await eventually(() => location().innerText()).toContain('none recorded');
    await location().getByRole('button', { name: 'Add a place' }).click();
    // "f" and "s" are the viewer's Favourite and Slideshow keys: in the field they only type.
    await location().getByLabel('Place').pressSequentially('florence, it');
    const found = location().getByRole('list', { name: 'Places found' });
    await eventually(() => found.getByRole('button').allInnerTexts()).toEqual(['Florence, Italy']);
    expect(await lib.page.getByRole('button', { name: /Slideshow/ }).count()).toBeGreaterThan(0); // still the viewer, no slideshow
    await screenshot(lib.page, 'place-edit');
    await found.getByRole('button', { name: 'Florence, Italy' }).click();
    await eventually(() => location().getByRole('button', { name: 'Edit place' }).isVisible()).toBe(true); // the editor closed
    await eventually(() => location().innerText()).toMatch(/^Florence, Italy\n43\.77925, 11\.24626\nset by hand/);
    expect(await towns()).toEqual(['Arezzo, Italy: 1', 'Florence, Italy: 1']);
    const favourites = (await lib.serve.call('timeline', { favourite: true })) as { photos: unknown[] };
    expect(favourites.photos).toEqual([]); // typing "f" did not favourite it
    expect(fs.readFileSync(path.join(lib.photos, 'scan.jpg')).equals(before)).toBe(true);
  });

  it("Esc leaves the editor and keeps the viewer; \"Use the file's place\" puts none back", async () => {
    await location().getByRole('button', { name: 'Edit place' }).click();
    await location().getByLabel('Place').press('Escape');
    await eventually(() => location().getByRole('button', { name: 'Edit place' }).isVisible()).toBe(true);
    expect(await viewer().count()).toBe(1);
    await location().getByRole('button', { name: 'Edit place' }).click();
    await location().getByRole('button', { name: /Use the file’s place \(none\)/ }).click();
    await eventually(() => location().innerText()).toContain('none recorded');
    expect(await towns()).toEqual(['Arezzo, Italy: 1']);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  });

  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });

  it("sets one town on a selection from the bar's Place…, then puts the files' own back", async () => {
    await lib.page.getByRole('button', { name: 'Open scan.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await lib.page.getByRole('button', { name: 'Open phone.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    // Place… still leaves the bar on one row at 1280 px.
    const middles = await bar().locator('.selection-bar__row').first().getByRole('button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => r.top + r.height / 2));
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    await bar().getByRole('button', { name: 'Place…' }).click();
    // The field has the keys at once: a comma typed is the place's, not the shortcut to Settings.
    await lib.page.keyboard.type('reykjavik, ice');
    expect(await bar().getByLabel('Place of the selected photos').inputValue()).toBe('reykjavik, ice');
    expect(await lib.page.getByRole('dialog').count()).toBe(0);
    await bar().getByLabel('Place of the selected photos').fill('reykjavik');
    await screenshot(lib.page, 'place-edit-selection');
    // From the keyboard: ↓ to the first suggestion, ↑ back to the field, Enter takes the first.
    const field = bar().getByLabel('Place of the selected photos');
    const choices = bar().getByRole('list', { name: 'Places found' }).getByRole('button');
    await eventually(() => choices.first().innerText()).toBe('Reykjavík, Iceland');
    await field.press('ArrowDown');
    expect(await choices.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await lib.page.keyboard.press('ArrowUp');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.press('Enter');
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Set the place of 2 photos to Reykjavík, Iceland.' }).isVisible()).toBe(true);
    await eventually(() => bar().count()).toBe(0);
    expect(await towns()).toEqual(['Reykjavík, Iceland: 2']);

    await lib.page.getByRole('button', { name: 'Open scan.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await lib.page.getByRole('button', { name: 'Open phone.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await bar().getByRole('button', { name: 'Place…' }).click();
    await bar().getByRole('button', { name: 'Use the files’ places' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Put back the files’ own places on 2 photos.' }).isVisible()).toBe(true);
    expect(await towns()).toEqual(['Arezzo, Italy: 1']);
  });

  it('Places counts the photos without a place and leads to them; placed from there, they leave that view', async () => {
    await lib.page.getByRole('button', { name: /^Places/ }).click();
    await eventually(() => lib.page.getByText('1 photo has no place (no position recorded or set).').isVisible()).toBe(true);
    await lib.page.getByRole('button', { name: 'Show them to add places' }).click();
    await eventually(() => lib.page.getByRole('heading', { level: 1 }).innerText()).toBe('Without a place');
    await eventually(() => tileNames(lib.page)).toEqual(['scan.jpg']);
    await lib.page.getByRole('button', { name: 'Open scan.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await bar().getByRole('button', { name: 'Place…' }).click();
    await bar().getByLabel('Place of the selected photos').fill('oslo');
    await bar().getByRole('list', { name: 'Places found' }).getByRole('button', { name: 'Oslo, Norway' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Set the place of 1 photo to Oslo, Norway.' }).isVisible()).toBe(true);
    await eventually(() => tileNames(lib.page)).toEqual([]);
    expect(await towns()).toEqual(['Arezzo, Italy: 1', 'Oslo, Norway: 1']);
    await lib.page.getByRole('button', { name: '‹ All places' }).click();
    await eventually(() => lib.page.getByText(/has no place|have no place/).count()).toBe(0);
  });

  it("removes a place (a GPS glitch) from the viewer and from the bar; the file's own comes back", async () => {
    await lib.page.getByRole('button', { name: /^All photos/ }).click();
    await eventually(async () => (await tileNames(lib.page)).sort()).toEqual(['phone.jpg', 'scan.jpg']);
    await lib.page.getByRole('button', { name: 'Open phone.jpg', exact: true }).click();
    await eventually(() => location().innerText()).toMatch(/^Arezzo, Italy/);
    await location().getByRole('button', { name: 'Edit place' }).click();
    await location().getByRole('button', { name: 'Remove place' }).click();
    await eventually(() => location().innerText()).toMatch(/^none\s+removed by hand/);
    expect(await towns()).toEqual(['Oslo, Norway: 1']);
    await location().getByRole('button', { name: 'Add a place' }).click();
    await location().getByRole('button', { name: 'Use the file’s place (43.46330, 11.87970)' }).click();
    await eventually(() => location().innerText()).toMatch(/^Arezzo, Italy/);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);

    await lib.page.getByRole('button', { name: 'Open scan.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await lib.page.getByRole('button', { name: 'Open phone.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    await bar().getByRole('button', { name: 'Place…' }).click();
    await bar().getByRole('button', { name: 'Remove places' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Removed the place of 2 photos.' }).isVisible()).toBe(true);
    expect(await towns()).toEqual([]);
    await lib.page.getByRole('button', { name: 'Open scan.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await lib.page.getByRole('button', { name: 'Open phone.jpg', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await bar().getByRole('button', { name: 'Place…' }).click();
    await bar().getByRole('button', { name: 'Use the files’ places' }).click();
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Put back the files’ own places on 2 photos.' }).isVisible()).toBe(true);
    expect(await towns()).toEqual(['Arezzo, Italy: 1']);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
