import { useState } from 'react';
import { canZoom, clickScale, fitScale, fitView, maxScale, panBy, settle, stepScale, zoomAround, type Point, type Size, type ZoomView } from '../lib/zoom';

export interface ZoomPan {
  /** The view for the current sizes: fit until the user zooms. */
  view: ZoomView;
  /** False until the image's size is known. */
  zoomable: boolean;
  /** The scale's bounds: fit (at most 100%), and 800%. */
  min: number;
  max: number;
  /** True when the zoomed image is larger than the pane, so dragging moves it. */
  pannable: boolean;
  /** Multiplies the scale by `factor` around a pane point. */
  zoomBy(factor: number, at: Point): void;
  /** + / − around the pane's centre. */
  step(direction: 1 | -1): void;
  /** Fit ↔ 100% (or 200% for a small photo, whose fit is 100%) around a pane point. */
  toggleAt(at: Point): void;
  /** 100% around the pane's centre. */
  actualSize(): void;
  fit(): void;
  pan(dx: number, dy: number): void;
}

/**
 * The viewer photo's zoom and pan (lib/zoom.ts does the arithmetic). `natural` is the image's
 * own size (null until it has loaded), `pane` the box it is shown in; the view follows both
 * (a resized window keeps the zoom and stays clamped; at fit it refits). The owner mounts this
 * afresh for each photo, so stepping to another photo starts at fit. `enabled` false: shown at
 * fit, and nothing zooms yet (a stand-in shows while the original loads).
 */
export function useZoomPan(natural: Size | null, pane: Size, enabled = true): ZoomPan {
  const [stored, setStored] = useState<ZoomView>({ scale: 1, x: 0, y: 0, fit: true });
  const size = natural ?? { width: 0, height: 0 };
  const zoomable = enabled && natural !== null && canZoom(size, pane);
  const view = natural ? settle(stored, size, pane) : fitView(size, pane);
  const centre = { x: pane.width / 2, y: pane.height / 2 };

  // Every change starts from the view as shown (settled for the sizes of this render).
  const update = (change: (current: ZoomView) => ZoomView) => {
    if (zoomable) setStored((current) => change(settle(current, size, pane)));
  };

  return {
    view,
    zoomable,
    min: fitScale(size, pane),
    max: maxScale(size, pane),
    pannable: !view.fit && (size.width * view.scale > pane.width + 0.5 || size.height * view.scale > pane.height + 0.5),
    zoomBy: (factor, at) => update((current) => zoomAround(current, current.scale * factor, at, size, pane)),
    step: (direction) => update((current) => zoomAround(current, stepScale(current.scale, direction, size, pane), centre, size, pane)),
    toggleAt: (at) => update((current) => (current.fit ? zoomAround(current, clickScale(size, pane), at, size, pane) : fitView(size, pane))),
    actualSize: () => update((current) => zoomAround(current, 1, centre, size, pane)),
    fit: () => update(() => fitView(size, pane)),
    pan: (dx, dy) => update((current) => panBy(current, dx, dy, size, pane)),
  };
}
