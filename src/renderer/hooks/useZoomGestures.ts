import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { wheelFactor, wheelPixels, type Point } from '../lib/zoom';
import type { ZoomPan } from './useZoomPan';

/** Movement (CSS pixels) under which a press and release is a click, not a drag. */
const CLICK_SLOP = 4;

interface Press {
  id: number;
  start: Point;
  last: Point;
  /** Pressed on the photo itself (not the empty pane around it): a click there zooms. */
  onImage: boolean;
  /** Moved past the slop, or a second finger joined: not a click. */
  moved: boolean;
}

export interface ZoomGestures {
  /** A drag is moving the photo (the grabbing cursor). */
  dragging: boolean;
  handlers: {
    onPointerDown(event: ReactPointerEvent<HTMLElement>): void;
    onPointerMove(event: ReactPointerEvent<HTMLElement>): void;
    onPointerUp(event: ReactPointerEvent<HTMLElement>): void;
    onPointerCancel(event: ReactPointerEvent<HTMLElement>): void;
  };
}

/**
 * The viewer photo's pointer and wheel input, turned into zoom and pan: a click on the photo
 * toggles fit ↔ 100% at that point; a drag (mouse, pen or finger: pointer events) pans a
 * zoomed photo; two fingers pinch-zoom; ctrl+wheel (which is also how browsers report a
 * trackpad pinch) zooms around the pointer, never the browser's page zoom; a plain wheel pans
 * a zoomed photo (shift+wheel sideways). The wheel listener is a native one: React's is passive
 * and could not stop the page from zooming.
 */
export function useZoomGestures(viewport: RefObject<HTMLElement | null>, zoom: ZoomPan): ZoomGestures {
  const latest = useRef(zoom);
  latest.current = zoom;
  const pointers = useRef(new Map<number, Point>());
  const press = useRef<Press | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const current = latest.current;
      const dx = wheelPixels(event.deltaX, event.deltaMode, element.clientWidth);
      const dy = wheelPixels(event.deltaY, event.deltaMode, element.clientHeight);
      if (event.ctrlKey) {
        event.preventDefault();
        current.zoomBy(wheelFactor(dy), pointIn(element, event));
      } else if (!current.view.fit) {
        event.preventDefault();
        if (event.shiftKey && dx === 0) current.pan(-dy, 0);
        else current.pan(-dx, -dy);
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [viewport]);

  const release = (id: number) => {
    pointers.current.delete(id);
    if (press.current?.id !== id) return;
    // A pinch's remaining finger carries on as a drag.
    const [next] = pointers.current;
    press.current = next ? { id: next[0], start: next[1], last: next[1], onImage: false, moved: true } : null;
    if (!next) setDragging(false);
  };

  return {
    dragging,
    handlers: {
      onPointerDown(event) {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        const at = pointIn(event.currentTarget, event);
        pointers.current.set(event.pointerId, at);
        event.currentTarget.setPointerCapture?.(event.pointerId);
        if (pointers.current.size === 1) {
          const onImage = event.target instanceof Element && event.target.closest('.zoom__content') !== null;
          press.current = { id: event.pointerId, start: at, last: at, onImage, moved: false };
        } else if (press.current) press.current.moved = true;
      },
      onPointerMove(event) {
        const before = pointers.current.get(event.pointerId);
        if (!before) return;
        const at = pointIn(event.currentTarget, event);
        pointers.current.set(event.pointerId, at);
        if (pointers.current.size >= 2) {
          const other = [...pointers.current].find(([id]) => id !== event.pointerId)![1];
          pinch(zoom, before, at, other);
          return;
        }
        const current = press.current;
        if (!current || current.id !== event.pointerId) return;
        if (!current.moved && Math.hypot(at.x - current.start.x, at.y - current.start.y) > CLICK_SLOP) {
          current.moved = true;
          if (zoom.pannable) setDragging(true);
        }
        if (current.moved) zoom.pan(at.x - current.last.x, at.y - current.last.y);
        current.last = at;
      },
      onPointerUp(event) {
        const current = press.current;
        if (current?.id === event.pointerId && !current.moved && current.onImage && pointers.current.size === 1) zoom.toggleAt(pointIn(event.currentTarget, event));
        release(event.pointerId);
      },
      onPointerCancel(event) {
        release(event.pointerId);
      },
    },
  };
}

/** One finger of two moved from `before` to `after`: scale by the change in their distance around their old midpoint, then follow the midpoint. */
function pinch(zoom: ZoomPan, before: Point, after: Point, other: Point): void {
  const distanceBefore = Math.hypot(before.x - other.x, before.y - other.y);
  const distanceAfter = Math.hypot(after.x - other.x, after.y - other.y);
  const midBefore = { x: (before.x + other.x) / 2, y: (before.y + other.y) / 2 };
  const midAfter = { x: (after.x + other.x) / 2, y: (after.y + other.y) / 2 };
  if (distanceBefore > 0 && distanceAfter > 0) zoom.zoomBy(distanceAfter / distanceBefore, midBefore);
  zoom.pan(midAfter.x - midBefore.x, midAfter.y - midBefore.y);
}

function pointIn(element: Element, event: { clientX: number; clientY: number }): Point {
  const box = element.getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top };
}
