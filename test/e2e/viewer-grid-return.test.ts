// Back from the viewer, in the browser over `shoebox serve`: the grid's keyboard position is
// the photo the viewer showed last (opened by a click, stepped with ← →), so the arrows go on
// from there, not from where the focus ring was before; and Undo after Archive in the viewer
// brings the viewer back to the photo archived, not the one that took its place.
import { afterEach, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Newest first in the timeline: p1 (5 Jan) ... p5 (1 Jan), one a day (a row each). */
const PHOTOS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const ALL = PHOTOS.map((name) => `${name}.jpg`);

describe.skipIf(!hasChromium)('back from the viewer', () => {
  const lib = useLibrarySession('viewer-grid-return', async (photos) => {
    for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 30, 40 + i * 30, 60], { taken: `2024:01:0${5 - i} 12:00:00` });
  });

  afterEach(async () => {
    if (await viewer().count()) await lib.page.keyboard.press('Escape');
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const ring = () => lib.page.locator('.tile--focused').getAttribute('data-index');
  const position = () => viewer().locator('.viewer__position').innerText();
  const focusedTile = () => lib.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
  const close = async (name: string) => {
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
    // The focus is back on the tile of the photo last shown before a key is pressed.
    await eventually(focusedTile).toBe(`Open ${name}`);
  };

  it('the arrows go on from the photo the viewer showed last, not from the ring before it opened', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(ALL);
    await lib.page.getByRole('region', { name: 'Photos' }).focus();
    await lib.page.keyboard.press('ArrowRight');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(ring).toBe('1'); // p2

    // A click opens p4; closed, → is p5 (not p3, after p2).
    await lib.page.getByRole('button', { name: 'Open p4.jpg', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p4.jpg');
    await close('p4.jpg');
    await eventually(ring).toBe('3');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(ring).toBe('4');

    // Opened on p1 and stepped twice to p3: closed, ← is p2.
    await lib.page.getByRole('button', { name: 'Open p1.jpg', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p1.jpg');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p2.jpg');
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p3.jpg');
    await close('p3.jpg');
    await eventually(ring).toBe('2');
    await lib.page.keyboard.press('ArrowLeft');
    await eventually(ring).toBe('1');
  });

  it('Undo after Archive in the viewer goes back to the photo archived', async () => {
    await eventually(() => tileNames(lib.page)).toEqual(ALL);
    await lib.page.getByRole('button', { name: 'Open p2.jpg', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p2.jpg');
    await eventually(position).toBe('2 of 5');
    await lib.page.keyboard.press('Shift+A');
    // It left the timeline: the viewer stepped on to the one that took its place.
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p3.jpg');
    await eventually(position).toBe('2 of 4');
    await viewer().getByRole('button', { name: 'Undo' }).click();
    await eventually(() => viewer().getByText(/^Brought p2\.jpg back/).count()).toBe(1);
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p2.jpg');
    await eventually(position).toBe('2 of 5');
    // And ← → go on from it.
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: p3.jpg');
    await eventually(position).toBe('3 of 5');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
