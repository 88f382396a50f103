// The Places page's world map in the browser over `shoebox serve` with the tiny colour model,
// on real photos with real GPS positions (../shared/photos/exif-samples: nine taken in Arezzo,
// one in Florence, two in Madrid, one in Helsinki) and four written here with positions in
// Tokyo (3) and New York (1). The library starts with two photos without a position: no map.
// Once the European ones are in, the map (no reload) has a dot per town named "Arezzo, Italy:
// 9 photos", bigger for more photos, framed on the towns with the 1:50m atlas loaded only then;
// hover and focus show the town, country and count; the map is one tab stop, the arrows going
// from town to town; a click, Enter or Space opens the town's timeline; + / −, ctrl + wheel around the pointer and a drag move the view (dots keep their
// size); "Whole world" frames the world and "Fit my places" comes back. Tokyo and New York
// join live, zooming the map out, where Florence lies on Arezzo and the one on top still
// answers to the pointer. The dark theme draws it too, with no console error (so no CSP
// violation). Screenshots: test-results/screenshots/places-map-*.png.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { tempDir } from '../helpers/images';
import { AREZZO_NEWEST_FIRST, copyPlacePhotos, FLORENCE, NO_GPS, placePhotosAvailable } from './helpers/place-photos';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const EUROPE_DOTS = ['Arezzo, Italy: 9 photos', 'Madrid, Spain: 2 photos', 'Florence, Italy: 1 photo', 'Helsinki, Finland: 1 photo'];
const WORLD_DOTS = ['Arezzo, Italy: 9 photos', 'Tokyo, Japan: 3 photos', 'Madrid, Spain: 2 photos', 'Florence, Italy: 1 photo', 'Helsinki, Finland: 1 photo', 'New York City, United States: 1 photo'];

interface Circle {
  x: number;
  y: number;
  r: number;
}

