// While a large original loads, the viewer shows the photo's thumbnail (the grid's, the very
// URL its tile loaded) in the original's place, at once; the original replaces it in the same
// box once loaded (no jump), and the zoom waits for it (its percentages are the original's).
// An original the page has already loaded shows without the stand-in. The slow original is
// played by holding the page's /image/ requests (a 3024×4032 HEIC takes seconds to convert).
import type { Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';
import fs from 'node:fs';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const TALL = { width: 1500, height: 2000 };
/** .viewer__stage's padding (lib/zoom.ts FIT_MARGIN), each side. */
const MARGIN = { x: 64, y: 24 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe.skipIf(!hasChromium)('the thumbnail stands in while the original loads', () => {
  const lib = useLibrarySession('viewer-standin', async (photos) => {
    const tall = await writeColourPhoto(photos, 'tall.jpg', [200, 60, 40], TALL);
    const other = await writeColourPhoto(photos, 'other.jpg', [40, 60, 200]);
    // Newest first in the timeline: tall, then other (→ from tall reaches other).
    const now = Date.now();
    fs.utimesSync(tall, new Date(now - 10_000), new Date(now - 10_000));
    fs.utimesSync(other, new Date(now - 20_000), new Date(now - 20_000));
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const original = () => viewer().locator('img.viewer__image');
  const standIn = () => viewer().locator('img.viewer__standin');
  const zoomBar = () => viewer().getByRole('group', { name: 'Zoom' });
  const rect = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const expectSameBox = (a: Box, b: Box) => {
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(a[key] - b[key]), `${key}: ${a[key]} vs ${b[key]}`).toBeLessThan(1.5);
  };

  let release = () => {};
  afterEach(() => release());

  it('shows the tile’s thumbnail at once, in the original’s place, and the original then replaces it there', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['tall.jpg', 'other.jpg']);
    await waitForThumbnails(lib.page);
    const tileSrc = await lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: 'Open tall.jpg', exact: true }) }).locator('img').getAttribute('src');

    // The originals wait until released.
    // (Released after the test too, so a failure here does not hold the next test's originals.)
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      await released;
      await route.continue().catch(() => undefined);
    };
    await lib.page.route(/\/image\//, hold);

    await lib.page.getByRole('button', { name: 'Open tall.jpg', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: tall.jpg');
    await eventually(() => standIn().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await standIn().getAttribute('src')).toBe(tileSrc);
    expect(await original().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(false);
    // At fit, where the original will be (the thumbnail fills that box: its own shape is the
    // original's give or take its rounding to whole pixels), the level the original's (not the thumbnail's, a few hundred %).
    const stage = await viewer().locator('.viewer__stage').evaluate(rect);
    const fit = Math.min(1, (stage.width - 2 * MARGIN.x) / TALL.width, (stage.height - 2 * MARGIN.y) / TALL.height);
    expect(fit).toBeLessThan(1);
    await eventually(() => zoomBar().getByRole('status').innerText()).toBe(`${Math.round(fit * 100)}%`);
    await eventually(async () => Math.round((await standIn().evaluate(rect)).height)).toBe(Math.round(TALL.height * fit));
    const shown = await standIn().evaluate(rect);
    expect(shown.width).toBeCloseTo(TALL.width * fit, 0);
    expect(Math.abs(shown.x + shown.width / 2 - (stage.x + stage.width / 2))).toBeLessThan(1.5);
    // The thumbnail is not zoomed past its pixels: the zoom waits for the original.
    expect(await zoomBar().getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(true);

    release();
    await eventually(() => original().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(TALL.width);
    await eventually(() => standIn().count()).toBe(0);
    expectSameBox(await original().evaluate(rect), shown);
    await eventually(() => zoomBar().getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(false);
    expect(await zoomBar().getByRole('status').innerText()).toBe(`${Math.round(fit * 100)}%`);
    await lib.page.unroute(/\/image\//, hold);
  });

  it('an original already loaded shows without the stand-in', async () => {
    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: other.jpg');
    await eventually(() => original().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    // Every frame drawn from now on: was a stand-in in it?
    await lib.page.evaluate(() => {
      const w = window as unknown as { standInSeen: boolean };
      w.standInSeen = false;
      const look = () => {
        if (document.querySelector('.viewer__standin')) w.standInSeen = true;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await lib.page.keyboard.press('ArrowLeft');
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: tall.jpg');
    await eventually(() => original().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(TALL.width);
    await lib.page.waitForTimeout(300);
    expect(await lib.page.evaluate(() => (window as unknown as { standInSeen: boolean }).standInSeen)).toBe(false);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
