// The Places page's world map: a dot per town (its area by the town's photos) on Natural
// Earth's countries, drawn offline (world-atlas, bundled; d3-geo's Equal Earth projection).
// A dot is a button: its name is "Arezzo, Italy: 9 photos", hovering or focusing it shows the
// town, country and count, and a click (or Enter, Space) opens the town's timeline, as its card
// does. However many towns there are, the dots are one tab stop (the one focused last, else the
// town with the most photos): the arrow keys go from town to town as they lie on the map, Home
// and End to the most and the fewest photos. The map first frames the library's towns (lib/place-map.ts fitView); + / −, ctrl/cmd +
// wheel (a trackpad pinch) around the pointer and a double click zoom, a drag pans, and
// "Whole world" / "Fit my places" switch between the two framings.
//
// Cheap to move with thousands of towns: the countries and the dots are drawn once in base
// coordinates (again only when the map's size, central meridian or atlas changes) and memoised;
// zoom and pan only change one SVG transform and the dots group's --k (their radii are divided
// by it in CSS, so they keep their screen size), so a drag re-renders this component alone.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent as ReactPointerEvent, type SyntheticEvent } from 'react';
import type { PlacesSummary } from '../../../shared/api';
import { useElementSize } from '../../hooks/useElementSize';
import { useWorldAtlas, type AtlasResolution } from '../../hooks/useWorldAtlas';
import { dotsWithVideos } from './place-counts-text';
import {
  atlasFor,
  baseProjection,
  boxOf,
  centralMeridian,
  clampView,
  fitView,
  fromGeoView,
  isWorldView,
  landPaths,
  mapDots,
  mapFrame,
  maxZoom,
  nextDot,
  panBy,
  reveal,
  toGeoView,
  toScreen,
  wheelDelta,
  wheelZoomFactor,
  WORLD_VIEW,
  zoomAt,
  ZOOM_STEP,
  type ArrowKey,
  type GeoView,
  type MapDot,
  type MapFrame,
  type MapLand,
  type MapView,
  type Point,
  type Size,
} from '../../lib/place-map';

interface PlaceMapProps {
  summary: PlacesSummary;
  /** Opens a town's timeline ("Arezzo, Italy"). */
  onPlace: (place: string) => void;
}

/** The map, as wide as the page (its height follows in CSS: .place-map). */
export function PlaceMap({ summary, onPlace }: PlaceMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  return (
    <div ref={ref} className="place-map" role="group" aria-label="Map of your places">
      {width > 0 && height > 0 && <PlaceMapCanvas summary={summary} size={{ width, height }} onPlace={onPlace} />}
    </div>
  );
}

/** What the map shows: the towns framed (it follows the library), the world, or where the user went. */
type Navigation = { mode: 'places' } | { mode: 'world' } | { mode: 'free'; geo: GeoView };

/** Movement (CSS pixels) under which a press and release is a click, not a drag. */
const CLICK_SLOP = 4;
/** A dot reached by Tab this close to the map's edge brings the map along. */
const REVEAL_MARGIN = 24;
/** How long "Ctrl + scroll zooms" stays up after a plain wheel over the map. */
const HINT_MS = 1500;
const SAME = 1e-6;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The dot an event happened on (its index in the dots), or null. */
function dotIndex(target: EventTarget | null): number | null {
  if (!(target instanceof Element)) return null;
  const index = Number(target.getAttribute('data-index') ?? NaN);
  return Number.isInteger(index) ? index : null;
}

function pointIn(element: Element, event: { clientX: number; clientY: number }): Point {
  const rect = element.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}

