// Photos whose position is far from any town can be reached from Places, as "Without a place"
// can: the note is a link to their timeline (the core's `farFromTowns`, the rule the count
// uses), which has its own URL, title, way back to Places and empty text; the engine's
// argument check takes the option as it takes the others.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlacesSummary } from '../../../src/shared/api';
import { validateArgs } from '../../../src/shared/api-methods';
import { hidesArchived } from '../../../src/shared/archive-views';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { PlacesScreen } from '../../../src/renderer/components/places/PlacesScreen';
import { ResultHeader } from '../../../src/renderer/components/ResultHeader';
import { timelineOptions } from '../../../src/renderer/hooks/usePhotoSource';
import type { LibraryState } from '../../../src/renderer/hooks/useLibrary';
import { emptyViewText } from '../../../src/renderer/lib/empty-view';
import { hashToRoute, routeToHash } from '../../../src/renderer/lib/route';
import { PHOTOS_SCREEN } from '../../../src/renderer/lib/screen';
import { FAR_FROM_TOWNS_VIEW, viewKey, WITHOUT_PLACE_VIEW } from '../../../src/renderer/lib/view';

const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const withClient = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>);
const library = { photosVersion: 0, folders: [] } as unknown as LibraryState;
const noop = () => {};
const page = (summary: PlacesSummary) =>
  withClient(<PlacesScreen screen={{ kind: 'places' }} navigate={noop} library={library} showPlace={noop} showWithoutPlace={noop} showFarFromTowns={noop} places={{ summary, error: null }} />);

describe('photos far from any town', () => {
  it('are a link from the Places note, with or without towns on the page', () => {
    const link = '<button type="button" class="link-button" data-opens="far-from-towns">Show them to fix their place</button>';
    expect(page({ countries: [], located: 0, unplaced: 1, withoutPlace: 0 })).toContain(`1 photo has a position far from any town. ${link}`);
    expect(page({ countries: [], located: 0, unplaced: 2, unplacedVideos: 1, withoutPlace: 0 })).toContain(`1 photo, 1 video have a position far from any town. ${link}`);
  });

  it('have a timeline of their own: the core option, a URL, a title, a way back to Places', () => {
    expect(timelineOptions({ kind: 'library', folder: null, farFromTowns: true })).toMatchObject({ farFromTowns: true });
    const route = { screen: PHOTOS_SCREEN, view: FAR_FROM_TOWNS_VIEW, settings: null };
    expect(routeToHash(route)).toBe('#/far-from-towns');
    expect(hashToRoute('#/far-from-towns')).toEqual(route);
    expect(viewKey(FAR_FROM_TOWNS_VIEW)).not.toBe(viewKey(WITHOUT_PLACE_VIEW));
    const header = renderToStaticMarkup(<ResultHeader view={FAR_FROM_TOWNS_VIEW} count={1} countComplete loading={false} error={null} queryThumb={null} onBack={noop} onPlaces={noop} />);
    expect(header).toContain('Far from any town</h1>');
    expect(header).toContain('‹ All places');
    expect(header).toContain('Show all photos');
    expect(emptyViewText(FAR_FROM_TOWNS_VIEW)).toBe('No photo has a position far from any town (any more).');
  });

  it('keep their archived photos (a view narrowed on purpose), and the engine takes the option as a yes or no', () => {
    expect(hidesArchived({ farFromTowns: true })).toBe(false);
    expect(validateArgs('timeline', [{ farFromTowns: true }])).toEqual([{ farFromTowns: true }]);
    expect(() => validateArgs('timeline', [{ farFromTowns: 'yes' }])).toThrow(/farFromTowns/);
  });
});
