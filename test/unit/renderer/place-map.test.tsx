// The Places map without a browser: the dots (area by photos, most photos first, their
// names), the central meridian that keeps towns either side of the antimeridian together, the
// framing of the towns (a region at the closest, the whole world when they span it), the
// zoom and pan limits, zoom around a point, a view kept as geography across a resize, the
// atlas per zoom, the arrows' way from town to town, the land drawn from world-atlas, and the
// markup: a dot per town as a named button, biggest first, one tab stop, and no map without
// located photos.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import countries110m from 'world-atlas/countries-110m.json';
import type { Photo, PlacesSummary, PlaceTown } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { PlaceMapCanvas } from '../../../src/renderer/components/places/PlaceMap';
import { PlacesScreen } from '../../../src/renderer/components/places/PlacesScreen';
import type { LibraryState } from '../../../src/renderer/hooks/useLibrary';
import {
  atlasFor,
  baseProjection,
  boxOf,
  centralMeridian,
  clampView,
  DETAIL_ZOOM,
  dotRadius,
  FIT_MIN_KM,
  FIT_PAD,
  FIT_PAD_TOP,
  fitView,
  fromGeoView,
  isWorldView,
  landPaths,
  mapDots,
  mapFrame,
  MAX_DOT_RADIUS,
  MAX_ZOOM_KM,
  maxFitZoom,
  maxZoom,
  MIN_DOT_RADIUS,
  nextDot,
  panBy,
  reveal,
  toGeoView,
  toScreen,
  wheelDelta,
  wheelZoomFactor,
  WORLD_VIEW,
  wrapLongitude,
  zoomAt,
  type MapFrame,
  type MapView,
  type Point,
  type Size,
  type Topology,
} from '../../../src/renderer/lib/place-map';

const photo = (id: string): Photo => ({ id, path: `/m/${id}.jpg`, folder: '/m', width: 4, height: 3, takenAt: null });
const town = (city: string, country: string, count: number, lat: number, lon: number): PlaceTown => ({
  city,
  place: city === country ? city : `${city}, ${country}`,
  count,
  cover: photo(city),
  lat,
  lon,
});

function summaryOf(...towns: [PlaceTown, string, string][]): PlacesSummary {
  const countries = new Map<string, { country: string; countryCode: string; towns: PlaceTown[] }>();
  for (const [t, country, code] of towns) {
    const entry = countries.get(code) ?? { country, countryCode: code, towns: [] };
    entry.towns.push(t);
    countries.set(code, entry);
  }
  const list = [...countries.values()].map((c) => ({ ...c, place: c.country, count: c.towns.reduce((n, t) => n + t.count, 0), cover: c.towns[0]!.cover }));
  return { countries: list, located: list.reduce((n, c) => n + c.count, 0), unplaced: 0, withoutPlace: 0 };
}

const AREZZO = town('Arezzo', 'Italy', 9, 43.4633, 11.8796);
const FLORENCE = town('Florence', 'Italy', 1, 43.7856, 11.2346);
const MADRID = town('Madrid', 'Spain', 2, 40.4165, -3.7026);
const HELSINKI = town('Helsinki', 'Finland', 1, 60.1699, 24.9384);
const SINGAPORE = town('Singapore', 'Singapore', 1, 1.2897, 103.8501);
const TOKYO = town('Tokyo', 'Japan', 3, 35.6895, 139.6917);
const NEW_YORK = town('New York City', 'United States', 1, 40.7128, -74.006);
const SUVA = town('Suva', 'Fiji', 4, -18.1416, 178.4419);
const APIA = town('Apia', 'Samoa', 2, -13.8333, -171.7667);

const EUROPE = summaryOf([AREZZO, 'Italy', 'IT'], [FLORENCE, 'Italy', 'IT'], [MADRID, 'Spain', 'ES'], [HELSINKI, 'Finland', 'FI']);
const SIZE: Size = { width: 1000, height: 476 };

