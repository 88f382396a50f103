// Zoom and pan arithmetic for the viewer's photo (components/ZoomableImage.tsx), pure so it is
// tested without a browser. A view is the photo's scale (CSS pixels per image pixel: 100% is
// one image pixel per CSS pixel, not per device pixel) and where its top-left corner sits in
// the pane. "Fit" shows the whole photo inside the pane less its margins, scaled down but never
// up past 100% (a small photo shows at its own size, as in Immich and Google Photos, not blown
// up blurry); zoom runs from fit to 800%. A photo larger than the pane never shows the pane's
// background beyond its edge; a smaller one sits in the middle.

import type { Point, Size } from './geometry';

export type { Point, Size };

export interface ZoomView {
  /** CSS pixels per image pixel. */
  scale: number;
  /** The image's top-left corner in the pane, CSS pixels. */
  x: number;
  y: number;
  /** At fit: follows the pane's size. */
  fit: boolean;
  /**
   * The last zoom's pane point and the image point meant to be under it. The edges may have
   * kept that point from getting there; the next zoom at the same pane point aims for it again,
   * so a run of wheel steps ends where one big step would, not drifting at each clamp. A pan
   * drops it.
   */
  anchor?: { at: Point; image: Point };
}

/** The most a photo is enlarged: 800%. */
export const MAX_SCALE = 8;
/** At fit the photo keeps clear of the stage's sides (the ‹ › buttons) and top and bottom: .viewer__stage's padding. */
export const FIT_MARGIN: Readonly<Point> = { x: 64, y: 24 };
/** One press of + or −. */
export const KEY_STEP = 1.5;
/** A wheel event's delta is capped at this many pixels, so one notch of a mouse wheel is a ~1.5× step; a trackpad pinch's small deltas pass as they are. */
const WHEEL_CAP = 40;
/** A pinch's ctrl+wheel deltaY is about −100·ln(scale change) in Chromium: this undoes it. */
const WHEEL_PER_E = 100;
/** Scales this close count as equal (a zoom out that lands on fit is fit). */
const EPSILON = 1e-6;

/** The scale that shows the whole photo in the pane, less the margins: at most 100%. */
export function fitScale(natural: Size, pane: Size): number {
  if (natural.width <= 0 || natural.height <= 0) return 1;
  const width = Math.max(1, pane.width - 2 * FIT_MARGIN.x);
  const height = Math.max(1, pane.height - 2 * FIT_MARGIN.y);
  return Math.min(1, width / natural.width, height / natural.height);
}

/** The largest scale: 800%, or fit itself for a photo so small that fit is already larger. */
export function maxScale(natural: Size, pane: Size): number {
  return Math.max(MAX_SCALE, fitScale(natural, pane));
}

/** False when the photo is so small that fit is already the most it may be enlarged. */
export function canZoom(natural: Size, pane: Size): boolean {
  return natural.width > 0 && natural.height > 0 && fitScale(natural, pane) < MAX_SCALE - EPSILON;
}

/** One axis: centred when the image is no larger than the pane, else no gap at either edge. */
export function clampOffset(offset: number, size: number, pane: number): number {
  if (size <= pane) return (pane - size) / 2;
  return Math.min(0, Math.max(pane - size, offset));
}

export function fitView(natural: Size, pane: Size): ZoomView {
  const scale = fitScale(natural, pane);
  return { scale, x: (pane.width - natural.width * scale) / 2, y: (pane.height - natural.height * scale) / 2, fit: true };
}

/** The view again for the current sizes (the pane was resized, the image's size arrived). */
export function settle(view: ZoomView, natural: Size, pane: Size): ZoomView {
  const fit = fitScale(natural, pane);
  if (view.fit || view.scale <= fit + EPSILON) return fitView(natural, pane);
  const scale = Math.min(view.scale, maxScale(natural, pane));
  return {
    scale,
    x: clampOffset(view.x, natural.width * scale, pane.width),
    y: clampOffset(view.y, natural.height * scale, pane.height),
    fit: false,
    ...(view.anchor ? { anchor: view.anchor } : {}),
  };
}

