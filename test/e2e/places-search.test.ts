// A search that names a place, in the browser over `shoebox serve`: the app offers what
// `shoebox places QUERY` lists (the same core answer, places(query)), for the names people
// type ("usa", "UK", "paris, usa") and for a town found in two countries (Paris, France and
// Paris, Texas), which it offers as one place leading to all of them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { tempDir } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

const PARIS_FRANCE = ['paris-fr-1.jpg', 'paris-fr-2.jpg'];
const PARIS_TEXAS = ['paris-tx-1.jpg', 'paris-tx-2.jpg'];
const LONDON = ['london.jpg'];

describe.skipIf(!hasChromium)('a search naming a place', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-place-search-home-');
    const photos = tempDir('shoebox-e2e-place-search-');
    await writeExifColourPhoto(photos, PARIS_FRANCE[0]!, [200, 30, 30], { taken: '2020:05:01 12:00:00', gps: { lat: 48.8566, lon: 2.3522 } });
    await writeExifColourPhoto(photos, PARIS_FRANCE[1]!, [30, 200, 30], { taken: '2020:05:02 12:00:00', gps: { lat: 48.86, lon: 2.34 } });
    await writeExifColourPhoto(photos, PARIS_TEXAS[0]!, [30, 30, 200], { taken: '2021:05:01 12:00:00', gps: { lat: 33.6609, lon: -95.5555 } });
    await writeExifColourPhoto(photos, PARIS_TEXAS[1]!, [200, 200, 30], { taken: '2021:05:02 12:00:00', gps: { lat: 33.66, lon: -95.55 } });
    await writeExifColourPhoto(photos, LONDON[0]!, [30, 200, 200], { taken: '2022:05:01 12:00:00', gps: { lat: 51.5074, lon: -0.1278 } });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ serve, page } = session);
    await serve.call('addFolder', photos);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const offer = () => page.locator('.place-suggestion');
  /** What `shoebox places QUERY` lists: the timeline of that place. */
  const listed = async (query: string) => ((await serve.call('timeline', { place: query })) as { total: number }).total;

  async function search(query: string): Promise<void> {
    await page.getByRole('searchbox').fill(query);
    await eventually(() => page.getByRole('heading', { name: `Results for “${query}”` }).isVisible()).toBe(true);
  }

  it('offers a country by the names the CLI takes for it ("usa", "UK"), and a town with one ("paris, usa")', async () => {
    await page.goto(serve.url);
    await eventually(() => page.locator('.result-header').innerText(), 90_000).toContain('5 photos');
    await search('usa');
    await eventually(() => offer().innerText()).toBe('Photos taken in United States (2 photos, from their location)');
    expect(await listed('usa')).toBe(2);
    await search('UK');
    await eventually(() => offer().innerText()).toBe('Photos taken in United Kingdom (1 photo, from their location)');
    expect(await listed('UK')).toBe(1);
    await search('paris, usa');
    await eventually(() => offer().innerText()).toBe('Photos taken in Paris, United States (2 photos, from their location)');
    await page.getByRole('button', { name: 'Photos taken in Paris, United States' }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Paris, United States' }).isVisible()).toBe(true);
    await eventually(async () => (await tileNames(page)).sort()).toEqual(PARIS_TEXAS);
  });

  it('offers every Paris the CLI lists, as one place that leads to them all', async () => {
    await search('Paris');
    await eventually(() => offer().innerText()).toBe('Photos taken in Paris (4 photos, from their location: 2 in Paris, France; 2 in Paris, United States)');
    expect(await listed('Paris')).toBe(4);
    await screenshot(page, 'places-search-paris');
    await page.getByRole('button', { name: 'Photos taken in Paris', exact: true }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Paris', exact: true }).isVisible()).toBe(true);
    await eventually(async () => (await tileNames(page)).sort()).toEqual([...PARIS_FRANCE, ...PARIS_TEXAS].sort());
  });

  it('offers nothing for a query naming no place of the library', async () => {
    await search('Paris, Italy');
    await search('red');
    // Give a late answer time to show, then check none did.
    await page.waitForTimeout(1000);
    expect(await offer().count()).toBe(0);
  });
});