/** The map as PlaceMapCanvas lays it out for these towns. */
function mapOf(summary: PlacesSummary, size: Size = SIZE) {
  const dots = mapDots(summary);
  const meridian = centralMeridian(dots.map((d) => d.lon));
  const projection = baseProjection(size, meridian);
  const frame = mapFrame(projection, size);
  const points = dots.map((d) => {
    const [x, y] = projection([d.lon, d.lat])!;
    return { x, y };
  });
  const fit = fitView(boxOf(points), frame);
  const screen = (place: string) => toScreen(points[dots.findIndex((d) => d.place === place)]!, fit);
  return { dots, meridian, projection, frame, points, fit, screen };
}

/** Great-circle distance, km. */
function km(a: PlaceTown, b: PlaceTown): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const inside = (p: Point, frame: Size, margin = 0) => p.x >= margin && p.x <= frame.width - margin && p.y >= margin && p.y <= frame.height - margin;

/** The world's outline on screen under a view. */
function worldOnScreen(view: MapView, frame: MapFrame) {
  return { x0: frame.world.x0 * view.k + view.x, y0: frame.world.y0 * view.k + view.y, x1: frame.world.x1 * view.k + view.x, y1: frame.world.y1 * view.k + view.y };
}

describe('the dots', () => {
  it('have an area proportional to the photos, within a smallest and a largest radius', () => {
    // A small library: 4 px per √photo, so one photo is not a huge dot.
    expect(dotRadius(1, 9)).toBe(4);
    expect(dotRadius(9, 9)).toBe(12);
    expect(dotRadius(4, 9) ** 2 / dotRadius(1, 9) ** 2).toBeCloseTo(4);
    // A large one: the biggest town gets the largest radius, areas stay proportional above the smallest.
    expect(dotRadius(10_000, 10_000)).toBeCloseTo(MAX_DOT_RADIUS);
    expect(dotRadius(2_500, 10_000)).toBeCloseTo(MAX_DOT_RADIUS / 2);
    expect(dotRadius(1, 10_000)).toBe(MIN_DOT_RADIUS);
    expect(dotRadius(0, 0)).toBe(MIN_DOT_RADIUS);
    // More photos, never a smaller dot.
    for (let n = 1; n < 500; n += 7) expect(dotRadius(n + 1, 500)).toBeGreaterThanOrEqual(dotRadius(n, 500));
  });

  it('are the towns of every country, most photos first, named "town, country: N photos"', () => {
    const dots = mapDots(summaryOf([FLORENCE, 'Italy', 'IT'], [AREZZO, 'Italy', 'IT'], [MADRID, 'Spain', 'ES'], [SINGAPORE, 'Singapore', 'SG'], [HELSINKI, 'Finland', 'FI']));
    expect(dots.map((d) => d.label)).toEqual(['Arezzo, Italy: 9 photos', 'Madrid, Spain: 2 photos', 'Florence, Italy: 1 photo', 'Helsinki, Finland: 1 photo', 'Singapore: 1 photo']);
    expect(dots.map((d) => d.country)).toEqual(['Italy', 'Spain', 'Italy', 'Finland', 'Singapore']);
    expect(dots[0]!.r).toBeGreaterThan(dots[1]!.r);
    expect(dots[1]!.r).toBeGreaterThan(dots[2]!.r);
    expect(dots[2]!.r).toBe(dots[3]!.r);
  });

  it('leave out a town without a position', () => {
    const lost = { ...FLORENCE, lat: NaN };
    expect(mapDots(summaryOf([AREZZO, 'Italy', 'IT'], [lost, 'Italy', 'IT'])).map((d) => d.city)).toEqual(['Arezzo']);
  });
});