describe.skipIf(!hasChromium || !placePhotosAvailable)('the places map in the browser', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let located: string;
  let far: string;
  const requests: string[] = [];

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-placemap-home-');
    const unlocated = tempDir('shoebox-e2e-placemap-nogps-');
    located = tempDir('shoebox-e2e-placemap-gps-');
    far = tempDir('shoebox-e2e-placemap-far-');
    copyPlacePhotos(located, unlocated);
    for (let i = 0; i < 3; i += 1) await writeExifColourPhoto(far, `tokyo-${i}.jpg`, [200, 40 + 40 * i, 60], { taken: `2023:04:0${i + 1} 10:00:00`, gps: { lat: 35.6895 + i * 0.001, lon: 139.6917 } });
    await writeExifColourPhoto(far, 'new-york.jpg', [40, 90, 200], { taken: '2022:09:12 16:00:00', gps: { lat: 40.7128, lon: -74.006 } });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ serve, page, errors } = session);
    page.on('request', (request) => requests.push(request.url()));
    await serve.call('addFolder', unlocated);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(async () => {
    await page.mouse.move(1, 1);
  });

  const sidebar = () => page.getByRole('navigation', { name: 'Library' });
  const placesEntry = () => sidebar().getByRole('button', { name: /^Places/ });
  const placesPage = () => page.getByRole('region', { name: 'Places', exact: true });
  const map = () => placesPage().getByRole('group', { name: 'Map of your places' });
  const svg = () => map().locator('svg.place-map__svg');
  const dot = (label: string) => map().getByRole('button', { name: label, exact: true });
  const tooltip = () => map().getByRole('tooltip');
  const dotLabels = () => map().locator('.place-map__dot').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const zoom = async () => Number(await svg().getAttribute('data-zoom'));
  const atlas = () => svg().getAttribute('data-atlas');
  const fiftyRequested = () => requests.some((url) => /countries-50m/.test(url));

  /** A dot's centre and radius on the page (its geometry: the outline's stroke left out). */
  function circle(locator: Locator): Promise<Circle> {
    return locator.evaluate((el) => {
      const dot = el as SVGCircleElement;
      const m = dot.getScreenCTM()!;
      const box = dot.getBBox();
      return { x: (box.x + box.width / 2) * m.a + m.e, y: (box.y + box.height / 2) * m.d + m.f, r: (box.width / 2) * m.a };
    });
  }
  async function circles(labels: string[]): Promise<Record<string, Circle>> {
    const out: Record<string, Circle> = {};
    for (const label of labels) out[label] = await circle(dot(label));
    return out;
  }
  const distance = (a: Circle, b: Circle) => Math.hypot(a.x - b.x, a.y - b.y);
  async function svgBox() {
    const box = await svg().boundingBox();
    if (!box) throw new Error('no map');
    return box;
  }
  const within = (c: Circle, box: { x: number; y: number; width: number; height: number }) => c.x >= box.x && c.x <= box.x + box.width && c.y >= box.y && c.y <= box.y + box.height;

  async function showPlaces(): Promise<void> {
    await placesEntry().click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Places', exact: true }).isVisible()).toBe(true);
  }

  async function backToPlaces(): Promise<void> {
    await page.getByRole('button', { name: '‹ All places' }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Places', exact: true }).isVisible()).toBe(true);
    await eventually(dotLabels).toEqual(EUROPE_DOTS);
  }

  /** Waits for a place's timeline and checks it holds exactly these photos. */
  async function expectTimeline(place: string, photos: string[]): Promise<void> {
    await eventually(() => page.getByRole('heading', { level: 1, name: place, exact: true }).isVisible()).toBe(true);
    await eventually(() => tileNames(page.getByRole('region', { name: place, exact: true }))).toEqual(photos);
  }

  it('has no map while no photo has a position', async () => {
    await page.goto(serve.url);
    await eventually(() => page.locator('.result-header').innerText(), 60_000).toContain(`${NO_GPS.length} photos`);
    await showPlaces();
    await eventually(() => placesPage().locator('.places-empty').isVisible()).toBe(true);
    expect(await map().count()).toBe(0);
    expect(await page.locator('.place-map').count()).toBe(0);
  });

  it('draws a dot per town as soon as located photos are indexed, named and sized by their photos, framed on the towns', async () => {
    await serve.call('addFolder', located);
    // No reload: the page follows the library.
    await eventually(dotLabels, 90_000).toEqual(EUROPE_DOTS);
    // Above the countries.
    const mapBox = await svgBox();
    const firstCountry = await placesPage().locator('.places__country').first().boundingBox();
    expect(mapBox.y + mapBox.height).toBeLessThanOrEqual(firstCountry!.y);
    const dots = await circles(EUROPE_DOTS);
    const [arezzo, madrid, florence, helsinki] = EUROPE_DOTS.map((label) => dots[label]!);
    // Bigger for more photos: area ∝ photos (4 px per √photo in a library this small).
    expect(arezzo!.r).toBeGreaterThan(madrid!.r);
    expect(madrid!.r).toBeGreaterThan(florence!.r);
    expect(arezzo!.r).toBeCloseTo(12, 1);
    expect(madrid!.r).toBeCloseTo(4 * Math.SQRT2, 1);
    expect(florence!.r).toBeCloseTo(4, 1);
    expect(helsinki!.r).toBeCloseTo(4, 1);
    // Where they are: north up, west left; Florence just north-west of Arezzo.
    expect(helsinki!.y).toBeLessThan(arezzo!.y);
    expect(madrid!.x).toBeLessThan(arezzo!.x);
    expect(helsinki!.x).toBeGreaterThan(arezzo!.x);
    expect(florence!.x).toBeLessThan(arezzo!.x);
    expect(florence!.y).toBeLessThan(arezzo!.y);
    // Framed on the towns: all on the map, spread over most of it (Madrid to Helsinki).
    for (const c of [arezzo, madrid, florence, helsinki]) expect(within(c!, mapBox)).toBe(true);
    expect(Math.max((helsinki!.x - madrid!.x) / mapBox.width, (madrid!.y - helsinki!.y) / mapBox.height)).toBeGreaterThan(0.7);
    expect(await zoom()).toBeGreaterThan(3);
    // Zoomed past 3, the 1:50m coasts: a chunk of its own, fetched only now.
    await eventually(atlas).toBe('50m');
    expect(fiftyRequested()).toBe(true);
    await screenshot(page, 'places-map-europe');
  });

  it('the 1:50m atlas was not part of the first page', () => {
    // Fetched on its own, after the page's own script (which does not hold it).
    const index = requests.findIndex((url) => /countries-50m/.test(url));
    expect(index).toBeGreaterThan(0);
    const scripts = requests.slice(0, index).filter((url) => /\.js(\?|$)/.test(url));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((url) => /countries-50m/.test(url))).toBe(false);
  });

  it('shows the town, country and count on hover and on focus', async () => {
    const arezzo = await circle(dot(EUROPE_DOTS[0]!));
    // Hover the side of Arezzo's dot away from Florence (which lies on its top left).
    await page.mouse.move(arezzo.x + arezzo.r * 0.6, arezzo.y + arezzo.r * 0.6);
    await eventually(() => tooltip().isVisible()).toBe(true);
    expect((await tooltip().innerText()).split('\n')).toEqual(['Arezzo', 'Italy · 9 photos']);
    // Above the dot.
    const tip = await tooltip().boundingBox();
    expect(tip!.y + tip!.height).toBeLessThanOrEqual(arezzo.y - arezzo.r + 1);
    expect(Math.abs(tip!.x + tip!.width / 2 - arezzo.x)).toBeLessThan(2);
    await screenshot(page, 'places-map-tooltip');
    await page.mouse.move(1, 1);
    await eventually(() => tooltip().count()).toBe(0);
    // The keyboard: the map is one tab stop (the town with the most photos first), after its
    // zoom buttons; focus shows the tooltip.
    await map().getByRole('button', { name: 'Whole world', exact: true }).focus();
    await page.keyboard.press('Tab');
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
    expect(await focusedLabel()).toBe('Arezzo, Italy: 9 photos');
    await eventually(() => tooltip().innerText()).toBe('Arezzo\nItaly · 9 photos');
    // The arrows go from town to town as they lie on the map: west of Arezzo is Florence, then Madrid, then nothing.
    const keys: [string, string][] = [
      ['ArrowLeft', 'Florence, Italy: 1 photo'],
      ['ArrowLeft', 'Madrid, Spain: 2 photos'],
      ['ArrowLeft', 'Madrid, Spain: 2 photos'],
      ['ArrowUp', 'Florence, Italy: 1 photo'],
      ['ArrowUp', 'Helsinki, Finland: 1 photo'],
      ['Home', 'Arezzo, Italy: 9 photos'],
      ['End', 'Helsinki, Finland: 1 photo'],
      ['ArrowDown', 'Arezzo, Italy: 9 photos'],
      ['ArrowLeft', 'Florence, Italy: 1 photo'],
    ];
    for (const [key, label] of keys) {
      await page.keyboard.press(key);
      expect(await focusedLabel(), key).toBe(label);
    }
    await eventually(() => tooltip().innerText()).toBe('Florence\nItaly · 1 photo');
    await screenshot(page, 'places-map-keyboard');
    // Tab leaves the map for the note under it (this library has photos without a place), then
    // the countries; Shift+Tab comes back to the town focused last.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show them to add places');
    await eventually(() => tooltip().count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Italy10 photos');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Florence, Italy: 1 photo');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await eventually(() => tooltip().count()).toBe(0);
  });

  it('a click on a dot opens its town, as the card does; so do Enter and Space', async () => {
    await dot(EUROPE_DOTS[0]!).click();
    await expectTimeline('Arezzo, Italy', AREZZO_NEWEST_FIRST);
    expect(await page.locator('.result-header').innerText()).toContain('9 photos');
    await backToPlaces();
    await dot(EUROPE_DOTS[0]!).focus();
    await page.keyboard.press('Enter');
    await expectTimeline('Arezzo, Italy', AREZZO_NEWEST_FIRST);
    // The dot went with the map: the keyboard is on the town's heading, not the page's body.
    const focused = () => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : `${document.activeElement?.tagName.toLowerCase()} ${document.activeElement?.getAttribute('aria-label') ?? (document.activeElement as HTMLElement | null)?.innerText}`));
    await eventually(focused).toBe('h1 Arezzo, Italy');
    // "‹ All places" by keyboard: back on the dot it went in by.
    await page.getByRole('button', { name: '‹ All places' }).focus();
    await page.keyboard.press('Enter');
    await eventually(focused).toBe(`circle ${EUROPE_DOTS[0]!}`);
    await eventually(dotLabels).toEqual(EUROPE_DOTS);
    await dot(EUROPE_DOTS[2]!).focus();
    await page.keyboard.press(' ');
    await expectTimeline('Florence, Italy', [FLORENCE]);
    await backToPlaces();
  });

  it('zooms in and out with the buttons: towns move apart and together, dots keep their size', async () => {
    const before = await circles(EUROPE_DOTS);
    const k = await zoom();
    await map().getByRole('button', { name: 'Zoom in', exact: true }).click();
    await eventually(zoom).toBeCloseTo(2 * k, 2);
    const zoomed = await circles(EUROPE_DOTS);
    const [a, m] = [EUROPE_DOTS[0]!, EUROPE_DOTS[1]!];
    expect(distance(zoomed[a]!, zoomed[m]!)).toBeCloseTo(2 * distance(before[a]!, before[m]!), 0);
    for (const label of EUROPE_DOTS) expect(zoomed[label]!.r).toBeCloseTo(before[label]!.r, 1);
    await map().getByRole('button', { name: 'Zoom out', exact: true }).click();
    await eventually(zoom).toBeCloseTo(k, 2);
    const back = await circles(EUROPE_DOTS);
    expect(distance(back[a]!, back[m]!)).toBeCloseTo(distance(before[a]!, before[m]!), 0);
  });

  it('ctrl + wheel zooms around the pointer, a plain wheel leaves the map alone, a double click zooms', async () => {
    const [a, m] = [EUROPE_DOTS[0]!, EUROPE_DOTS[1]!];
    const before = await circles([a, m]);
    const k = await zoom();
    await page.mouse.move(before[a]!.x, before[a]!.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await eventually(zoom).toBeCloseTo(2 * k, 2);
    const after = await circles([a, m]);
    // Arezzo stays under the pointer; Madrid moves away from it.
    expect(Math.abs(after[a]!.x - before[a]!.x)).toBeLessThan(1.5);
    expect(Math.abs(after[a]!.y - before[a]!.y)).toBeLessThan(1.5);
    expect(distance(after[a]!, after[m]!)).toBeCloseTo(2 * distance(before[a]!, before[m]!), 0);
    expect(after[a]!.r).toBeCloseTo(before[a]!.r, 1);
    await screenshot(page, 'places-map-zoomed');
    // A plain wheel scrolls the page, not the map, and says how to zoom it.
    await page.mouse.wheel(0, 100);
    await eventually(() => map().locator('.place-map__hint').isVisible()).toBe(true);
    expect(await zoom()).toBeCloseTo(2 * k, 2);
    await placesPage().locator('.places').evaluate((el) => el.scrollTo(0, 0));
    // A double click away from the dots (east of Arezzo) zooms in there too.
    const arezzo = await circle(dot(a));
    await page.mouse.dblclick(arezzo.x + 40, arezzo.y);
    await eventually(zoom).toBeCloseTo(4 * k, 2);
    // Arezzo was 40 px west of the pointer: now 80 (within the pointer's whole pixels).
    const closer = await circle(dot(a));
    expect(Math.abs(closer.x - (arezzo.x - 40))).toBeLessThan(1.5);
    expect(Math.abs(closer.y - arezzo.y)).toBeLessThan(1.5);
    expect(await page.getByRole('heading', { level: 1, name: 'Places', exact: true }).isVisible()).toBe(true);
  });

  it('a drag pans the map without opening a town', async () => {
    const a = EUROPE_DOTS[0]!;
    const before = await circle(dot(a));
    // Start on Arezzo's dot itself: a drag from a dot is a pan, not a click.
    await page.mouse.move(before.x + 3, before.y + 3);
    await page.mouse.down();
    for (let i = 1; i <= 6; i += 1) await page.mouse.move(before.x + 3 - 15 * i, before.y + 3 + 8 * i);
    await page.mouse.up();
    const after = await circle(dot(a));
    expect(after.x - before.x).toBeCloseTo(-90, 0);
    expect(after.y - before.y).toBeCloseTo(48, 0);
    expect(await page.getByRole('heading', { level: 1, name: 'Places', exact: true }).isVisible()).toBe(true);
    // The zoom is as it was.
    expect(after.r).toBeCloseTo(before.r, 1);
  });

  it('"Whole world" frames the world with the 1:110m atlas; "Fit my places" frames the towns again', async () => {
    await map().getByRole('button', { name: 'Whole world', exact: true }).click();
    await eventually(zoom).toBe(1);
    await eventually(atlas).toBe('110m');
    // The world's outline fills the map's width or height (less its 8 px margin) and sits in the middle.
    const mapBox = await svgBox();
    const world = await map().locator('.place-map__sphere').boundingBox();
    expect(world!.x).toBeGreaterThanOrEqual(mapBox.x);
    expect(world!.x + world!.width).toBeLessThanOrEqual(mapBox.x + mapBox.width + 0.5);
    expect(Math.max(mapBox.width - world!.width, mapBox.height - world!.height)).toBeGreaterThan(0);
    expect(Math.min(mapBox.width - world!.width, mapBox.height - world!.height)).toBeCloseTo(16, 0);
    expect(world!.x + world!.width / 2).toBeCloseTo(mapBox.x + mapBox.width / 2, 0);
    // Europe is small now; Zoom out has nowhere to go.
    const dots = await circles(EUROPE_DOTS);
    expect(distance(dots[EUROPE_DOTS[1]!]!, dots[EUROPE_DOTS[3]!]!)).toBeLessThan(mapBox.width * 0.12);
    expect(await map().getByRole('button', { name: 'Zoom out', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'places-map-world');
    await map().getByRole('button', { name: 'Fit my places', exact: true }).click();
    await eventually(zoom).toBeGreaterThan(3);
    await eventually(() => map().getByRole('button', { name: 'Whole world', exact: true }).isVisible()).toBe(true);
  });

  it('follows the library: towns on other continents join, the map zooms out to take them, the dot on top answers the pointer', async () => {
    await serve.call('addFolder', far);
    await eventually(dotLabels, 90_000).toEqual(WORLD_DOTS);
    // Framed again, wider: Tokyo east, New York west, all on the map.
    await eventually(zoom).toBeLessThan(2.5);
    const mapBox = await svgBox();
    const dots = await circles(WORLD_DOTS);
    const [arezzo, tokyo, madrid, florence, , newYork] = WORLD_DOTS.map((label) => dots[label]!);
    for (const c of Object.values(dots)) expect(within(c, mapBox)).toBe(true);
    expect(tokyo!.x).toBeGreaterThan(arezzo!.x);
    expect(newYork!.x).toBeLessThan(madrid!.x);
    expect(tokyo!.r).toBeGreaterThan(madrid!.r);
    // Florence's dot lies on Arezzo's, smaller and on top: under the pointer it is Florence...
    expect(distance(arezzo!, florence!)).toBeLessThan(arezzo!.r);
    await page.mouse.move(florence!.x, florence!.y);
    await eventually(() => tooltip().innerText()).toBe('Florence\nItaly · 1 photo');
    // ...and Arezzo around it.
    const away = { x: arezzo!.x - (florence!.x - arezzo!.x), y: arezzo!.y - (florence!.y - arezzo!.y) };
    const len = Math.hypot(away.x - arezzo!.x, away.y - arezzo!.y) || 1;
    await page.mouse.move(arezzo!.x + ((away.x - arezzo!.x) / len) * arezzo!.r * 0.7, arezzo!.y + ((away.y - arezzo!.y) / len) * arezzo!.r * 0.7);
    await eventually(() => tooltip().innerText()).toBe('Arezzo\nItaly · 9 photos');
    await screenshot(page, 'places-map-world-towns');
    await page.mouse.click(florence!.x, florence!.y);
    await expectTimeline('Florence, Italy', [FLORENCE]);
    await page.getByRole('button', { name: '‹ All places' }).click();
    await eventually(dotLabels).toEqual(WORLD_DOTS);
  });

  it('reads in the dark theme', async () => {
    const fills = () =>
      map().evaluate((el) => {
        const fill = (selector: string) => getComputedStyle(el.querySelector(selector)!).fill;
        return { sea: fill('.place-map__sphere'), land: fill('.place-map__country'), dot: fill('.place-map__dot') };
      });
    const light = await fills();
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(async () => (await fills()).land).not.toBe(light.land);
    const dark = await fills();
    expect(dark.sea).not.toBe(light.sea);
    expect(dark.dot).not.toBe(light.dot);
    // Land and sea differ in both.
    expect(light.land).not.toBe(light.sea);
    expect(dark.land).not.toBe(dark.sea);
    await screenshot(page, 'places-map-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});
