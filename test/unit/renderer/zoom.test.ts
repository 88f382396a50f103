// The viewer's zoom arithmetic (src/renderer/lib/zoom.ts): fit, clamping, zooming around a
// point, the click's target, key steps that stop on 100%, and the wheel's factor.
import { describe, expect, it } from 'vitest';
import {
  canZoom,
  clampOffset,
  clickScale,
  FIT_MARGIN,
  fitScale,
  fitView,
  MAX_SCALE,
  panBy,
  settle,
  stepScale,
  wheelFactor,
  wheelPixels,
  zoomAround,
  zoomPercent,
  zoomSize,
} from '../../../src/renderer/lib/zoom';

const pane = { width: 960, height: 800 };
const big = { width: 3000, height: 2000 };
const small = { width: 320, height: 240 };

describe('viewer zoom', () => {
  it('fits the photo inside the pane less its margins, centred; a small photo is never enlarged past 100%', () => {
    const inner = { width: pane.width - 2 * FIT_MARGIN.x, height: pane.height - 2 * FIT_MARGIN.y };
    expect(fitScale(big, pane)).toBeCloseTo(inner.width / 3000, 9);
    // A 640x480 photo opened at 130%, a 160x170 one at 442%: now both at their own size.
    expect(fitScale(small, pane)).toBe(1);
    expect(fitScale({ width: 640, height: 480 }, { width: 960, height: 720 })).toBe(1);
    expect(fitScale({ width: 160, height: 170 }, pane)).toBe(1);
    const centred = fitView(small, pane);
    expect(centred.x).toBe((pane.width - 320) / 2);
    expect(centred.y).toBe((pane.height - 240) / 2);
    const view = fitView(big, pane);
    expect(view.fit).toBe(true);
    expect(view.x).toBeCloseTo(FIT_MARGIN.x, 9);
    expect(view.y + (2000 * view.scale) / 2).toBeCloseTo(pane.height / 2, 9);
  });

  it('clamps an axis so no edge comes inside the pane, and centres what is smaller than it', () => {
    expect(clampOffset(50, 3000, 960)).toBe(0);
    expect(clampOffset(-5000, 3000, 960)).toBe(960 - 3000);
    expect(clampOffset(-700, 3000, 960)).toBe(-700);
    expect(clampOffset(-700, 500, 960)).toBe(230);
  });

  it('zooms around a point: the image point under it stays there', () => {
    const fit = fitView(big, pane);
    const at = { x: 400, y: 350 };
    const imagePoint = { x: (at.x - fit.x) / fit.scale, y: (at.y - fit.y) / fit.scale };
    const view = zoomAround(fit, 1, at, big, pane);
    expect(view.fit).toBe(false);
    expect(view.scale).toBe(1);
    expect(view.x + imagePoint.x).toBeCloseTo(at.x, 9);
    expect(view.y + imagePoint.y).toBeCloseTo(at.y, 9);
  });

  it('near an edge the edge wins over the point', () => {
    const fit = fitView(big, pane);
    const view = zoomAround(fit, 1, { x: fit.x + 1, y: fit.y + 1 }, big, pane);
    expect(view.x).toBe(0);
    expect(view.y).toBe(0);
  });

  it('steps at one point end where one big step would, though an edge held the photo on the way', () => {
    const fit = fitView(big, pane);
    const at = { x: 590, y: 344 };
    const imagePoint = { x: (at.x - fit.x) / fit.scale, y: (at.y - fit.y) / fit.scale };
    let stepped = fit;
    for (let i = 0; i < 3; i++) stepped = zoomAround(stepped, stepped.scale * 1.5, at, big, pane);
    // The first step's photo is barely taller than the pane: its top edge held it.
    expect(zoomAround(fit, fit.scale * 1.5, at, big, pane).y).toBe(0);
    const once = zoomAround(fit, fit.scale * 1.5 ** 3, at, big, pane);
    expect(stepped.scale).toBeCloseTo(once.scale, 9);
    expect(stepped.x).toBeCloseTo(once.x, 9);
    expect(stepped.y).toBeCloseTo(once.y, 9);
    expect(stepped.y + imagePoint.y * stepped.scale).toBeCloseTo(at.y, 9);
    // Elsewhere, or after a pan, the point under the pointer is taken afresh.
    const panned = panBy(stepped, 0, -10, big, pane);
    expect(panned.anchor).toBeUndefined();
    const next = zoomAround(panned, panned.scale * 1.5, at, big, pane);
    expect(next.anchor!.image.y).toBeCloseTo((at.y - panned.y) / panned.scale, 9);
  });

  it('holds the scale between fit and 800%; reaching fit is fit again', () => {
    const fit = fitView(big, pane);
    expect(zoomAround(fit, 100, { x: 10, y: 10 }, big, pane).scale).toBe(MAX_SCALE);
    const out = zoomAround(zoomAround(fit, 2, { x: 10, y: 10 }, big, pane), 0.01, { x: 10, y: 10 }, big, pane);
    expect(out).toEqual(fit);
  });

  it('pans a zoomed photo only as far as its edges, and never at fit', () => {
    const fit = fitView(big, pane);
    expect(panBy(fit, 100, 100, big, pane)).toBe(fit);
    const zoomed = zoomAround(fit, 1, { x: 480, y: 400 }, big, pane);
    const moved = panBy(zoomed, 30, -20, big, pane);
    expect(moved.x - zoomed.x).toBeCloseTo(30, 9);
    expect(moved.y - zoomed.y).toBeCloseTo(-20, 9);
    const far = panBy(zoomed, 1e6, -1e6, big, pane);
    expect(far.x).toBe(0);
    expect(far.y).toBe(pane.height - 2000);
  });

  it('a resized pane keeps the zoom, clamped; at fit it refits', () => {
    const zoomed = panBy(zoomAround(fitView(big, pane), 1, { x: 480, y: 400 }, big, pane), -1e6, 0, big, pane);
    const wider = { width: 1600, height: 800 };
    const after = settle(zoomed, big, wider);
    expect(after.scale).toBe(1);
    expect(after.x).toBe(1600 - 3000);
    expect(settle(fitView(big, pane), big, wider)).toEqual(fitView(big, wider));
  });

  it('a click goes to 100% for a large photo, to 200% for one already at 100% at fit; every photo zooms', () => {
    expect(clickScale(big, pane)).toBe(1);
    expect(clickScale(small, pane)).toBe(2);
    const tiny = { width: 61, height: 58 };
    expect(canZoom(tiny, pane)).toBe(true);
    expect(canZoom(small, pane)).toBe(true);
    expect(clickScale(tiny, pane)).toBe(2);
    // − from 150% comes back to 100%, which is fit.
    expect(stepScale(1.5, -1, small, pane)).toBe(1);
  });

  it('zooms in the original’s pixels when the image is a smaller stand-in of the same shape', () => {
    // A thumbnail (384 px) of a 3072 px original: 100% is the original's pixels, not 867%.
    expect(zoomSize({ width: 384, height: 256 }, { width: 3072, height: 2048 })).toEqual({ width: 3072, height: 2048 });
    expect(zoomSize({ width: 384, height: 289 }, { width: 4032, height: 3024 })).toEqual({ width: 4032, height: 3024 });
    // The original itself, or no size known: the image's own.
    expect(zoomSize(big, big)).toEqual(big);
    expect(zoomSize(big, undefined)).toBe(big);
    expect(zoomSize(big, { width: 0, height: 0 })).toBe(big);
    // Another shape is another picture: the image's own.
    expect(zoomSize({ width: 384, height: 384 }, { width: 3072, height: 2048 })).toEqual({ width: 384, height: 384 });
    expect(fitScale({ width: 3072, height: 2048 }, pane)).toBeCloseTo((pane.width - 2 * FIT_MARGIN.x) / 3072, 9);
  });

  it('+ and − step by 1.5×, stopping on 100% on the way through, within fit and 800%', () => {
    const fit = fitScale(big, pane);
    expect(stepScale(fit, 1, big, pane)).toBeCloseTo(fit * 1.5, 9);
    expect(stepScale(0.8, 1, big, pane)).toBe(1);
    expect(stepScale(1, 1, big, pane)).toBe(1.5);
    expect(stepScale(1.2, -1, big, pane)).toBe(1);
    expect(stepScale(fit * 1.2, -1, big, pane)).toBe(fit);
    expect(stepScale(7, 1, big, pane)).toBe(MAX_SCALE);
  });

  it('ctrl+wheel: up zooms in, down out, a mouse notch is capped, lines and pages are pixels', () => {
    expect(wheelFactor(-10)).toBeGreaterThan(1);
    expect(wheelFactor(10)).toBeLessThan(1);
    expect(wheelFactor(10) * wheelFactor(-10)).toBeCloseTo(1, 9);
    expect(wheelFactor(100)).toBe(wheelFactor(40));
    expect(wheelFactor(-100)).toBeLessThan(1.6);
    expect(wheelPixels(3, 0, 800)).toBe(3);
    expect(wheelPixels(3, 1, 800)).toBe(48);
    expect(wheelPixels(1, 2, 800)).toBe(800);
  });

  it('reads the scale as a percentage', () => {
    expect(zoomPercent(1)).toBe('100%');
    expect(zoomPercent(0.2773)).toBe('28%');
    expect(zoomPercent(8)).toBe('800%');
    expect(zoomPercent(0.001)).toBe('1%');
  });
});
