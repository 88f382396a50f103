// The viewer's zoom control: − / + steps, the zoom level as a live percentage, "Fit" (pressed
// while the whole photo shows) and "100%" (pressed at actual pixels). Each button is also a
// key, named in its title.
import type { ZoomPan } from '../hooks/useZoomPan';
import { zoomPercent } from '../lib/zoom';

/** Scales this close are the same (the view's scale is arithmetic, 100% may come out 0.9999…). */
const SAME = 1e-6;

export function ZoomBar({ zoom }: { zoom: ZoomPan }) {
  const { view, zoomable } = zoom;
  // A small photo's fit is 100% already: both are pressed.
  const actual = Math.abs(view.scale - 1) < SAME;
  return (
    <div className="zoom-bar" role="group" aria-label="Zoom">
      <button type="button" className="zoom-bar__button" aria-label="Zoom out" title="Zoom out (−)" disabled={!zoomable || view.fit} onClick={() => zoom.step(-1)}>
        −
      </button>
      {/* Named by the level it shows (a fixed title was its name, "100% …" at any zoom); the
          title stays as the explanation on hover. */}
      <span className="zoom-bar__level" role="status" aria-label={`Zoom level ${zoomPercent(view.scale)}`} title="Zoom level: 100% shows one photo pixel per CSS pixel">
        {zoomPercent(view.scale)}
      </span>
      <button type="button" className="zoom-bar__button" aria-label="Zoom in" title="Zoom in (+)" disabled={!zoomable || view.scale >= zoom.max - SAME} onClick={() => zoom.step(1)}>
        +
      </button>
      <button type="button" className="zoom-bar__button" aria-pressed={view.fit} title="Fit the whole photo in the window (0)" disabled={!zoomable} onClick={zoom.fit}>
        Fit
      </button>
      <button type="button" className="zoom-bar__button" aria-pressed={actual} title="Actual pixels (or click the photo)" disabled={!zoomable} onClick={zoom.actualSize}>
        100%
      </button>
    </div>
  );
}
