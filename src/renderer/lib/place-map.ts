// The Places map's arithmetic (components/places/PlaceMap.tsx), pure so it is tested without a
// browser. The world is drawn once per map size by a d3-geo Equal Earth projection fitted to
// the map (the "base" drawing: the whole world at zoom 1); zoom and pan are an affine view on
// top of it, screen = base · k + (x, y), applied as one SVG transform, so the land is
// projected again only when the map's size or its central meridian changes. Dots keep their
// screen size: their radii are divided by k.
//
// - A dot per town, its area proportional to the town's photos (dotRadius).
// - The central meridian keeps the towns together: towns either side of the antimeridian
//   (Fiji and Samoa) are drawn next to each other, not at both ends of the map.
// - The default view frames the towns (fitView), never closer than a region of FIT_MIN_KM,
//   and is the whole world when they span most of it.
// - Zoom runs from the whole world (k = 1) to a region of MAX_ZOOM_KM; the world never
//   leaves the map (clampView).
import { geoEqualEarth, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { PlacesSummary } from '../../shared/api';
import { formatCount } from './format';

import type { Point, Size } from './geometry';

export type { Point, Size };

/** A rectangle in base coordinates. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The view on the base drawing: screen = base · k + (x, y). */
export interface MapView {
  k: number;
  x: number;
  y: number;
}

/** A town on the map. */
export interface MapDot {
  /** "Arezzo, Italy": what showPlace takes. */
  place: string;
  city: string;
  country: string;
  count: number;
  lat: number;
  lon: number;
  /** On screen, CSS pixels, at any zoom. */
  r: number;
  /** Its accessible name: "Arezzo, Italy: 9 photos". */
  label: string;
}

/** The smallest dot (a town of one photo in a large library): still easy to point at. */
export const MIN_DOT_RADIUS = 3.5;
/** The town with the most photos, in a library with many. */
export const MAX_DOT_RADIUS = 18;
/** A dot's radius per √photo at most, so a small library's towns do not come out huge: 1 photo 4 px, 9 photos 12 px. */
export const MAX_RADIUS_PER_ROOT = 4;
/** The map's margin around the whole world at zoom 1 (CSS pixels). */
export const WORLD_PAD = 8;
/** Room kept around the towns when framing them: the largest dot, its tooltip's width. */
export const FIT_PAD = 36;
/** Above them, clear of the zoom buttons in the map's top right corner too. */
export const FIT_PAD_TOP = 48;
/** Framing the towns never comes closer than this across the map's shorter side (km). */
export const FIT_MIN_KM = 300;
/** Zooming in stops at this across the map's shorter side (km): the atlas has nothing finer. */
export const MAX_ZOOM_KM = 100;
/** Towns that would be framed at less than this zoom (they span more than ~60% of the world's
 *  width or height) are shown on the whole world instead. */
export const WORLD_SNAP = 1.6;
/** From this zoom on the coasts come from the 1:50m atlas (loaded then), below it the 1:110m one. */
export const DETAIL_ZOOM = 3;
/** One press of + or −. */
export const ZOOM_STEP = 2;
/** Degrees either side of the towns that must stay clear of the map's edge meridian. */
const EDGE_MARGIN = 25;
const KM_PER_DEGREE = 111.195;
const SPHERE: GeoPermissibleObjects = { type: 'Sphere' };
const EPSILON = 1e-6;

/**
 * A town's dot radius: its area proportional to its photos, r = c·√count, with c such that the
 * library's biggest town gets MAX_DOT_RADIUS (but no more than MAX_RADIUS_PER_ROOT·√count), and
 * never under MIN_DOT_RADIUS.
 */
export function dotRadius(count: number, maxCount: number): number {
  const perRoot = Math.min(MAX_RADIUS_PER_ROOT, MAX_DOT_RADIUS / Math.sqrt(Math.max(1, maxCount)));
  return Math.max(MIN_DOT_RADIUS, perRoot * Math.sqrt(Math.max(0, count)));
}

/** "Arezzo, Italy: 9 photos" (a city-state once: "Singapore: 1 photo"). */
export function dotLabel(place: string, count: number): string {
  return `${place}: ${formatCount(count, 'photo')}`;
}

/** Every town of the summary as a dot, most photos first: the order they are drawn in (big
 *  ones under small ones, so a small town on a big one stays clickable) and tabbed through. */
export function mapDots(summary: PlacesSummary): MapDot[] {
  const towns = summary.countries.flatMap((country) => country.towns.map((town) => ({ town, country: country.country })));
  const maxCount = towns.reduce((max, { town }) => Math.max(max, town.count), 0);
  return towns
    .filter(({ town }) => Number.isFinite(town.lat) && Number.isFinite(town.lon))
    .map(({ town, country }) => ({
      place: town.place,
      city: town.city,
      country,
      count: town.count,
      lat: town.lat,
      lon: town.lon,
      r: dotRadius(town.count, maxCount),
      label: dotLabel(town.place, town.count),
    }))
    .sort((a, b) => b.count - a.count || a.place.localeCompare(b.place));
}

/** A longitude in [-180, 180). */
export function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * The map's central meridian (degrees): 0 (Greenwich in the middle, the map everyone knows)
 * unless the towns, with EDGE_MARGIN either side, would touch the map's edge at ±180°; then
 * the middle of the towns' arc, whole degrees. The arc is the circle less its largest gap
 * between towns, so Fiji (178°) and Samoa (-172°) make a 10° arc around 183° → -177°, and a
 * library on every continent (no gap wider than twice the margin) keeps 0.
 */
export function centralMeridian(lons: readonly number[]): number {
  const sorted = [...new Set(lons.map(wrapLongitude))].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return 0;
  // The largest gap; the wrap-around gap (last → first + 360) to begin with.
  let gap = first + 360 - last;
  let start = first;
  for (let i = 1; i < sorted.length; i += 1) {
    const g = sorted[i]! - sorted[i - 1]!;
    if (g > gap) {
      gap = g;
      start = sorted[i]!;
    }
  }
  if (gap < 2 * EDGE_MARGIN) return 0;
  const span = 360 - gap;
  // The arc runs east from `start` over `span` degrees.
  if (start - EDGE_MARGIN >= -180 && start + span + EDGE_MARGIN <= 180) return 0;
  const middle = Math.round(wrapLongitude(start + span / 2));
  return middle === -180 ? 180 : middle;
}

/** The whole world drawn into the map (less WORLD_PAD), centred on `meridian`. */
export function baseProjection(size: Size, meridian: number): GeoProjection {
  const pad = Math.min(WORLD_PAD, size.width / 4, size.height / 4);
  return geoEqualEarth()
    .rotate([-meridian, 0])
    .fitExtent(
      [
        [pad, pad],
        [Math.max(pad + 1, size.width - pad), Math.max(pad + 1, size.height - pad)],
      ],
      SPHERE,
    );
}

/** What the view arithmetic needs of the map. */
export interface MapFrame extends Size {
  /** The world's outline in base coordinates. */
  world: Box;
  /** Base pixels per km (Equal Earth is equal-area: the same everywhere, as an areal mean). */
  pxPerKm: number;
}

export function mapFrame(projection: GeoProjection, size: Size): MapFrame {
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(SPHERE);
  const [λ] = projection.rotate();
  const centre = -(λ ?? 0);
  const at = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];
  const [ax, ay] = at(centre - 0.5, 0);
  const [bx, by] = at(centre + 0.5, 0);
  const [cx, cy] = at(centre, -0.5);
  const [dx, dy] = at(centre, 0.5);
  const across = Math.hypot(bx - ax, by - ay) / KM_PER_DEGREE;
  const along = Math.hypot(dx - cx, dy - cy) / KM_PER_DEGREE;
  return { ...size, world: { x0, y0, x1, y1 }, pxPerKm: Math.sqrt(across * along) };
}

