// Places in the browser over `shoebox serve` with the tiny colour model, on real photos with
// real GPS positions (../shared/photos/exif-samples, copied into a temp folder): nine taken
// in Arezzo, one in Florence, two in Madrid, one in Helsinki, two ImageNet photos without a
// position, and one written here with a position in mid-Atlantic (no town near it). The
// library starts with the two without: the Places page says how photos get there; the one at
// sea adds a note; once the located ones are added it lists Italy (10) before Spain (2) and
// Finland (1), Arezzo (9) before Florence (1), without a reload. A town card opens its timeline (exactly
// its photos, date headers), a country's header the whole country's (with the year rail);
// the viewer names the place and its link opens that place; the filter bar's Place narrows
// results; an album "taken in Italy" counts the Italian photos live in the editor.
// Screenshots: test-results/screenshots/places-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { tempDir } from '../helpers/images';
import { AREZZO, AREZZO_NEWEST_FIRST, copyPlacePhotos, FLORENCE, HELSINKI, MADRID, NO_GPS, placePhotosAvailable } from './helpers/place-photos';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const LOCATED = AREZZO.length + 1 + MADRID.length + 1;
/** Mid-Atlantic: a position, but no town within 50 km. */
const AT_SEA = 'at-sea.jpg';
const ALL = [...AREZZO, FLORENCE, ...MADRID, HELSINKI, ...NO_GPS, AT_SEA];

