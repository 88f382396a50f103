// Places in the UI, without a page: a photo's place as the filters take it, the place fields'
// suggestions, the Places page's lines and markup (countries in the engine's order, town
// cards, the note, the empty state), the viewer's place link, the place timeline's view and
// header, the sidebar entry, and the place as a search filter and an album filter.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Photo, PhotoDetails, PlacesSummary } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { PhotoMetadata } from '../../../src/renderer/components/PhotoMetadata';
import { PlacesScreen } from '../../../src/renderer/components/places/PlacesScreen';
import { ResultHeader } from '../../../src/renderer/components/ResultHeader';
import { Sidebar } from '../../../src/renderer/components/Sidebar';
import { emptyForm, formFilters, formFromAlbum, formToInput } from '../../../src/renderer/components/albums/album-form';
import { describeFilters } from '../../../src/renderer/components/albums/album-text';
import { timelineOptions } from '../../../src/renderer/hooks/usePhotoSource';
import type { LibraryState } from '../../../src/renderer/hooks/useLibrary';
import { hasFilters, NO_FILTERS, toSearchFilters } from '../../../src/renderer/lib/filters';
import { placeChoices, placesCountText, shownTowns, unplacedText } from '../../../src/renderer/lib/places';
import { placeLabel } from '../../../src/shared/place-name';
import { LIBRARY_VIEW, placeView, viewKey } from '../../../src/renderer/lib/view';

const photo = (id: string): Photo => ({ id, path: `/m/${id}.jpg`, folder: '/m', width: 4, height: 3, takenAt: null });

const SUMMARY: PlacesSummary = {
  countries: [
    {
      country: 'Italy',
      countryCode: 'IT',
      place: 'Italy',
      count: 10,
      cover: photo('a9'),
      towns: [
        { city: 'Arezzo', place: 'Arezzo, Italy', count: 9, cover: photo('a9'), lat: 43.47, lon: 11.88 },
        { city: 'Florence', place: 'Florence, Italy', count: 1, cover: photo('f1'), lat: 43.79, lon: 11.23 },
      ],
    },
    { country: 'Spain', countryCode: 'ES', place: 'Spain', count: 2, cover: photo('m2'), towns: [{ city: 'Madrid', place: 'Madrid, Spain', count: 2, cover: photo('m2'), lat: 40.45, lon: -3.72 }] },
    { country: 'Singapore', countryCode: 'SG', place: 'Singapore', count: 1, cover: photo('s1'), towns: [{ city: 'Singapore', place: 'Singapore', count: 1, cover: photo('s1'), lat: 1.28, lon: 103.86 }] },
  ],
  located: 13,
  unplaced: 0,
  withoutPlace: 0,
};

const client = { transport: 'websocket', imageUrl: (id: string, kind: string) => `/media/${kind}/${id}`, onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const withClient = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>);
const library = { photosVersion: 0, folders: [] } as unknown as LibraryState;
const noop = () => {};

const placesPage = (summary: PlacesSummary | null, error: string | null = null) =>
  withClient(<PlacesScreen screen={{ kind: 'places' }} navigate={noop} library={library} showPlace={noop} showWithoutPlace={noop} places={{ summary, error }} />);

function details(extra: Partial<PhotoDetails>): PhotoDetails {
  return { ...photo('x'), size: 1000, mtimeMs: 0, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, modelId: 'm', indexedAt: 0, tags: [], ...extra } as PhotoDetails;
}

describe('places in words', () => {
  it('names a photo\'s place as the engine labels a town: "town, country", a city-state once', () => {
    expect(placeLabel({ city: 'Arezzo', country: 'Italy', countryCode: 'IT' })).toBe('Arezzo, Italy');
    expect(placeLabel({ city: 'Reykjavík', country: 'Iceland', countryCode: 'IS' })).toBe('Reykjavík, Iceland');
    expect(placeLabel({ city: 'Singapore', country: 'Singapore', countryCode: 'SG' })).toBe('Singapore');
    expect(placeLabel({ city: 'Monaco', country: 'MONACO ', countryCode: 'MC' })).toBe('Monaco');
  });

  it('suggests each country, then its towns, in the engine\'s order, each place once, with its count', () => {
    expect(placeChoices(SUMMARY)).toEqual([
      { value: 'Italy', label: '10 photos' },
      { value: 'Arezzo, Italy', label: '9 photos' },
      { value: 'Florence, Italy', label: '1 photo' },
      { value: 'Spain', label: '2 photos' },
      { value: 'Madrid, Spain', label: '2 photos' },
      { value: 'Singapore', label: '1 photo' },
    ]);
    expect(placeChoices({ countries: [], located: 0, unplaced: 4, withoutPlace: 0 })).toEqual([]);
  });

  it('counts the page in words, and says how many photos are far from any town (none: nothing)', () => {
    expect(placesCountText(SUMMARY)).toBe('13 photos in 3 countries');
    expect(placesCountText({ ...SUMMARY, countries: SUMMARY.countries.slice(0, 1), located: 1 })).toBe('1 photo in 1 country');
    expect(unplacedText(0)).toBeNull();
    expect(unplacedText(1)).toBe('1 photo has a position far from any town.');
    expect(unplacedText(1234)).toBe(`${(1234).toLocaleString()} photos have a position far from any town.`);
  });

  it('shows a country\'s first towns until asked for all', () => {
    const towns = Array.from({ length: 30 }, (_, i) => ({ city: `T${i}`, place: `T${i}, Italy`, count: 1, cover: photo(`t${i}`), lat: 43, lon: 11 }));
    expect(shownTowns({ towns }, false)).toHaveLength(24);
    expect(shownTowns({ towns }, false)[0]!.city).toBe('T0');
    expect(shownTowns({ towns }, true)).toHaveLength(30);
    expect(shownTowns({ towns: towns.slice(0, 3) }, false)).toHaveLength(3);
  });
});

