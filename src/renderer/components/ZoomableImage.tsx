// The viewer's photo, zoomable: fit by default (the whole photo, scaled down, never up past
// 100%), a click
// toggles 100% around the clicked point, and a zoomed photo pans by drag or wheel without ever
// leaving the pane's edge bare (hooks/useZoomGestures.ts, hooks/useZoomPan.ts, lib/zoom.ts).
// Keys while it shows (not in a field, no ctrl/cmd/alt): + or = zooms in, − out, 0 fits.
// Overlays (the "Text in photo" outlines) come as children and zoom with the photo.
// While a large original loads (a HEIC converted by the engine: seconds), its thumbnail (the
// grid's, cached) stands in for it at once, in the original's place; zoom waits for the original.
// An original that cannot be loaded (its file moved or deleted since indexing) leaves the
// thumbnail there, and a note says so: the blurry picture is not the photo.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useElementSize } from '../hooks/useElementSize';
import { isTyping, useKeydown } from '../hooks/useShortcut';
import { useZoomGestures } from '../hooks/useZoomGestures';
import { useZoomPan } from '../hooks/useZoomPan';
import { zoomSize, type Size } from '../lib/zoom';
import { ZoomBar } from './ZoomBar';
import { PHOTO_FILE_GONE_TEXT } from './file-gone-text';

interface ZoomableImageProps {
  src: string;
  alt: string;
  /** The original's size (the library's width and height), when the image shown may be a
   *  smaller stand-in for it: the zoom's percentages are of the original's pixels. */
  original?: Size;
  /** A smaller image of the same photo (its thumbnail, which the grid has loaded already),
   *  shown in the original's place until `src` has loaded; not when `src` is cached. */
  standIn?: string | undefined;
  /** Drawn over the photo in its own box, so they follow its zoom and pan. */
  children?: ReactNode;
}

/** Above this scale the photo's pixels show as squares, to judge sharpness by. */
const PIXELATED_ABOVE = 2;

/** Mount it afresh (a key) for each photo and each source, so each starts at fit. */
export function ZoomableImage({ src, alt, original, standIn, children }: ZoomableImageProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const pane = useElementSize(viewport);
  // The image's own pixels, and the size the zoom works in (the original's, for a stand-in).
  const [loaded, setLoaded] = useState<Size | null>(null);
  // The stand-in's own pixels, once it has loaded.
  const [standInLoaded, setStandInLoaded] = useState<Size | null>(null);
  // The original failed to load: its thumbnail stays in its place for good.
  const [originalFailed, setOriginalFailed] = useState(false);
  // An image the browser has already (stepped back to, seen before) is complete as it is
  // inserted: known before the first paint, so the stand-in never shows for it.
  useLayoutEffect(() => {
    const img = image.current;
    if (img?.complete && img.naturalWidth > 0 && img.naturalHeight > 0) setLoaded({ width: img.naturalWidth, height: img.naturalHeight });
  }, []);
  const showStandIn = standIn !== undefined && loaded === null;
  // The stand-in places the photo only when it is the original's shape (zoomSize gives the
  // original's size): the original then lands in the very same box, no jump.
  const standInSize = showStandIn && standInLoaded && original ? zoomSize(standInLoaded, original) : null;
  const natural = loaded ? zoomSize(loaded, original) : standInSize === original ? standInSize : null;
  // Its percentages are the original's already; only its pixels are missing: no zoom on it.
  const zoom = useZoomPan(natural, pane, loaded !== null);
  const gestures = useZoomGestures(viewport, zoom);
  const { view } = zoom;

  useKeydown((event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
    if (event.key === '+' || event.key === '=') zoom.step(1);
    else if (event.key === '-') zoom.step(-1);
    else if (event.key === '0') zoom.fit();
    else return false;
    return true;
  });

  const placed = natural !== null && pane.width > 0 && pane.height > 0;
  const cursor = !zoom.zoomable ? 'fixed' : gestures.dragging ? 'grabbing' : zoom.pannable ? 'grab' : view.fit ? 'in' : 'out';
  const classes = ['zoom', `zoom--${cursor}`, view.fit ? 'zoom--fit' : 'zoom--zoomed'];
  // The image's own pixels, which a stand-in has fewer of than the original.
  if (!view.fit && natural && loaded && (view.scale * natural.width) / loaded.width > PIXELATED_ABOVE) classes.push('zoom--pixels');
  return (
    <>
      <div ref={viewport} className={classes.join(' ')} {...gestures.handlers}>
        <div
          className={placed ? 'zoom__content zoom__content--placed' : 'zoom__content'}
          style={placed ? { width: natural.width * view.scale, height: natural.height * view.scale, transform: `translate(${Math.round(view.x)}px, ${Math.round(view.y)}px)` } : undefined}
        >
          <img
            ref={image}
            className="viewer__image"
            src={src}
            alt={alt}
            draggable={false}
            onLoad={(event) => {
              const { naturalWidth: width, naturalHeight: height } = event.currentTarget;
              if (width > 0 && height > 0) setLoaded({ width, height });
            }}
            onError={() => setOriginalFailed(true)}
          />
          {showStandIn && (
            // Over the original's empty box until it loads; the same picture, so not announced again.
            <img
              className="viewer__standin"
              src={standIn}
              alt=""
              aria-hidden="true"
              draggable={false}
              onLoad={(event) => {
                const { naturalWidth: width, naturalHeight: height } = event.currentTarget;
                if (width > 0 && height > 0) setStandInLoaded({ width, height });
              }}
            />
          )}
          {children}
        </div>
      </div>
      {/* A thumbnail has no pixels to zoom into: the note takes the zoom bar's place. */}
      {natural && !(showStandIn && originalFailed) && <ZoomBar zoom={zoom} />}
      {showStandIn && originalFailed && (
        <div className="viewer__unplayable" role="note">
          {PHOTO_FILE_GONE_TEXT}
        </div>
      )}
    </>
  );
}
