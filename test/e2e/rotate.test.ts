// Rotate in the browser over `shoebox serve` with the tiny colour model: the viewer's Rotate
// right turns a landscape photo (red left, blue right) so the viewer and the grid show it
// upright the other way (red on top, taller than wide; its size read as it shows), R and
// Shift+R turn it from the keyboard, a reload keeps it (the viewer reopens on it, as the URL
// names it), R and Shift+R in the grid turn a selection (a batch of sideways scans), the files
// are never touched, and an exported copy of a turned photo shows turned (a link, as its file
// does: the bar says so).
// Screenshot: test-results/screenshots/rotate-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writeRedLeftBlueRight } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** A loaded image's shape and which side is red, read from its pixels in the page. */
function shown(img: Locator): Promise<string> {
  return img.evaluate((el: HTMLImageElement) => {
    if (!el.complete || el.naturalWidth === 0) return 'loading';
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [el.naturalWidth, el.naturalHeight];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(el, 0, 0);
    const red = (x: number, y: number) => ctx.getImageData(Math.floor(x * canvas.width), Math.floor(y * canvas.height), 1, 1).data[0]! > 128;
    const side = red(0.1, 0.1) && red(0.9, 0.1) ? 'top' : red(0.1, 0.1) && red(0.1, 0.9) ? 'left' : red(0.9, 0.1) ? 'right' : 'bottom';
    return `${el.naturalWidth > el.naturalHeight ? 'wide' : 'tall'}, red ${side}`;
  });
}

describe.skipIf(!hasChromium)('rotate in the browser', () => {
  const lib = useLibrarySession('rotate', async (photos) => {
    await writeRedLeftBlueRight(path.join(photos, 'flag.jpg'));
    await writeRedLeftBlueRight(path.join(photos, 'scan.jpg'), { width: 800, height: 600 });
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const image = () => viewer().locator('img.viewer__image');
  const tile = (name = 'flag.jpg') => lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: `Open ${name}`, exact: true }) }).locator('img');

  it('turns the photo from the viewer: the viewer and the grid show it the other way up, the file untouched', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).sort(), 60_000).toEqual(['flag.jpg', 'scan.jpg']);
    await eventually(() => shown(tile())).toBe('wide, red left');
    const before = fs.readFileSync(path.join(lib.photos, 'flag.jpg'));
    await lib.page.getByRole('button', { name: 'Open flag.jpg', exact: true }).click();
    await eventually(() => shown(image())).toBe('wide, red left');
    await viewer().getByRole('button', { name: 'Rotate right' }).click();
    await eventually(() => shown(image()), 30_000).toBe('tall, red top');
    const size = viewer().locator('.metadata__row', { has: lib.page.getByText('Size', { exact: true }) }).locator('dd');
    await eventually(() => size.innerText()).toMatch(/^480 × 640/); // as it shows now
    await screenshot(lib.page, 'rotate-viewer');
    await lib.page.keyboard.press('Escape');
    await eventually(() => shown(tile())).toBe('tall, red top');
    expect(fs.readFileSync(path.join(lib.photos, 'flag.jpg')).equals(before)).toBe(true);
  });

  it('turns it with R and Shift+R, and a reload keeps it', async () => {
    await lib.page.getByRole('button', { name: 'Open flag.jpg', exact: true }).click();
    await eventually(() => shown(image())).toBe('tall, red top');
    await lib.page.keyboard.press('r');
    await eventually(() => shown(image()), 30_000).toBe('wide, red right');
    await lib.page.keyboard.press('r');
    await eventually(() => shown(image()), 30_000).toBe('tall, red bottom');
    await lib.page.reload();
    // The photo open is in the URL: the reload reopens the viewer on it, turned as it was left,
    // and the grid under it shows it so too.
    await eventually(() => viewer().getAttribute('aria-label'), 60_000).toBe('Photo viewer: flag.jpg');
    await eventually(() => shown(image()), 30_000).toBe('tall, red bottom');
    await eventually(() => shown(tile()), 30_000).toBe('tall, red bottom');
    await lib.page.keyboard.press('Shift+R');
    await eventually(() => shown(image()), 30_000).toBe('wide, red right');
    expect(lib.errors).toEqual([]);
  });

  it('turns a selection from the grid: R right, Shift+R left, and says what it did', async () => {
    const grid = lib.page.getByRole('region', { name: 'Photos' });
    const bar = lib.page.getByRole('toolbar', { name: 'Selected photos' });
    await lib.page.keyboard.press('Escape'); // the viewer
    await eventually(() => viewer().count()).toBe(0);
    await grid.focus();
    await lib.page.keyboard.press('ControlOrMeta+a');
    await eventually(() => bar.innerText()).toContain('2 photos selected');
    await lib.page.keyboard.press('Shift+R');
    await eventually(() => bar.getByRole('status').innerText()).toBe('Turned 2 photos a quarter turn left.');
    // flag.jpg was upside down (180°): now a quarter right of its file; scan.jpg a quarter left.
    await eventually(() => shown(tile('flag.jpg')), 30_000).toBe('tall, red top');
    await eventually(() => shown(tile('scan.jpg')), 30_000).toBe('tall, red bottom');
    await lib.page.keyboard.press('r');
    await eventually(() => shown(tile('scan.jpg')), 30_000).toBe('wide, red left');
    expect(await bar.innerText()).toContain('2 photos selected'); // the selection stays
    expect(lib.errors).toEqual([]);
  });

  it('exports the turned photo turned as a copy, and says a link shows it as its file does', async () => {
    const bar = lib.page.getByRole('toolbar', { name: 'Selected photos' });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-e2e-rotate-export-'));
    await bar.getByRole('button', { name: 'Export…' }).click();
    await bar.getByLabel('Export folder').fill(path.join(out, 'links'));
    await bar.getByRole('button', { name: 'Export', exact: true }).click();
    await eventually(() => bar.getByRole('status').innerText()).toBe(`Exported 2 photos to ${path.join(out, 'links')}. 1 turned photo is linked as its file shows it: export copies to keep the turn.`);
    await bar.getByLabel('Export folder').fill(path.join(out, 'copies'));
    await bar.getByLabel('Copy the files (else links)').check();
    await bar.getByRole('button', { name: 'Export', exact: true }).click();
    await eventually(() => bar.getByRole('status').innerText()).toBe(`Exported 2 photos to ${path.join(out, 'copies')}. 1 copied turned, as Shoebox shows them.`);
    // flag.jpg is upside down in Shoebox (the last R turned it too): its copy shows so in any viewer.
    const { info, data } = await sharp(path.join(out, 'copies', 'flag.jpg'), { autoOrient: true }).raw().toBuffer({ resolveWithObject: true });
    const red = (x: number) => data[(Math.floor(info.height / 2) * info.width + Math.floor(x * info.width)) * info.channels]! > 128;
    expect([info.width, info.height, red(0.1), red(0.9)]).toEqual([640, 480, false, true]);
    expect(lib.errors).toEqual([]);
  });
});