/** The deepest zoom: MAX_ZOOM_KM across the map's shorter side (never under 1). */
export function maxZoom(frame: MapFrame): number {
  return Math.max(1, Math.min(frame.width, frame.height) / (MAX_ZOOM_KM * frame.pxPerKm));
}

/** The deepest zoom that framing the towns uses: FIT_MIN_KM across the shorter side. */
export function maxFitZoom(frame: MapFrame): number {
  return Math.max(1, Math.min(frame.width, frame.height) / (FIT_MIN_KM * frame.pxPerKm));
}

/** The whole world: the base drawing itself. */
export const WORLD_VIEW: MapView = { k: 1, x: 0, y: 0 };

export function isWorldView(view: MapView): boolean {
  return view.k <= 1 + EPSILON;
}

/** Keeps the view within its limits: zoom 1 to maxZoom, and on each axis the world either
 *  covers the map (no empty space past its edge) or, when smaller, sits in the middle. */
export function clampView(view: MapView, frame: MapFrame): MapView {
  const k = Math.min(maxZoom(frame), Math.max(1, view.k));
  const axis = (offset: number, lo: number, hi: number, size: number) => {
    const extent = (hi - lo) * k;
    if (extent <= size) return (size - extent) / 2 - lo * k;
    return Math.min(-lo * k, Math.max(size - hi * k, offset));
  };
  return { k, x: axis(view.x, frame.world.x0, frame.world.x1, frame.width), y: axis(view.y, frame.world.y0, frame.world.y1, frame.height) };
}

