// The viewer's zoom and pan in the browser over `shoebox serve` with the tiny colour model: a
// 3000x2000 photo of fine detail (a 4 px checkerboard over a gradient, and text) opens at fit
// inside the pane; a click shows it at 100% (one image pixel per CSS pixel) with the clicked
// point kept under the pointer; a drag pans it by the drag, never past its edges; 0 fits
// again; + and − step (+ stops on 100% on its way); ctrl+wheel zooms around the pointer and a
// plain wheel pans; → to the next photo (a small one) starts at fit again, at 100% (never
// enlarged), and a click toggles 200%; F and Esc still work. All positions are the rendered image's box, read from the
// page. Screenshots: test-results/screenshots/viewer-zoom-*.png.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writeColourPhoto } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const BIG = { width: 3000, height: 2000 };
const SMALL = { width: 320, height: 240 };
/** lib/zoom.ts FIT_MARGIN: the photo keeps clear of the stage's sides and top and bottom at fit. */
const MARGIN = { x: 64, y: 24 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe.skipIf(!hasChromium)('zoom and pan in the viewer', () => {
  /** The big photo's box at fit, measured in the first test. */
  let fitBox: Box;

  const lib = useLibrarySession('zoom', async (photos) => {
    const big = await writeDetailPhoto(path.join(photos, 'big.jpg'));
    const small = await writeColourPhoto(photos, 'small.jpg', [30, 160, 60], SMALL);
    // Newest first in the timeline: big, then small (→ from big reaches small).
    const now = Date.now();
    fs.utimesSync(big, new Date(now - 10_000), new Date(now - 10_000));
    fs.utimesSync(small, new Date(now - 20_000), new Date(now - 20_000));
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const image = () => viewer().locator('img.viewer__image');
  const zoomBar = () => viewer().getByRole('group', { name: 'Zoom' });
  const level = () => zoomBar().getByRole('status').innerText();
  const fitButton = () => zoomBar().getByRole('button', { name: 'Fit', exact: true });
  const actualButton = () => zoomBar().getByRole('button', { name: '100%', exact: true });
  /** The rendered image's box on the page. */
  const box = (): Promise<Box> => image().evaluate(rectOf);
  /** The pane the photo zooms in: the viewer's stage. */
  const pane = (): Promise<Box> => viewer().locator('.viewer__stage').evaluate(rectOf);
  const cursor = (): Promise<string> => image().evaluate((img) => getComputedStyle(img).cursor);
  const scaleOf = (b: Box, natural = BIG) => b.width / natural.width;
  /** Where the image point under `at` (page coordinates) lies in the image's own pixels. */
  const imagePoint = (b: Box, at: { x: number; y: number }, natural = BIG) => ({ x: ((at.x - b.x) / b.width) * natural.width, y: ((at.y - b.y) / b.height) * natural.height });
  /** Where an image point is on the page, to the whole pixel (as mouse events report it). */
  const pagePoint = (b: Box, p: { x: number; y: number }, natural = BIG) => ({ x: Math.round(b.x + (p.x / natural.width) * b.width), y: Math.round(b.y + (p.y / natural.height) * b.height) });
  const libraryFavourites = async () => ((await lib.serve.call('timeline', { favourite: true })) as { photos: { path: string }[] }).photos.map((p) => path.basename(p.path));

  async function drag(from: { x: number; y: number }, by: { x: number; y: number }, whileDown?: () => Promise<void>): Promise<void> {
    await lib.page.mouse.move(from.x, from.y);
    await lib.page.mouse.down();
    await lib.page.mouse.move(from.x + by.x, from.y + by.y, { steps: 12 });
    await whileDown?.();
    await lib.page.mouse.up();
  }

  it('opens a large photo at fit: the whole of it inside the pane, and says so', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain('2 photos');
    await eventually(() => tileNames(lib.page)).toEqual(['big.jpg', 'small.jpg']);
    await lib.page.getByRole('button', { name: 'Open big.jpg', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: big.jpg');
    await eventually(() => image().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(BIG.width);
    expect(await image().evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(BIG.height);
    const stage = await pane();
    await eventually(() => fitButton().getAttribute('aria-pressed')).toBe('true');
    fitBox = await box();
    // Inside the pane less its margins, touching them on the tighter side, the photo's shape kept.
    const fit = Math.min((stage.width - 2 * MARGIN.x) / BIG.width, (stage.height - 2 * MARGIN.y) / BIG.height);
    expect(fit).toBeLessThan(1);
    expect(fitBox.width).toBeCloseTo(BIG.width * fit, 0);
    expect(fitBox.height).toBeCloseTo(BIG.height * fit, 0);
    expect(fitBox.x).toBeGreaterThanOrEqual(stage.x + MARGIN.x - 1);
    expect(fitBox.y).toBeGreaterThanOrEqual(stage.y + MARGIN.y - 1);
    expect(fitBox.x + fitBox.width).toBeLessThanOrEqual(stage.x + stage.width - MARGIN.x + 1);
    expect(fitBox.y + fitBox.height).toBeLessThanOrEqual(stage.y + stage.height - MARGIN.y + 1);
    // Centred.
    expect(Math.abs(fitBox.x + fitBox.width / 2 - (stage.x + stage.width / 2))).toBeLessThan(1);
    expect(Math.abs(fitBox.y + fitBox.height / 2 - (stage.y + stage.height / 2))).toBeLessThan(1);
    expect(await level()).toBe(`${Math.round(fit * 100)}%`);
    expect(await actualButton().getAttribute('aria-pressed')).toBe('false');
    expect(await zoomBar().getByRole('button', { name: 'Zoom out' }).isDisabled()).toBe(true);
    expect(await cursor()).toBe('zoom-in');
    await screenshot(lib.page, 'viewer-zoom-fit');
  });

  it('a click shows 100%, the clicked point staying under the pointer', async () => {
    const at = pagePoint(fitBox, { x: 1200, y: 900 });
    const before = imagePoint(fitBox, at);
    await lib.page.mouse.click(at.x, at.y);
    await eventually(async () => (await box()).width).toBe(BIG.width);
    const zoomed = await box();
    expect(zoomed.height).toBe(BIG.height);
    const after = imagePoint(zoomed, at);
    expect(Math.abs(after.x - before.x)).toBeLessThan(2);
    expect(Math.abs(after.y - before.y)).toBeLessThan(2);
    expect(await level()).toBe('100%');
    expect(await actualButton().getAttribute('aria-pressed')).toBe('true');
    expect(await fitButton().getAttribute('aria-pressed')).toBe('false');
    expect(await cursor()).toBe('grab');
    await screenshot(lib.page, 'viewer-zoom-100');
  });

  it('a drag pans by the drag, and no drag takes an edge inside the pane', async () => {
    const stage = await pane();
    const start = await box();
    const from = { x: stage.x + stage.width / 2, y: stage.y + 300 };
    let during = '';
    await drag(from, { x: -200, y: -150 }, async () => {
      during = await cursor();
    });
    expect(during).toBe('grabbing');
    // A pointer move's render is not a click's: it may come a task after the mouse is up.
    await eventually(async () => {
      const b = await box();
      return Math.abs(b.x - start.x - -200) <= 1 && Math.abs(b.y - start.y - -150) <= 1;
    }).toBe(true);
    const moved = await box();
    expect(Math.abs(moved.x - start.x - -200)).toBeLessThanOrEqual(1);
    expect(Math.abs(moved.y - start.y - -150)).toBeLessThanOrEqual(1);
    // A drag is not a click: still 100%.
    expect(moved.width).toBe(BIG.width);
    expect(await cursor()).toBe('grab');

    // Far up-left, three times across the pane: the right and bottom edges stop at the pane's.
    for (let i = 0; i < 3; i++) await drag({ x: stage.x + stage.width - 100, y: stage.y + stage.height - 100 }, { x: -(stage.width - 200), y: -(stage.height - 200) });
    await eventually(async () => {
      const b = await box();
      return Math.abs(b.x + b.width - (stage.x + stage.width)) < 0.5 && Math.abs(b.y + b.height - (stage.y + stage.height)) < 0.5;
    }).toBe(true);
    const farEnd = await box();
    expect(farEnd.x + farEnd.width).toBeCloseTo(stage.x + stage.width, 0);
    expect(farEnd.y + farEnd.height).toBeCloseTo(stage.y + stage.height, 0);
    await screenshot(lib.page, 'viewer-zoom-bottom-right');
    // And back down-right: the left and top edges stop at the pane's.
    for (let i = 0; i < 3; i++) await drag({ x: stage.x + 100, y: stage.y + 100 }, { x: stage.width - 200, y: stage.height - 200 });
    await eventually(async () => {
      const b = await box();
      return Math.abs(b.x - stage.x) < 0.5 && Math.abs(b.y - stage.y) < 0.5;
    }).toBe(true);
    const farStart = await box();
    expect(farStart.x).toBeCloseTo(stage.x, 0);
    expect(farStart.y).toBeCloseTo(stage.y, 0);
    expect(farStart.width).toBe(BIG.width);
    await screenshot(lib.page, 'viewer-zoom-top-left');
  });

  it('0 fits again; + and − step, + stopping on 100% on its way; ctrl/cmd keys are the browser\'s', async () => {
    await lib.page.keyboard.press('0');
    await eventually(async () => (await box()).width).toBeCloseTo(fitBox.width, 0);
    expect(await box()).toEqual(fitBox);
    expect(await fitButton().getAttribute('aria-pressed')).toBe('true');
    const fit = scaleOf(fitBox);

    await lib.page.keyboard.press('+');
    await eventually(async () => scaleOf(await box())).toBeCloseTo(fit * 1.5, 3);
    expect(await level()).toBe(`${Math.round(fit * 150)}%`);
    await lib.page.keyboard.press('-');
    await eventually(async () => (await box()).width).toBeCloseTo(fitBox.width, 0);
    expect(await fitButton().getAttribute('aria-pressed')).toBe('true');
    // "-" at fit stays at fit.
    await lib.page.keyboard.press('-');
    await lib.page.waitForTimeout(200);
    expect((await box()).width).toBeCloseTo(fitBox.width, 0);

    // = is + without shift. Steps of 1.5× from fit reach 100% exactly, not 1.5× past it.
    const steps = Math.ceil(Math.log(1 / fit) / Math.log(1.5));
    for (let i = 0; i < steps; i++) await lib.page.keyboard.press(i % 2 ? '=' : '+');
    await eventually(() => level()).toBe('100%');
    expect((await box()).width).toBe(BIG.width);
    // The key zoomed around the pane's centre.
    const stage = await pane();
    const centre = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
    const centreBefore = imagePoint(fitBox, centre);
    const centreAfter = imagePoint(await box(), centre);
    expect(Math.abs(centreAfter.x - centreBefore.x)).toBeLessThan(2);
    expect(Math.abs(centreAfter.y - centreBefore.y)).toBeLessThan(2);

    // ctrl+0 is the browser's (page zoom reset), not the viewer's fit.
    await lib.page.keyboard.press('Control+0');
    await lib.page.waitForTimeout(200);
    expect(await level()).toBe('100%');
    // The zoom bar's Fit button does what 0 does.
    await fitButton().click();
    await eventually(async () => (await box()).width).toBeCloseTo(fitBox.width, 0);
    await viewer().focus();
  });

  it('ctrl+wheel (a trackpad pinch) zooms around the pointer; a plain wheel pans the zoomed photo', async () => {
    // After the first step the photo is barely taller than the pane, so its top edge holds it
    // there: the point comes back under the pointer as the zoom goes on.
    const at = pagePoint(fitBox, { x: 1900, y: 800 });
    const before = imagePoint(fitBox, at);
    // Every ctrl+wheel is the viewer's: none reaches the browser's page zoom.
    await lib.page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { ctrlWheels: boolean[] }).ctrlWheels = seen;
      window.addEventListener('wheel', (event) => event.ctrlKey && seen.push(event.defaultPrevented), { passive: true });
    });
    await lib.page.mouse.move(at.x, at.y);
    await lib.page.keyboard.down('Control');
    for (let i = 0; i < 3; i++) await lib.page.mouse.wheel(0, -100);
    await lib.page.keyboard.up('Control');
    await eventually(async () => scaleOf(await box())).toBeGreaterThan(scaleOf(fitBox) * 2.5);
    const zoomed = await box();
    const after = imagePoint(zoomed, at);
    expect(Math.abs(after.x - before.x)).toBeLessThan(3);
    expect(Math.abs(after.y - before.y)).toBeLessThan(3);
    expect(await fitButton().getAttribute('aria-pressed')).toBe('false');
    await screenshot(lib.page, 'viewer-zoom-wheel');

    // Without ctrl the wheel pans: down 120 moves the photo up 120, as a page would scroll.
    await lib.page.mouse.wheel(0, 120);
    await eventually(async () => (await box()).y).toBeCloseTo(zoomed.y - 120, 0);
    expect((await box()).x).toBeCloseTo(zoomed.x, 0);
    expect((await box()).width).toBeCloseTo(zoomed.width, 0);

    // ctrl+wheel down zooms out, and no further than fit.
    await lib.page.keyboard.down('Control');
    for (let i = 0; i < 12; i++) await lib.page.mouse.wheel(0, 100);
    await lib.page.keyboard.up('Control');
    await eventually(() => fitButton().getAttribute('aria-pressed')).toBe('true');
    expect(await box()).toEqual(fitBox);
    expect(await lib.page.evaluate(() => (window as unknown as { ctrlWheels: boolean[] }).ctrlWheels)).toEqual(Array<boolean>(15).fill(true));
  });

  it('→ to the next photo starts at fit, where a small photo shows at 100% (never enlarged) and a click toggles 200%', async () => {
    await lib.page.mouse.click(fitBox.x + fitBox.width / 2, fitBox.y + fitBox.height / 2);
    await eventually(async () => (await box()).width).toBe(BIG.width);
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: small.jpg');
    await eventually(() => image().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(SMALL.width);
    await eventually(() => fitButton().getAttribute('aria-pressed')).toBe('true');
    const stage = await pane();
    // Smaller than the pane: its own size, centred, not blown up to fill it.
    await eventually(async () => (await box()).width).toBe(SMALL.width);
    const small = await box();
    expect(small.height).toBe(SMALL.height);
    expect(Math.abs(small.x + small.width / 2 - (stage.x + stage.width / 2))).toBeLessThan(1);
    expect(await level()).toBe('100%');
    // Fit is 100% here: both say so, and 100% stays a button.
    expect(await actualButton().getAttribute('aria-pressed')).toBe('true');
    expect(await actualButton().isDisabled()).toBe(false);
    expect(await zoomBar().getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(false);
    await lib.page.mouse.click(small.x + small.width / 2, small.y + small.height / 2);
    await eventually(async () => (await box()).width).toBe(SMALL.width * 2);
    expect(await level()).toBe('200%');
    await screenshot(lib.page, 'viewer-zoom-small');
    // A second click toggles back to fit (100%), not on to 800%.
    const zoomed = await box();
    await lib.page.mouse.click(stage.x + stage.width / 2, stage.y + stage.height / 2);
    expect(zoomed.width).toBe(SMALL.width * 2);
    await eventually(async () => (await box()).width).toBe(SMALL.width);
    expect(await level()).toBe('100%');
    // ← back: the big photo is at fit again.
    await lib.page.keyboard.press('ArrowLeft');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: big.jpg');
    await eventually(() => fitButton().getAttribute('aria-pressed')).toBe('true');
    await eventually(async () => (await box()).width).toBeCloseTo(fitBox.width, 0);
  });

  it('F still toggles Favourite and Esc still closes, zoomed or not', async () => {
    await lib.page.keyboard.press('+');
    await eventually(async () => scaleOf(await box())).toBeGreaterThan(scaleOf(fitBox) * 1.4);
    const toggle = viewer().getByRole('button', { name: 'Favourite', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await lib.page.keyboard.press('f');
    await eventually(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await eventually(libraryFavourites).toEqual(['big.jpg']);
    // F did not change the zoom.
    expect(scaleOf(await box())).toBeGreaterThan(scaleOf(fitBox) * 1.4);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});

/** An element's box on the page (runs in the page: it must not call anything of this file). */
function rectOf(element: Element): Box {
  const r = element.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/**
 * 3000x2000 of detail that only zoom shows: a 4 px black and white checkerboard laid over a
 * colour gradient (red left to right, blue top to bottom), and lines of text.
 */
async function writeDetailPhoto(file: string): Promise<string> {
  const { width, height } = BIG;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const check = ((x >> 2) + (y >> 2)) % 2 === 0 ? 50 : -50;
      pixels[i] = clamp((x / width) * 200 + 30 + check);
      pixels[i + 1] = clamp(120 + check);
      pixels[i + 2] = clamp((y / height) * 200 + 30 + check);
    }
  }
  const lines = Array.from({ length: 12 }, (_, i) => `<text x="120" y="${140 + i * 150}" font-family="DejaVu Sans, sans-serif" font-size="${24 + i * 6}" fill="#fff" stroke="#000" stroke-width="1">Line ${i + 1}: the quick brown fox jumps over the lazy dog, 0123456789</text>`);
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${lines.join('')}</svg>`);
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .composite([{ input: svg }])
    .jpeg({ quality: 90 })
    .toFile(file);
  return file;
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
