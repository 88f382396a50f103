// Favourites in the UI, without a page: the tile's heart (favourites only, and beside a
// video's length, not instead of it), the viewer's toggle state (what was set here wins
// over the listing until it catches up; a failed write puts back exactly what was there),
// the result lines, and the filter bar's "Favourites only" as the engine's filter.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { FavouriteButton } from '../../../src/renderer/components/FavouriteButton';
import { PhotoTile } from '../../../src/renderer/components/PhotoTile';
import { archiveResultText } from '../../../src/renderer/lib/archive';
import { favouritesResultText, revertOverride, shownFavourite, withOverride } from '../../../src/renderer/lib/favourites';
import { hasFilters, NO_FILTERS, toSearchFilters } from '../../../src/renderer/lib/filters';

const PHOTO = { id: 'p1', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } satisfies Photo;
const FAVOURITE = { ...PHOTO, id: 'p2', favourite: true } satisfies Photo;
const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;

const tile = (photo: Photo) => renderToStaticMarkup(<PhotoTile photo={photo} index={0} size={160} thumbUrl="/thumb/x" score={null} onOpen={() => {}} onMoreLikeThis={() => {}} />);

describe('favourites in the UI', () => {
  it("hearts a favourite's tile, named Favourite, and no other tile", () => {
    expect(tile(FAVOURITE)).toMatch(/<span class="tile__mark tile__favourite" role="img" aria-label="Favourite" title="Favourite">♥<\/span>/);
    expect(tile(PHOTO)).not.toContain('tile__favourite');
  });

  it("keeps a favourite video's length badge, right after the heart (the CSS moves it over)", () => {
    const html = tile({ ...FAVOURITE, kind: 'video', duration: 83 });
    expect(html).toMatch(/class="tile__mark tile__favourite"[^]*?<\/span><span class="tile__duration"/);
  });

  it('the viewer shows what was set here until the listing agrees, and a failed write puts back what was there', () => {
    const none = new Map<string, boolean>();
    expect(shownFavourite(PHOTO, none)).toBe(false);
    expect(shownFavourite(FAVOURITE, none)).toBe(true);
    const set = withOverride(none, PHOTO.id, true);
    expect(shownFavourite(PHOTO, set)).toBe(true);
    expect(shownFavourite(FAVOURITE, set)).toBe(true);
    expect(none.size).toBe(0); // state is never changed in place
    expect(shownFavourite(PHOTO, revertOverride(set, PHOTO.id, undefined))).toBe(false);
    const unset = withOverride(set, FAVOURITE.id, false);
    expect(shownFavourite(FAVOURITE, unset)).toBe(false);
    expect(shownFavourite(PHOTO, revertOverride(withOverride(set, PHOTO.id, false), PHOTO.id, true))).toBe(true);
  });

  it('the toggle says its state with aria-pressed and a filled or empty heart', () => {
    const toggle = (on: boolean) =>
      renderToStaticMarkup(
        <ClientContext.Provider value={client}>
          <FavouriteButton photo={PHOTO} favourites={{ isFavourite: () => on, toggle: () => {}, error: null }} />
        </ClientContext.Provider>,
      );
    expect(toggle(true)).toMatch(/aria-pressed="true"[^>]*>.*♥.*Favourite<\/button>/);
    expect(toggle(false)).toMatch(/aria-pressed="false"[^>]*>.*♡.*Favourite<\/button>/);
  });

  it('says what a batch did, the photos gone from the library included', () => {
    expect(favouritesResultText({ done: 3, missing: 0 }, true)).toBe('Added 3 photos to favourites.');
    expect(favouritesResultText({ done: 1, missing: 2 }, false)).toBe('Removed 1 photo from favourites. 2 photos no longer in the library.');
  });

  it('says the copies the heart went to as well (favourites are kept by content)', () => {
    expect(favouritesResultText({ done: 2, missing: 0, copies: 1 }, true)).toBe('Added 2 photos (and 1 copy of them) to favourites.');
    expect(favouritesResultText({ done: 1, missing: 0, copies: 2 }, false)).toBe('Removed 1 photo (and 2 copies of it) from favourites.');
  });

  it('counts apart the photos that had the mark already: a heart set before is not "added"', () => {
    expect(favouritesResultText({ done: 3, missing: 0, unchanged: 1 }, true)).toBe('Added 2 photos to favourites. 1 photo already was.');
    expect(favouritesResultText({ done: 3, missing: 0, unchanged: 2 }, false)).toBe('Removed 1 photo from favourites. 2 photos were not favourites.');
    expect(archiveResultText({ done: 2, missing: 1, unchanged: 1 }, true)).toBe('Archived 1 photo. 1 photo was already archived. 1 photo no longer in the library.');
  });

  it('"Favourites only" asks for favourites; unchecked asks nothing (not "only the others")', () => {
    expect(toSearchFilters({ ...NO_FILTERS, favourite: true })).toEqual({ favourite: true });
    expect(hasFilters({ ...NO_FILTERS, favourite: true })).toBe(true);
    expect(toSearchFilters({ ...NO_FILTERS, favourite: false })).toBeUndefined();
    expect(toSearchFilters({ ...NO_FILTERS, favourite: true, camera: 'canon' })).toEqual({ camera: 'canon', favourite: true });
  });
});