/** The bounding box of points (base coordinates), or null for none. */
export function boxOf(points: readonly Point[]): Box | null {
  if (points.length === 0) return null;
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const { x, y } of points) {
    box.x0 = Math.min(box.x0, x);
    box.y0 = Math.min(box.y0, y);
    box.x1 = Math.max(box.x1, x);
    box.y1 = Math.max(box.y1, y);
  }
  return box;
}

/**
 * The view that frames the towns: their box as large as it fits in the map less FIT_PAD around
 * it (FIT_PAD_TOP above, clear of the zoom buttons), but no closer than maxFitZoom (a single
 * town shows its region), and the whole world when that would be a zoom under WORLD_SNAP (the
 * towns span most of it).
 */
export function fitView(box: Box | null, frame: MapFrame): MapView {
  if (!box) return WORLD_VIEW;
  const roomX = Math.max(1, frame.width - 2 * FIT_PAD);
  const roomY = Math.max(1, frame.height - FIT_PAD - FIT_PAD_TOP);
  const kx = box.x1 - box.x0 > 0 ? roomX / (box.x1 - box.x0) : Infinity;
  const ky = box.y1 - box.y0 > 0 ? roomY / (box.y1 - box.y0) : Infinity;
  const k = Math.min(kx, ky, maxFitZoom(frame));
  if (k < WORLD_SNAP) return clampView(WORLD_VIEW, frame);
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  return clampView({ k, x: FIT_PAD + roomX / 2 - cx * k, y: FIT_PAD_TOP + roomY / 2 - cy * k }, frame);
}

/** Zooms by `factor` keeping the map point under `at` (screen) where it is, within the limits. */
export function zoomAt(view: MapView, factor: number, at: Point, frame: MapFrame): MapView {
  const k = Math.min(maxZoom(frame), Math.max(1, view.k * factor));
  const bx = (at.x - view.x) / view.k;
  const by = (at.y - view.y) / view.k;
  return clampView({ k, x: at.x - bx * k, y: at.y - by * k }, frame);
}

export function panBy(view: MapView, dx: number, dy: number, frame: MapFrame): MapView {
  return clampView({ k: view.k, x: view.x + dx, y: view.y + dy }, frame);
}

/** Where a base point is on screen. */
export function toScreen(point: Point, view: MapView): Point {
  return { x: point.x * view.k + view.x, y: point.y * view.k + view.y };
}

/** A view that keeps a point on screen: unchanged when it is within `margin` of the map's
 *  edges, else centred on it (a dot reached by Tab while zoomed in). */