describe('the central meridian', () => {
  it('is Greenwich for towns away from the antimeridian, or none', () => {
    expect(centralMeridian([])).toBe(0);
    expect(centralMeridian([11.9, 11.2, -3.7, 24.9])).toBe(0);
    expect(centralMeridian([150])).toBe(0);
  });

  it('moves to the towns when they sit either side of ±180° or near it', () => {
    // Fiji and Samoa: a 10° arc around 183°E = 177°W.
    expect(centralMeridian([178.44, -171.77])).toBe(-177);
    // One town near the edge is brought in.
    expect(centralMeridian([178.44])).toBe(178);
    expect(centralMeridian([-179.5])).toBe(-179);
    // Tokyo and New York: 146° apart over the Pacific, 214° the other way round.
    expect(centralMeridian([139.7, -74])).toBe(-147);
    expect(wrapLongitude(190)).toBe(-170);
    expect(wrapLongitude(-190)).toBe(170);
  });

  it('stays at Greenwich when the towns are all round the world', () => {
    expect(centralMeridian([-150, -100, -50, 0, 50, 100, 150])).toBe(0);
  });
});

describe('framing the towns', () => {
  it('fits the towns in the map with room around them', () => {
    const { fit, frame, screen } = mapOf(EUROPE);
    expect(fit.k).toBeGreaterThan(2);
    for (const place of ['Arezzo, Italy', 'Florence, Italy', 'Madrid, Spain', 'Helsinki, Finland']) expect(inside(screen(place), frame, FIT_PAD - 1)).toBe(true);
    // North is up, west is left, and the towns fill one side of the map (within its padding).
    expect(screen('Helsinki, Finland').y).toBeLessThan(screen('Arezzo, Italy').y);
    expect(screen('Madrid, Spain').x).toBeLessThan(screen('Arezzo, Italy').x);
    const spanX = screen('Helsinki, Finland').x - screen('Madrid, Spain').x;
    const spanY = screen('Madrid, Spain').y - screen('Helsinki, Finland').y;
    expect(Math.max(spanX / (SIZE.width - 2 * FIT_PAD), spanY / (SIZE.height - FIT_PAD - FIT_PAD_TOP))).toBeCloseTo(1, 5);
    // Clear of the zoom buttons above: the northernmost town (Helsinki) is FIT_PAD_TOP down.
    expect(screen('Helsinki, Finland').y).toBeCloseTo(FIT_PAD_TOP, 5);
  });

  it('shows a region of FIT_MIN_KM at the closest: one town, or two close together', () => {
    for (const summary of [summaryOf([AREZZO, 'Italy', 'IT']), summaryOf([AREZZO, 'Italy', 'IT'], [FLORENCE, 'Italy', 'IT'])]) {
      const { fit, frame, screen } = mapOf(summary);
      expect(fit.k).toBeCloseTo(maxFitZoom(frame));
      // Across the map's shorter side: FIT_MIN_KM.
      expect(Math.min(frame.width, frame.height) / (fit.k * frame.pxPerKm)).toBeCloseTo(FIT_MIN_KM);
      expect(inside(screen('Arezzo, Italy'), frame, FIT_PAD)).toBe(true);
    }
    // And the distances on screen are the real ones at that scale (Equal Earth is equal-area: about).
    const { fit, frame, screen } = mapOf(summaryOf([AREZZO, 'Italy', 'IT'], [FLORENCE, 'Italy', 'IT']));
    const a = screen('Arezzo, Italy');
    const f = screen('Florence, Italy');
    expect(Math.hypot(a.x - f.x, a.y - f.y) / (fit.k * frame.pxPerKm)).toBeGreaterThan(km(AREZZO, FLORENCE) * 0.85);
    expect(Math.hypot(a.x - f.x, a.y - f.y) / (fit.k * frame.pxPerKm)).toBeLessThan(km(AREZZO, FLORENCE) * 1.15);
  });

  it('shows the whole world when the towns span most of it', () => {
    const { fit, frame } = mapOf(summaryOf([AREZZO, 'Italy', 'IT'], [TOKYO, 'Japan', 'JP'], [NEW_YORK, 'United States', 'US'], [town('Sydney', 'Australia', 1, -33.87, 151.21), 'Australia', 'AU']));
    expect(isWorldView(fit)).toBe(true);
    const world = worldOnScreen(fit, frame);
    // Centred, inside the map.
    expect(world.x0).toBeGreaterThanOrEqual(0);
    expect(world.x1).toBeLessThanOrEqual(SIZE.width);
    expect((world.x0 + world.x1) / 2).toBeCloseTo(SIZE.width / 2);
    expect((world.y0 + world.y1) / 2).toBeCloseTo(SIZE.height / 2);
    expect(fitView(null, frame)).toEqual(WORLD_VIEW);
  });

  it('frames towns either side of the antimeridian together, zoomed in, not the whole world', () => {
    const summary = summaryOf([SUVA, 'Fiji', 'FJ'], [APIA, 'Samoa', 'WS']);
    const { meridian, fit, frame, screen } = mapOf(summary);
    expect(meridian).toBe(-177);
    expect(fit.k).toBeGreaterThan(5);
    const suva = screen('Suva, Fiji');
    const apia = screen('Apia, Samoa');
    expect(inside(suva, frame, FIT_PAD - 1)).toBe(true);
    expect(inside(apia, frame, FIT_PAD - 1)).toBe(true);
    // Samoa is east of Fiji, on the map too.
    expect(apia.x).toBeGreaterThan(suva.x);
    // Drawn with Greenwich in the middle, they would sit at the map's two ends.
    const greenwich = baseProjection(SIZE, 0);
    const [sx] = greenwich([SUVA.lon, SUVA.lat])!;
    const [ax] = greenwich([APIA.lon, APIA.lat])!;
    expect(sx - ax).toBeGreaterThan(SIZE.width * 0.8);
  });

  it('centres a lone town near the antimeridian instead of pushing it to the edge', () => {
    const { fit, frame, screen } = mapOf(summaryOf([SUVA, 'Fiji', 'FJ']));
    expect(fit.k).toBeCloseTo(maxFitZoom(frame));
    const suva = screen('Suva, Fiji');
    expect(suva.x).toBeCloseTo(SIZE.width / 2, 0);
    // (In the room left below the zoom buttons.)
    expect(suva.y).toBeCloseTo((SIZE.height + FIT_PAD_TOP - FIT_PAD) / 2, 0);
  });
});