export function PlaceMapCanvas({ summary, size, onPlace }: PlaceMapProps & { size: Size }) {
  const { width, height } = size;
  const dots = useMemo(() => dotsWithVideos(mapDots(summary), summary), [summary]);
  const meridian = useMemo(() => centralMeridian(dots.map((dot) => dot.lon)), [dots]);
  const projection = useMemo(() => baseProjection({ width, height }, meridian), [width, height, meridian]);
  const frame = useMemo(() => mapFrame(projection, { width, height }), [projection, width, height]);
  const points = useMemo(
    () =>
      dots.map((dot) => {
        const [x, y] = projection([dot.lon, dot.lat]) ?? [NaN, NaN];
        return { x, y };
      }),
    [dots, projection],
  );
  const fit = useMemo(() => fitView(boxOf(points.filter((p) => Number.isFinite(p.x))), frame), [points, frame]);

  const [navigation, setNavigation] = useState<Navigation>({ mode: 'places' });
  const view = navigation.mode === 'places' ? fit : navigation.mode === 'world' ? clampView(WORLD_VIEW, frame) : fromGeoView(navigation.geo, projection, frame);

  const atlas = useWorldAtlas(atlasFor(view));
  // Each atlas drawn once per projection: zooming back and forth across DETAIL_ZOOM redraws nothing.
  const drawn = useMemo(() => new Map<AtlasResolution, MapLand>(), [projection]);
  let land = drawn.get(atlas.resolution);
  if (!land) {
    land = landPaths(atlas.topology, projection);
    drawn.set(atlas.resolution, land);
  }

  // Event handlers read the latest view here: several events can come between two renders.
  const latest = useRef({ view, projection, frame });
  latest.current = { view, projection, frame };
  const move = useCallback((next: (view: MapView, frame: MapFrame) => MapView) => {
    const current = latest.current;
    const view = next(current.view, current.frame);
    current.view = view;
    setNavigation({ mode: 'free', geo: toGeoView(view, current.projection, current.frame) });
  }, []);

  const svg = useRef<SVGSVGElement>(null);
  const [hint, setHint] = useState(false);
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) {
        // A plain wheel scrolls the page past the map; say how to zoom it.
        if (Math.abs(event.deltaY) > Math.abs(event.deltaX)) {
          setHint(true);
          clearTimeout(timer);
          timer = setTimeout(() => setHint(false), HINT_MS);
        }
        return;
      }
      event.preventDefault();
      setHint(false);
      const at = pointIn(element, event);
      const factor = wheelZoomFactor(wheelDelta(event.deltaY, event.deltaMode, element.clientHeight));
      move((view, frame) => zoomAt(view, factor, at, frame));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      clearTimeout(timer);
      element.removeEventListener('wheel', onWheel);
    };
  }, [move]);

  const press = useRef<{ id: number; start: Point; last: Point; moved: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  /** The dot that is the map's tab stop. */
  const [current, setCurrent] = useState(0);
  const tabStop = current < dots.length ? current : 0;

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const at = pointIn(event.currentTarget, event);
    press.current = { id: event.pointerId, start: at, last: at, moved: false };
  };
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const current = press.current;
    if (!current || current.id !== event.pointerId) return;
    const at = pointIn(event.currentTarget, event);
    if (!current.moved) {
      if (Math.hypot(at.x - current.start.x, at.y - current.start.y) < CLICK_SLOP) return;
      // A drag, not a click: from here on the map has the pointer (and the click that ends
      // it lands on the map, not on a dot).
      current.moved = true;
      event.currentTarget.setPointerCapture?.(event.pointerId);
      setDragging(true);
      setHovered(null);
    }
    const dx = at.x - current.last.x;
    const dy = at.y - current.last.y;
    current.last = at;
    move((view, frame) => panBy(view, dx, dy, frame));
  };
  const onPointerEnd = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (press.current?.id !== event.pointerId) return;
    press.current = null;
    setDragging(false);
  };
  const onDoubleClick = (event: MouseEvent<SVGSVGElement>) => {
    if (dotIndex(event.target) !== null) return;
    const at = pointIn(event.currentTarget, event);
    move((view, frame) => zoomAt(view, event.shiftKey ? 1 / ZOOM_STEP : ZOOM_STEP, at, frame));
  };

  const open = (event: SyntheticEvent) => {
    const index = dotIndex(event.target);
    const dot = index === null ? undefined : dots[index];
    if (dot) onPlace(dot.place);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = dotIndex(event.target);
    if (index === null) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(event);
      return;
    }
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? dots.length - 1 : event.key.startsWith('Arrow') ? nextDot(points, index, event.key as ArrowKey) : undefined;
    if (next === undefined) return;
    // The arrows move between towns, never the page.
    event.preventDefault();
    if (next === null || next === index) return;
    setCurrent(next);
    svg.current?.querySelector<SVGElement>(`[data-index="${next}"]`)?.focus();
  };
  const onFocus = (event: FocusEvent) => {
    const index = dotIndex(event.target);
    if (index === null) return;
    setCurrent(index);
    // A dot pressed with the mouse takes the focus too: its tooltip is the hover's, and the map
    // must not move under the pointer. Reached by keyboard, it shows its tooltip and comes into view.
    if (!(event.target as Element).matches(':focus-visible')) return;
    setFocused(index);
    const point = points[index];
    if (!point) return;
    const { view, frame } = latest.current;
    const next = reveal(view, point, REVEAL_MARGIN, frame);
    if (next !== view) move(() => next);
  };

  const centre = { x: width / 2, y: height / 2 };
  const world = isWorldView(view);
  const fitIsWorld = isWorldView(fit);
  const tipIndex = dragging ? null : (hovered ?? focused);
  const tipDot = tipIndex === null ? undefined : dots[tipIndex];
  const tipPoint = tipIndex === null ? undefined : points[tipIndex];

  return (
    <>
      <div className="place-map__controls" role="group" aria-label="Map zoom">
        <button type="button" className="place-map__button" aria-label="Zoom in" title="Zoom in (or ctrl + scroll, double-click)" disabled={view.k >= maxZoom(frame) - SAME} onClick={() => move((v, f) => zoomAt(v, ZOOM_STEP, centre, f))}>
          +
        </button>
        <button type="button" className="place-map__button" aria-label="Zoom out" title="Zoom out" disabled={world} onClick={() => move((v, f) => zoomAt(v, 1 / ZOOM_STEP, centre, f))}>
          −
        </button>
        <button
          type="button"
          className="place-map__button place-map__button--text"
          disabled={world && fitIsWorld}
          title={world ? 'Frame the towns you took photos in' : 'Show the whole world'}
          onClick={() => setNavigation(world ? { mode: 'places' } : { mode: 'world' })}
        >
          {world ? 'Fit my places' : 'Whole world'}
        </button>
      </div>
      <svg
        ref={svg}
        className={`place-map__svg${dragging ? ' place-map__svg--dragging' : ''}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        data-atlas={atlas.resolution}
        data-zoom={view.k.toFixed(3)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onDoubleClick={onDoubleClick}
      >
        <g className="place-map__view" transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          <Land land={land} />
          <g
            className="place-map__dots"
            style={{ '--k': view.k } as CSSProperties}
            onClick={open}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onBlur={() => setFocused(null)}
            onPointerOver={(event) => !press.current?.moved && setHovered(dotIndex(event.target))}
            onPointerOut={(event) => dotIndex(event.relatedTarget) === null && setHovered(null)}
          >
            <Dots dots={dots} points={points} tabStop={tabStop} />
          </g>
        </g>
      </svg>
      {tipDot && tipPoint && <Tooltip dot={tipDot} at={toScreen(tipPoint, view)} size={size} />}
      {hint && (
        <div className="place-map__hint" aria-hidden="true">
          {isMac ? '⌘' : 'Ctrl'} + scroll to zoom the map
        </div>
      )}
    </>
  );
}

/** The sea and the countries: drawn again only when the land changes, never on zoom or pan. */
const Land = memo(function Land({ land }: { land: MapLand }) {
  return (
    <g className="place-map__land" aria-hidden="true">
      <path className="place-map__sphere" d={land.sphere} />
      {land.countries.map((d, i) => (
        <path key={i} className="place-map__country" d={d} />
      ))}
    </g>
  );
});

/** Every town's dot, biggest first (so the smaller ones lie on top): drawn again only when
 *  the towns, the map's size or the tab stop change. Events are the dots group's (PlaceMapCanvas). */
const Dots = memo(function Dots({ dots, points, tabStop }: { dots: MapDot[]; points: Point[]; tabStop: number }) {
  return (
    <>
      {dots.map((dot, i) => {
        const point = points[i];
        if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y)) return null;
        return (
          <circle
            key={dot.place}
            className="place-map__dot"
            data-index={i}
            data-place={dot.place}
            cx={round(point.x)}
            cy={round(point.y)}
            r={round(dot.r)}
            style={{ '--r': round(dot.r) } as CSSProperties}
            role="button"
            tabIndex={i === tabStop ? 0 : -1}
            aria-label={dot.label}
          />
        );
      })}
    </>
  );
});

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The town under the pointer (or focused): its name, country and count, above its dot (below
 *  it near the map's top edge), kept inside the map. */
function Tooltip({ dot, at, size }: { dot: MapDot & { countText: string }; at: Point; size: Size }) {
  const below = at.y - dot.r < 56;
  const left = Math.min(Math.max(at.x, 70), size.width - 70);
  const top = below ? at.y + dot.r + 6 : at.y - dot.r - 6;
  return (
    <div className={`place-map__tooltip${below ? ' place-map__tooltip--below' : ''}`} role="tooltip" style={{ left, top }}>
      <span className="place-map__tooltip-town">{dot.city}</span>
      <span className="place-map__tooltip-meta">
        {dot.place === dot.city ? '' : `${dot.country} · `}
        {dot.countText}
      </span>
    </div>
  );
}