export function reveal(view: MapView, point: Point, margin: number, frame: MapFrame): MapView {
  const at = toScreen(point, view);
  if (at.x >= margin && at.x <= frame.width - margin && at.y >= margin && at.y <= frame.height - margin) return view;
  return clampView({ k: view.k, x: frame.width / 2 - point.x * view.k, y: frame.height / 2 - point.y * view.k }, frame);
}

/**
 * A view the user chose, kept as geography (the place at the map's centre and the zoom) so
 * it survives a resize or a new central meridian, which move every base coordinate.
 */
export interface GeoView {
  k: number;
  lon: number;
  lat: number;
}

export function toGeoView(view: MapView, projection: GeoProjection, frame: Size): GeoView {
  const centre = projection.invert?.([(frame.width / 2 - view.x) / view.k, (frame.height / 2 - view.y) / view.k]);
  return { k: view.k, lon: centre?.[0] ?? 0, lat: centre?.[1] ?? 0 };
}

export function fromGeoView(geo: GeoView, projection: GeoProjection, frame: MapFrame): MapView {
  const [px, py] = projection([geo.lon, geo.lat]) ?? [frame.width / 2, frame.height / 2];
  return clampView({ k: geo.k, x: frame.width / 2 - px * geo.k, y: frame.height / 2 - py * geo.k }, frame);
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * The dot an arrow key moves the focus to from dot `from`: the nearest one that way, where
 * being off to the side counts double, or null when there is none that way. The map is one
 * tab stop however many towns it has; the arrows go from town to town as they lie on it.
 */
export function nextDot(points: readonly Point[], from: number, key: ArrowKey): number | null {
  const origin = points[from];
  if (!origin) return null;
  const [ax, ay] = key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowRight' ? [1, 0] : key === 'ArrowUp' ? [0, -1] : [0, 1];
  let best: number | null = null;
  let bestScore = Infinity;
  points.forEach((point, i) => {
    if (i === from || !Number.isFinite(point.x) || !Number.isFinite(point.y)) return;
    const dx = point.x - origin.x;
    const dy = point.y - origin.y;
    const along = dx * ax + dy * ay;
    if (along <= 0) return;
    const score = Math.hypot(along, 2 * (dx * ay - dy * ax));
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** The atlas the view needs: the 1:50m one from DETAIL_ZOOM on. */
export function atlasFor(view: MapView): '110m' | '50m' {
  return view.k >= DETAIL_ZOOM ? '50m' : '110m';
}

/** A wheel event's delta in CSS pixels (lines are 16 px, pages the map's height), capped so
 *  one notch of a mouse wheel is one step and a trackpad pinch's small deltas pass. */
export function wheelDelta(delta: number, mode: number, page: number): number {
  const pixels = mode === 1 ? delta * 16 : mode === 2 ? delta * page : delta;
  return Math.max(-100, Math.min(100, pixels));
}

/** The zoom factor of a ctrl+wheel (or pinch) delta: ×2 per 100 px up, ÷2 per 100 px down. */
export function wheelZoomFactor(pixels: number): number {
  return 2 ** (-pixels / 100);
}

/** The world drawn in base coordinates: its outline (the sea) and a path per country. */
export interface MapLand {
  sphere: string;
  countries: string[];
}

/** A TopoJSON topology, as topojson-client takes it. */
export type Topology = Parameters<typeof feature>[0];

/** The countries of a world-atlas topology (its `countries` object) as SVG paths, drawn by the
 *  base projection. One path per country, so the browser can skip those off screen. */
export function landPaths(topology: Topology, projection: GeoProjection): MapLand {
  const path = geoPath(projection);
  const object = topology.objects['countries'];
  const shapes = object ? feature(topology, object) : null;
  const features = !shapes ? [] : 'features' in shapes ? shapes.features : [shapes];
  const countries: string[] = [];
  for (const shape of features) {
    const d = path(shape);
    if (d) countries.push(d);
  }
  return { sphere: path(SPHERE) ?? '', countries };
}