describe('zoom and pan', () => {
  const { frame, projection } = mapOf(EUROPE);

  it('zooms from the whole world to a region of MAX_ZOOM_KM, no further either way', () => {
    expect(clampView({ k: 0.2, x: 0, y: 0 }, frame).k).toBe(1);
    const deepest = clampView({ k: 1e6, x: 0, y: 0 }, frame);
    expect(deepest.k).toBeCloseTo(maxZoom(frame));
    expect(Math.min(frame.width, frame.height) / (deepest.k * frame.pxPerKm)).toBeCloseTo(MAX_ZOOM_KM);
    expect(maxZoom(frame)).toBeGreaterThan(maxFitZoom(frame));
    expect(zoomAt(deepest, 2, { x: 10, y: 10 }, frame).k).toBeCloseTo(deepest.k);
  });

  it('keeps the world on the map: centred where it is smaller, covering it where larger', () => {
    // At zoom 1 no pan moves it.
    expect(panBy(WORLD_VIEW, 300, -200, frame)).toEqual(clampView(WORLD_VIEW, frame));
    // Zoomed in, a pan stops at the world's edge.
    const zoomed = zoomAt(WORLD_VIEW, 4, { x: 500, y: 238 }, frame);
    const far = panBy(zoomed, 1e6, 1e6, frame);
    const world = worldOnScreen(far, frame);
    expect(world.x0).toBeCloseTo(0);
    expect(world.y0).toBeCloseTo(0);
    const other = worldOnScreen(panBy(zoomed, -1e6, -1e6, frame), frame);
    expect(other.x1).toBeCloseTo(frame.width);
    expect(other.y1).toBeCloseTo(frame.height);
    // Inside the limits a pan is a pan.
    const moved = panBy(zoomed, 12, -7, frame);
    expect(moved.x - zoomed.x).toBeCloseTo(12);
    expect(moved.y - zoomed.y).toBeCloseTo(-7);
  });

  it('zooms around a point: the place under the pointer stays under it', () => {
    const start = zoomAt(WORLD_VIEW, 3, { x: 520, y: 170 }, frame);
    const at = { x: 610, y: 220 };
    const base = { x: (at.x - start.x) / start.k, y: (at.y - start.y) / start.k };
    const zoomed = zoomAt(start, 2.5, at, frame);
    expect(zoomed.k).toBeCloseTo(start.k * 2.5);
    const after = toScreen(base, zoomed);
    expect(after.x).toBeCloseTo(at.x);
    expect(after.y).toBeCloseTo(at.y);
    // Zooming out again comes back.
    const back = zoomAt(zoomed, 1 / 2.5, at, frame);
    expect(back.k).toBeCloseTo(start.k);
    expect(back.x).toBeCloseTo(start.x);
  });

  it('keeps a chosen view as geography: the same place in the middle after a resize', () => {
    const view = zoomAt(WORLD_VIEW, 6, { x: 560, y: 150 }, frame);
    const geo = toGeoView(view, projection, frame);
    const again = fromGeoView(geo, projection, frame);
    expect(again.x).toBeCloseTo(view.x);
    expect(again.y).toBeCloseTo(view.y);
    const wider = { width: 1400, height: 440 };
    const widerProjection = baseProjection(wider, 0);
    const widerFrame = mapFrame(widerProjection, wider);
    const resized = fromGeoView(geo, widerProjection, widerFrame);
    const centre = widerProjection.invert!([(wider.width / 2 - resized.x) / resized.k, (wider.height / 2 - resized.y) / resized.k])!;
    expect(centre[0]).toBeCloseTo(geo.lon, 3);
    expect(centre[1]).toBeCloseTo(geo.lat, 3);
  });

  it('brings a dot reached by Tab into view, and leaves one in view alone', () => {
    const { points, dots } = mapOf(EUROPE);
    const helsinki = points[dots.findIndex((d) => d.city === 'Helsinki')]!;
    const madrid = points[dots.findIndex((d) => d.city === 'Madrid')]!;
    const onMadrid = clampView({ k: 20, x: frame.width / 2 - madrid.x * 20, y: frame.height / 2 - madrid.y * 20 }, frame);
    expect(reveal(onMadrid, madrid, 24, frame)).toBe(onMadrid);
    const shown = reveal(onMadrid, helsinki, 24, frame);
    expect(shown.k).toBe(20);
    expect(toScreen(helsinki, shown).x).toBeCloseTo(frame.width / 2);
  });

  it('moves the focus with the arrows to the nearest town that way, sideways counting double', () => {
    //   0 . . 1
    //   . 2 . .
    //   3 . . . 4
    const grid: Point[] = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 20 },
      { x: 40, y: 20 },
    ];
    expect(nextDot(grid, 0, 'ArrowRight')).toBe(2);
    expect(nextDot(grid, 2, 'ArrowRight')).toBe(1);
    expect(nextDot(grid, 1, 'ArrowRight')).toBe(4);
    expect(nextDot(grid, 4, 'ArrowRight')).toBeNull();
    // Straight down, further, beats diagonally down, nearer.
    expect(nextDot(grid, 0, 'ArrowDown')).toBe(3);
    expect(nextDot(grid, 2, 'ArrowDown')).toBe(3);
    expect(nextDot(grid, 4, 'ArrowLeft')).toBe(2);
    expect(nextDot(grid, 3, 'ArrowUp')).toBe(0);
    expect(nextDot(grid, 4, 'ArrowUp')).toBe(1);
    expect(nextDot(grid, 0, 'ArrowUp')).toBeNull();
    expect(nextDot(grid, 9, 'ArrowUp')).toBeNull();
    // A town without a position is skipped.
    expect(nextDot([...grid, { x: 5, y: NaN }], 0, 'ArrowRight')).toBe(2);
  });

  it('takes the finer atlas from DETAIL_ZOOM on', () => {
    expect(atlasFor(WORLD_VIEW)).toBe('110m');
    expect(atlasFor({ k: DETAIL_ZOOM - 0.01, x: 0, y: 0 })).toBe('110m');
    expect(atlasFor({ k: DETAIL_ZOOM, x: 0, y: 0 })).toBe('50m');
  });

  it('turns a wheel into a zoom: a mouse notch doubles or halves, lines and pages count in pixels', () => {
    expect(wheelZoomFactor(wheelDelta(-100, 0, 400))).toBeCloseTo(2);
    expect(wheelZoomFactor(wheelDelta(100, 0, 400))).toBeCloseTo(0.5);
    expect(wheelZoomFactor(wheelDelta(-1000, 0, 400))).toBeCloseTo(2);
    expect(wheelDelta(-3, 1, 400)).toBe(-48);
    expect(wheelDelta(1, 2, 400)).toBe(100);
    expect(wheelZoomFactor(wheelDelta(-4, 0, 400))).toBeGreaterThan(1);
    expect(wheelZoomFactor(wheelDelta(-4, 0, 400))).toBeLessThan(1.05);
  });
});