describe('the Places page', () => {
  it('lists the countries in the engine\'s order, each header a button, each town a card with its cover, name and count', () => {
    const html = placesPage(SUMMARY);
    expect(html).toContain('<h1 id="places-title" class="result-header__title" tabindex="-1">Places</h1>');
    expect(html).toContain('13 photos in 3 countries');
    const countries = [...html.matchAll(/<span class="places__country-name">([^<]*)<\/span><span class="places__country-count muted">([^<]*)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(countries).toEqual(['Italy 10 photos', 'Spain 2 photos', 'Singapore 1 photo']);
    expect(html).toMatch(/<h2 id="place-IT" class="places__country-head"><button type="button" class="places__country-button"/);
    const cards = [...html.matchAll(/<button type="button" class="place-card"[^>]*><img class="place-card__cover" src="([^"]*)"[^>]*\/><span class="place-card__name">([^<]*)<\/span><span class="place-card__count muted">([^<]*)<\/span><\/button>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(cards).toEqual([
      ['/media/thumb/a9', 'Arezzo', '9 photos'],
      ['/media/thumb/f1', 'Florence', '1 photo'],
      ['/media/thumb/m2', 'Madrid', '2 photos'],
      ['/media/thumb/s1', 'Singapore', '1 photo'],
    ]);
    expect(html).not.toContain('role="note"');
    expect(html).not.toContain('No places yet');
  });

  it('notes the photos far from any town', () => {
    expect(placesPage({ ...SUMMARY, unplaced: 3 })).toContain('<p class="places__note muted small" role="note">3 photos have a position far from any town.</p>');
    // Photos without a position: counted, with the way to them (to select and give a place).
    expect(placesPage({ ...SUMMARY, withoutPlace: 1 })).toContain('1 photo has no place (no position recorded or set). <button type="button" class="link-button" data-opens="without-place">Show them to add places</button>');
    expect(placesPage({ countries: [], located: 0, unplaced: 0, withoutPlace: 5 })).toContain('5 photos have no place');
    expect(placesPage(SUMMARY)).not.toContain('no place');
  });

  it('without a located photo, says how photos get there and that nothing is sent anywhere', () => {
    const html = placesPage({ countries: [], located: 0, unplaced: 0, withoutPlace: 0 });
    expect(html).toContain('No places yet');
    expect(html).toContain('Photos taken with location on (most phones record it) show up here');
    expect(html).toContain('Nothing is sent anywhere');
    expect(html).not.toContain('role="note"');
    expect(html).not.toContain('place-card');
    expect(placesPage({ countries: [], located: 0, unplaced: 2, withoutPlace: 0 })).toContain('2 photos have a position far from any town.');
  });

  it('says it is loading, then the engine\'s refusal', () => {
    expect(placesPage(null)).toContain('Loading…');
    expect(placesPage(null, 'The library is not reachable.')).toContain('<p class="form-error" role="alert">The library is not reachable.</p>');
  });
});

describe('a place in the viewer', () => {
  const arezzo = details({ gpsLat: 43.467448, gpsLon: 11.885127, place: { city: 'Arezzo', country: 'Italy', countryCode: 'IT' } });

  it('names the place as a button that opens it, above the coordinates', () => {
    const html = renderToStaticMarkup(<PhotoMetadata photo={arezzo} onPlace={noop} />);
    expect(html).toContain(
      '<dt>Location</dt><dd><span class="metadata__place"><button type="button" class="link-button" title="Show the photos taken in Arezzo, Italy">Arezzo, Italy</button><span class="muted small">43.46745, 11.88513</span></span></dd>',
    );
  });

  it('without a way to open it, the place is plain text; without a town, the coordinates; without GPS, none', () => {
    expect(renderToStaticMarkup(<PhotoMetadata photo={arezzo} />)).toContain('<span class="metadata__place"><span>Arezzo, Italy</span>');
    expect(renderToStaticMarkup(<PhotoMetadata photo={details({ gpsLat: 30, gpsLon: -40 })} onPlace={noop} />)).toContain('<dt>Location</dt><dd><span class="metadata__place"><span>30.00000, -40.00000</span></span></dd>');
    expect(renderToStaticMarkup(<PhotoMetadata photo={details({})} onPlace={noop} />)).toContain('<dt>Location</dt><dd><span class="metadata__place"><span>none recorded</span></span></dd>');
  });

  it('offers Edit (Add a place without a position) only where the library may be changed, and says a place set by hand', () => {
    const edit = async () => {};
    expect(renderToStaticMarkup(<PhotoMetadata photo={details({})} editPlace={edit} />)).toContain('<button type="button" class="link-button">Add a place</button>');
    expect(renderToStaticMarkup(<PhotoMetadata photo={arezzo} editPlace={edit} />)).toContain('aria-label="Edit place">Edit</button>');
    expect(renderToStaticMarkup(<PhotoMetadata photo={arezzo} />)).not.toContain('Edit place');
    const edited = renderToStaticMarkup(<PhotoMetadata photo={{ ...arezzo, placeEdited: { fileGpsLat: null, fileGpsLon: null } }} />);
    expect(edited).toContain('title="The file&#x27;s own position: none">set by hand</span>');
  });
});