describe.skipIf(!hasChromium || !placePhotosAvailable)('places in the browser', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let located: string;
  let sea: string;
  /** The focused element's tag and its place (a card's), else its text; BODY when the focus fell to the page. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'BODY';
      return `${el.tagName} ${el.dataset['place'] ?? el.innerText}`;
    });

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-places-home-');
    const unlocated = tempDir('shoebox-e2e-places-nogps-');
    located = tempDir('shoebox-e2e-places-gps-');
    sea = tempDir('shoebox-e2e-places-sea-');
    await writeExifColourPhoto(sea, AT_SEA, [30, 60, 160], { taken: '2019:05:01 12:00:00', gps: { lat: 30, lon: -40 } });
    copyPlacePhotos(located, unlocated);
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ serve, page, errors } = session);
    await serve.call('addFolder', unlocated);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  // A test that failed with the viewer open must not take the next ones down with it.
  afterEach(async () => {
    if (await viewer().count()) await page.keyboard.press('Escape');
  });

  const sidebar = () => page.getByRole('navigation', { name: 'Library' });
  const placesEntry = () => sidebar().getByRole('button', { name: /^Places/ });
  const placesPage = () => page.getByRole('region', { name: 'Places', exact: true });
  const viewer = () => page.getByRole('dialog', { name: /^Photo viewer/ });
  const header = () => page.locator('.result-header');
  /** The Places page's countries, as their headers read: ["Italy 10 photos", ...]. */
  const countries = () => placesPage().locator('.places__country-button').allInnerTexts().then((texts) => texts.map((t) => t.replace(/\s+/g, ' ').trim()));
  /** One country's town cards, as they read: ["Arezzo 9 photos", ...]. */
  const towns = (country: string) =>
    placesPage()
      .getByRole('list', { name: `Towns in ${country}` })
      .getByRole('button')
      .allInnerTexts()
      .then((texts) => texts.map((t) => t.replace(/\s+/g, ' ').trim()));
  const sorted = (names: string[]) => [...names].sort();

  async function showPlaces(): Promise<void> {
    await placesEntry().click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Places', exact: true }).isVisible()).toBe(true);
  }

  it('without a located photo, Places says how photos get there and that nothing leaves the device', async () => {
    await page.goto(serve.url);
    await eventually(() => header().innerText(), 60_000).toContain(`${NO_GPS.length} photos`);
    await eventually(() => placesEntry().innerText()).toMatch(/^Places\s*0$/);
    await showPlaces();
    expect(await placesEntry().getAttribute('aria-pressed')).toBe('true');
    const empty = placesPage().locator('.places-empty');
    await eventually(() => empty.isVisible()).toBe(true);
    expect(await empty.getByRole('heading', { name: 'No places yet' }).isVisible()).toBe(true);
    expect(await empty.innerText()).toContain('Photos taken with location on (most phones record it) show up here');
    expect(await empty.innerText()).toContain('Nothing is sent anywhere: the town names come from a list built into Shoebox, offline.');
    expect(await placesPage().locator('.place-card').count()).toBe(0);
    expect(await placesPage().getByRole('note').count()).toBe(0);
    await screenshot(page, 'places-empty');
  });

  it('a photo with a position far from any town is not placed, and the page says so', async () => {
    await serve.call('addFolder', sea);
    // The note links to them (a mistyped position to set again): places-far-from-towns-ui.test.tsx.
    await eventually(() => placesPage().getByRole('note').innerText(), 60_000).toBe('1 photo has a position far from any town. Show them to fix their place');
    expect(await placesPage().locator('.places-empty').isVisible()).toBe(true);
    expect(await placesEntry().innerText()).toMatch(/^Places\s*0$/);
    await screenshot(page, 'places-empty-unplaced');
  });

  it('lists countries and towns, most photos first, as soon as located photos are indexed', async () => {
    await serve.call('addFolder', located);
    // No reload: the page follows the library (photos-changed).
    await eventually(countries, 90_000).toEqual(['Italy 10 photos', 'Spain 2 photos', 'Finland 1 photo']);
    expect(await placesPage().getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Italy')]));
    await eventually(() => towns('Italy')).toEqual(['Arezzo 9 photos', 'Florence 1 photo']);
    expect(await towns('Spain')).toEqual(['Madrid 2 photos']);
    expect(await towns('Finland')).toEqual(['Helsinki 1 photo']);
    await eventually(() => placesEntry().innerText()).toMatch(new RegExp(`^Places\\s*${LOCATED}$`));
    expect(await header().innerText()).toContain(`${LOCATED} photos in 3 countries`);
    expect(await placesPage().getByRole('note').innerText()).toBe('1 photo has a position far from any town. Show them to fix their place');
    expect(await placesPage().locator('.places-empty').count()).toBe(0);
    // Each card shows its town's newest photo.
    await eventually(() => placesPage().locator('.place-card__cover').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await screenshot(page, 'places-page');
  });

  it('a town card opens its timeline (Enter on it): exactly its photos, under date headers', async () => {
    // By keyboard: the card is a button (the map's dot is another: "Arezzo, Italy: 9 photos").
    await placesPage().getByRole('list', { name: 'Towns in Italy' }).getByRole('button', { name: /^Arezzo/ }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Arezzo, Italy', exact: true }).isVisible()).toBe(true);
    // The card went with the Places page: the keyboard is on the town's heading, not the page's body.
    await eventually(focused).toBe('H1 Arezzo, Italy');
    const grid = page.getByRole('region', { name: 'Arezzo, Italy', exact: true });
    await eventually(() => tileNames(grid)).toEqual(AREZZO_NEWEST_FIRST);
    expect(await header().innerText()).toContain('9 photos');
    expect(await grid.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['October 2008']);
    expect(await grid.getByRole('heading', { level: 3 }).count()).toBe(1);
    // Places stays the sidebar's current entry; All photos is not.
    expect(await placesEntry().getAttribute('aria-pressed')).toBe('true');
    expect(await sidebar().getByRole('button', { name: /^All photos/ }).getAttribute('aria-pressed')).toBe('false');
    await waitForThumbnails(page);
    await screenshot(page, 'places-town');
  });

  it('selects in a place timeline as in the others', async () => {
    const grid = page.getByRole('region', { name: 'Arezzo, Italy', exact: true });
    await grid.focus();
    await page.keyboard.press('ControlOrMeta+a');
    const bar = page.getByRole('toolbar', { name: 'Selected photos' });
    await eventually(() => bar.innerText()).toContain('9 photos selected');
    await page.keyboard.press('Escape');
    await eventually(() => bar.count()).toBe(0);
  });

  it('"All places" leads back, and a country header opens the whole country, with the year rail', async () => {
    // By keyboard: the focus goes back to the card the town was opened by.
    await page.getByRole('button', { name: '‹ All places' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Places', exact: true }).isVisible()).toBe(true);
    await eventually(focused).toBe('BUTTON Arezzo, Italy');
    await placesPage().getByRole('button', { name: /^Italy/ }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Italy', exact: true }).isVisible()).toBe(true);
    const grid = page.getByRole('region', { name: 'Italy', exact: true });
    await eventually(() => tileNames(grid)).toEqual([...AREZZO_NEWEST_FIRST, FLORENCE]);
    expect(await header().innerText()).toContain('10 photos');
    expect(await grid.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['October 2008', 'December 2005']);
    expect(await grid.getByRole('heading', { level: 3 }).count()).toBe(2);
    // Two years: the rail offers both.
    await eventually(() => page.locator('.scrubber__year').allInnerTexts()).toEqual(['2008', '2005']);
    await waitForThumbnails(page);
    await screenshot(page, 'places-country');
  });

  it("the viewer names the photo's place, and the name opens that place's timeline", async () => {
    await page.getByRole('button', { name: `Open ${FLORENCE}`, exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${FLORENCE}`);
    const link = viewer().getByRole('button', { name: 'Florence, Italy', exact: true });
    await eventually(() => link.isVisible()).toBe(true);
    expect(await viewer().locator('.metadata__row', { hasText: 'Location' }).innerText()).toMatch(/Florence, Italy\s+43\.78559, 11\.23462/);
    // ← steps to an Arezzo photo: its place follows.
    await page.keyboard.press('ArrowLeft');
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${AREZZO_NEWEST_FIRST[8]}`);
    const arezzo = viewer().getByRole('button', { name: 'Arezzo, Italy', exact: true });
    await eventually(() => arezzo.isVisible()).toBe(true);
    await screenshot(page, 'places-viewer');
    await arezzo.click();
    await eventually(() => viewer().count()).toBe(0);
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Arezzo, Italy', exact: true }).isVisible()).toBe(true);
    await eventually(() => tileNames(page.getByRole('region', { name: 'Arezzo, Italy', exact: true }))).toEqual(AREZZO_NEWEST_FIRST);
  });

  it('a photo without a position says so, one far from any town shows its position, and neither has a place link', async () => {
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    // The newest first: the two without a date (placed by their files' time), the one at sea (2019).
    await eventually(() => tileNames(page)).toEqual(expect.arrayContaining([...NO_GPS, AT_SEA, HELSINKI]));
    await page.getByRole('button', { name: `Open ${NO_GPS[0]}`, exact: true }).click();
    const location = viewer().locator('.metadata__row', { hasText: 'Location' });
    await eventually(() => location.innerText()).toMatch(/none recorded/);
    const placeLinks = () => viewer().locator('[title^="Show the photos taken in"]');
    expect(await placeLinks().count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `Open ${AT_SEA}`, exact: true }).click();
    await eventually(() => location.innerText()).toMatch(/^Location\s+30\.00000, -40\.00000\s+Edit$/); // Edit: its place can be set
    expect(await placeLinks().count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('the filter bar\'s Place narrows results to the photos taken there, with the library\'s places as suggestions', async () => {
    // "More like this" ranks the whole library (no relevance cut-off): every photo is a result.
    const tile = page.locator('.tile', { has: page.getByRole('button', { name: `Open ${HELSINKI}`, exact: true }) });
    await tile.hover();
    await tile.getByRole('button', { name: `More like ${HELSINKI}`, exact: true }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: `More like ${HELSINKI}` }).isVisible()).toBe(true);
    await eventually(async () => sorted(await tileNames(page))).toEqual(sorted(ALL));
    const filters = page.getByRole('group', { name: 'Filters' });
    const place = filters.getByRole('combobox', { name: 'Place', exact: true });
    // The suggestions are the field's own read of the library's places (PlaceInput's client.places()), apart from the results.
    const suggestions = () => place.evaluate((input) => [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
    await eventually(suggestions).toEqual(['Italy', 'Arezzo, Italy', 'Florence, Italy', 'Spain', 'Madrid, Spain', 'Finland', 'Helsinki, Finland']);
    await place.fill('Spain');
    await eventually(async () => sorted(await tileNames(page))).toEqual(MADRID);
    expect(await header().innerText()).toContain('2 results');
    await waitForThumbnails(page);
    await screenshot(page, 'places-search-filter');
    // Any town typed, case and accents aside, works too.
    await place.fill('florence');
    await eventually(() => tileNames(page)).toEqual([FLORENCE]);
    await place.fill('');
    await eventually(async () => sorted(await tileNames(page))).toEqual(sorted(ALL));
    // And so does a text search.
    await page.getByRole('searchbox').fill('red');
    await eventually(() => page.getByRole('heading', { name: 'Results for “red”' }).isVisible()).toBe(true);
    await place.fill('Finland');
    await eventually(() => tileNames(page)).toEqual([HELSINKI]);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    expect(await place.inputValue()).toBe('');
    await page.getByRole('searchbox').fill('');
    await eventually(() => page.getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
  });

  it('a search that names a place offers the photos taken there', async () => {
    await page.getByRole('searchbox').fill('madrid');
    await eventually(() => page.getByRole('heading', { name: 'Results for “madrid”' }).isVisible()).toBe(true);
    const offer = page.getByRole('button', { name: 'Photos taken in Madrid, Spain' });
    await eventually(() => offer.isVisible()).toBe(true);
    expect(await page.locator('.place-suggestion').innerText()).toContain('(2 photos, from their location)');
    await offer.click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Madrid, Spain' }).isVisible()).toBe(true);
    await eventually(async () => sorted(await tileNames(page))).toEqual(MADRID);
    // A query naming no place of the library offers nothing.
    await page.getByRole('searchbox').fill('red');
    await eventually(() => page.getByRole('heading', { name: 'Results for “red”' }).isVisible()).toBe(true);
    expect(await page.locator('.place-suggestion').count()).toBe(0);
    await page.getByRole('searchbox').fill('');
    await eventually(() => page.getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
  });

  it('an album "taken in Italy" counts the Italian photos live, and keeps its place when edited', async () => {
    await sidebar().getByRole('region', { name: 'Albums', exact: true }).getByRole('button', { name: 'New album' }).click();
    const editor = page.getByRole('form', { name: 'New album' });
    await eventually(() => editor.isVisible()).toBe(true);
    await editor.getByLabel('Name').fill('Italia');
    await editor.getByLabel('Query').fill('a photo');
    // Every photo passes this threshold: the place alone decides.
    await editor.getByLabel('Automatic').uncheck();
    await editor.getByLabel('Threshold', { exact: true }).fill('-1');
    const preview = editor.locator('.album-preview');
    await eventually(() => preview.innerText(), 20_000).toMatch(new RegExp(`${ALL.length} photos match`));
    const place = editor.getByLabel('taken in');
    // Its suggestions come from its own read of the library's places (PlaceInput's client.places()), apart from the preview.
    await eventually(() => place.evaluate((input) => [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value))).toContain('Arezzo, Italy');
    await place.fill('Italy');
    await eventually(() => preview.innerText(), 20_000).toMatch(/10 photos match/);
    await place.fill('Madrid, Spain');
    await eventually(() => preview.innerText(), 20_000).toMatch(/2 photos match/);
    await place.fill('Italy');
    await eventually(() => preview.innerText(), 20_000).toMatch(/10 photos match/);
    await screenshot(page, 'places-album-editor');
    await editor.getByRole('button', { name: 'Create album' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Italia', level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('.album-header__meta').innerText()).toContain('taken in Italy');
    await eventually(async () => sorted(await tileNames(page))).toEqual(sorted([...AREZZO, FLORENCE]));
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('form', { name: 'Edit album Italia' });
    await eventually(() => edit.getByLabel('taken in').inputValue()).toBe('Italy');
    await eventually(() => edit.locator('.album-preview').innerText(), 20_000).toMatch(/10 photos match/);
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('reads in the dark theme and in a narrow window', async () => {
    // The theme follows the system until chosen: the system turns dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await showPlaces();
    await eventually(countries).toEqual(['Italy 10 photos', 'Spain 2 photos', 'Finland 1 photo']);
    await screenshot(page, 'places-dark');
    await page.setViewportSize({ width: 760, height: 700 });
    // Cards wrap within the page: nothing sticks out sideways.
    const overflow = await placesPage().evaluate((el) => {
      const scroller = el.querySelector('.places') as HTMLElement;
      return scroller.scrollWidth - scroller.clientWidth;
    });
    expect(overflow).toBe(0);
    await screenshot(page, 'places-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});