describe('the land', () => {
  it('draws the world-atlas countries as paths inside the world', () => {
    const projection = baseProjection(SIZE, 0);
    const land = landPaths(countries110m as unknown as Topology, projection);
    expect(land.countries.length).toBeGreaterThan(150);
    expect(land.sphere).toMatch(/^M/);
    for (const d of land.countries) expect(d).toMatch(/^M[\d.-]/);
    // Every coordinate lies within the map.
    const numbers = land.countries.join(' ').match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(SIZE.width);
  });
});

describe('the map on the page', () => {
  const client = { transport: 'websocket', imageUrl: (id: string, kind: string) => `/media/${kind}/${id}`, onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
  const noop = () => {};
  const library = { photosVersion: 0, folders: [] } as unknown as LibraryState;
  const page = (summary: PlacesSummary) =>
    renderToStaticMarkup(
      <ClientContext.Provider value={client}>
        <PlacesScreen screen={{ kind: 'places' }} navigate={noop} library={library} showPlace={noop} showWithoutPlace={noop} places={{ summary, error: null }} />
      </ClientContext.Provider>,
    );

  it('draws a dot per town as a named button, biggest first, over the countries', () => {
    const html = renderToStaticMarkup(<PlaceMapCanvas summary={EUROPE} size={SIZE} onPlace={noop} />);
    const dots = [...html.matchAll(/<circle class="place-map__dot" data-index="(\d+)" data-place="[^"]*" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" style="--r:([\d.]+)" role="button" tabindex="(-?\d)" aria-label="([^"]*)"/g)];
    expect(dots.map((m) => m[7])).toEqual(['Arezzo, Italy: 9 photos', 'Madrid, Spain: 2 photos', 'Florence, Italy: 1 photo', 'Helsinki, Finland: 1 photo']);
    // One tab stop, the town with the most photos; the arrows reach the others.
    expect(dots.map((m) => m[6])).toEqual(['0', '-1', '-1', '-1']);
    expect(dots.map((m) => Number(m[1]))).toEqual([0, 1, 2, 3]);
    expect(dots.map((m) => Number(m[4]))).toEqual([12, dotRadius(2, 9), 4, 4].map((r) => Math.round(r * 1000) / 1000));
    expect(html.match(/class="place-map__country"/g)!.length).toBeGreaterThan(150);
    // Zoomed to the towns from the start, the 1:110m atlas.
    expect(html).toMatch(/data-atlas="110m"/);
    expect(Number(/data-zoom="([\d.]+)"/.exec(html)![1])).toBeGreaterThan(2);
    expect(html).toContain('aria-label="Zoom in"');
    expect(html).toContain('aria-label="Zoom out"');
    expect(html).toContain('>Whole world</button>');
  });

  it('is on the Places page above the countries when photos are located, and not without', () => {
    const html = page(EUROPE);
    expect(html).toContain('<div class="place-map" role="group" aria-label="Map of your places">');
    expect(html.indexOf('place-map')).toBeLessThan(html.indexOf('places__country'));
    expect(page({ countries: [], located: 0, unplaced: 3, withoutPlace: 0 })).not.toContain('place-map');
  });
});