describe("a place's timeline", () => {
  it('is its own list, asking the timeline for the place', () => {
    const arezzo = placeView('Arezzo, Italy');
    expect(viewKey(arezzo)).not.toBe(viewKey(LIBRARY_VIEW));
    expect(viewKey(arezzo)).not.toBe(viewKey(placeView('Italy')));
    expect(arezzo.kind === 'library' && timelineOptions(arezzo)).toMatchObject({ order: 'taken', place: 'Arezzo, Italy' });
    expect(LIBRARY_VIEW.kind === 'library' && timelineOptions(LIBRARY_VIEW)).not.toHaveProperty('place');
  });

  it('is titled by the place, with the ways back to the Places page and to all photos', () => {
    const header = (onPlaces?: () => void) =>
      renderToStaticMarkup(<ResultHeader view={placeView('Arezzo, Italy')} count={9} countComplete loading={false} error={null} queryThumb={null} onBack={noop} onPlaces={onPlaces} />);
    const html = header(noop);
    expect(html).toContain('<h1 class="result-header__title" tabindex="-1">Arezzo, Italy</h1>');
    expect(html).toContain('9 photos');
    expect(html).toMatch(/<button type="button" class="button result-header__places">‹ All places<\/button><button type="button" class="button">Show all photos<\/button>/);
    expect(renderToStaticMarkup(<ResultHeader view={LIBRARY_VIEW} count={9} countComplete loading={false} error={null} queryThumb={null} onBack={noop} onPlaces={noop} />)).not.toContain('All places');
  });

  it('the sidebar offers Places with the located count, pressed while a place is shown', () => {
    const sidebar = (places: boolean, placeCount: number | null) =>
      withClient(
        <Sidebar
          folders={[]}
          jobs={[]}
          sync={null}
          photos={15}
          folder={undefined}
          onShowFolder={noop}
          recent={false}
          onShowRecent={noop}
          favourites={false}
          favouriteCount={0}
          onShowFavourites={noop}
          places={places}
          placeCount={placeCount}
          onShowPlaces={noop}
        />,
      );
    expect(sidebar(true, 13)).toMatch(/<button type="button" class="sidebar__all sidebar__all--selected" aria-pressed="true" title="Photos by where they were taken"><span>Places<\/span><span class="muted">13<\/span><\/button>/);
    expect(sidebar(false, null)).toMatch(/aria-pressed="false" title="Photos by where they were taken"><span>Places<\/span><\/button>/);
  });
});

describe('the place as a filter', () => {
  it('a place typed in the filter bar narrows the search, trimmed; blank is no filter', () => {
    expect(toSearchFilters({ ...NO_FILTERS, place: '  Arezzo, Italy ' })).toEqual({ place: 'Arezzo, Italy' });
    expect(hasFilters({ ...NO_FILTERS, place: 'Spain' })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, place: '  ' })).toBe(false);
    expect(toSearchFilters({ ...NO_FILTERS, place: '  ' })).toBeUndefined();
    expect(toSearchFilters({ ...NO_FILTERS, place: 'Spain', favourite: true })).toEqual({ place: 'Spain', favourite: true });
  });

  it('an album "taken in" a place saves it, shows it when edited, and says it in its header', () => {
    expect(emptyForm().place).toBe('');
    const form = { ...emptyForm(), name: 'Italia', query: 'a photo', place: ' Italy ' };
    expect(formFilters(form)).toEqual({ place: 'Italy' });
    expect(formToInput(form)).toEqual({ name: 'Italia', query: 'a photo', filters: { place: 'Italy' } });
    expect(formToInput({ ...form, place: '' })).toEqual({ name: 'Italia', query: 'a photo' });
    const saved = { name: 'Italia', query: 'a photo', threshold: 0.2, thresholdAutomatic: true, filters: { place: 'Italy', favourite: true } };
    expect(formFromAlbum(saved as never)).toMatchObject({ place: 'Italy', favourite: true });
    expect(formFromAlbum({ ...saved, filters: {} } as never).place).toBe('');
    expect(describeFilters({ favourite: true, place: 'Arezzo, Italy' })).toBe('favourites · taken in Arezzo, Italy');
  });
});