/** Zooms to `scale` (held between fit and the maximum) keeping the image point under `at` (pane coordinates) where it is, as far as the edges allow. */
export function zoomAround(view: ZoomView, scale: number, at: Point, natural: Size, pane: Size): ZoomView {
  const target = Math.min(Math.max(scale, fitScale(natural, pane)), maxScale(natural, pane));
  const again = view.anchor && Math.abs(view.anchor.at.x - at.x) < 0.5 && Math.abs(view.anchor.at.y - at.y) < 0.5;
  const image = again ? view.anchor!.image : { x: (at.x - view.x) / view.scale, y: (at.y - view.y) / view.scale };
  return settle({ scale: target, x: at.x - image.x * target, y: at.y - image.y * target, fit: false, anchor: { at, image } }, natural, pane);
}

/** Moves a zoomed image by (dx, dy), never past its edges; at fit nothing moves. */
export function panBy(view: ZoomView, dx: number, dy: number, natural: Size, pane: Size): ZoomView {
  if (view.fit) return view;
  return settle({ scale: view.scale, x: view.x + dx, y: view.y + dy, fit: false }, natural, pane);
}

/**
 * Where a click on the photo at fit goes: 100% when the photo is larger than the pane; a photo
 * that fits at 100% already (smaller than the pane) goes to 200%, so a click always zooms in.
 */
export function clickScale(natural: Size, pane: Size): number {
  const fit = fitScale(natural, pane);
  return fit < 1 - EPSILON ? 1 : Math.min(maxScale(natural, pane), 2);
}

/**
 * The size the zoom works in: the original's pixels (`original`, from the library) when the
 * image shown is a smaller stand-in of the same shape (the thumbnail of a photo whose folder is
 * not reachable, the 2,560 px JPEG of a RAW), so 100% is always one of the original's pixels
 * per CSS pixel; else the image's own.
 */
export function zoomSize(image: Size, original: Size | undefined): Size {
  if (!original || original.width <= 0 || original.height <= 0 || image.width <= 0 || image.height <= 0) return image;
  // A shape that differs by more than a pixel's rounding is another picture: trust the image.
  const sameShape = Math.abs(original.width / original.height - image.width / image.height) <= (2 * original.width) / original.height / Math.min(image.width, image.height);
  return sameShape ? original : image;
}

/** One + (direction 1) or − (−1) step; a step that would pass 100% stops on it, held between fit and the maximum. */
export function stepScale(scale: number, direction: 1 | -1, natural: Size, pane: Size): number {
  const next = direction > 0 ? scale * KEY_STEP : scale / KEY_STEP;
  const crosses100 = direction > 0 ? scale < 1 - EPSILON && next > 1 : scale > 1 + EPSILON && next < 1;
  const stepped = crosses100 ? 1 : next;
  return Math.min(Math.max(stepped, fitScale(natural, pane)), maxScale(natural, pane));
}

/** A wheel delta in CSS pixels, whatever unit the event used (pixels, lines, pages). */
export function wheelPixels(delta: number, deltaMode: number, pageSize: number): number {
  if (deltaMode === 1) return delta * 16;
  if (deltaMode === 2) return delta * pageSize;
  return delta;
}

/** The scale factor of one ctrl+wheel (or pinch) event: up for a negative deltaY, as browsers zoom. */
export function wheelFactor(deltaY: number): number {
  const capped = Math.min(WHEEL_CAP, Math.max(-WHEEL_CAP, deltaY));
  return Math.exp(-capped / WHEEL_PER_E);
}

/** "28%", "100%", "800%". */
export function zoomPercent(scale: number): string {
  return `${Math.max(1, Math.round(scale * 100))}%`;
}
