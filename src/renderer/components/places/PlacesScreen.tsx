// The Places page: the library's photos by where they were taken, named offline from their
// GPS positions (src/core/places). One section per country, most photos first, whose header
// opens the country's timeline, with a card per town (its newest photo, its name and count)
// that opens the town's, under a world map with a dot per town (PlaceMap.tsx). The page
// follows the library (usePlaces refreshes on photos-changed).
import { useState } from 'react';
import type { PlaceCountry } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import type { PlacesState } from '../../hooks/usePlaces';
import { useViewingOnly } from '../../hooks/useViewingOnly';
import { formatCount } from '../../lib/format';
import { itemsText } from '../../../shared/count-text';
import { shownTowns } from '../../lib/places';
import { farFromTownsText, placeItemsText, placesItemsText } from './place-counts-text';
import type { ScreenProps } from '../../lib/screen';
import { PlaceMap } from './PlaceMap';

interface PlacesScreenProps extends ScreenProps {
  places: PlacesState;
}

export function PlacesScreen({ places, showPlace, showWithoutPlace, showFarFromTowns }: PlacesScreenProps) {
  const { summary, error } = places;
  const farText = summary ? farFromTownsText(summary) : null;
  // A link to them, as "Without a place" is: a mistyped position is found there and set again.
  const note = farText && showFarFromTowns ? <FarFromTowns text={farText} onShow={showFarFromTowns} /> : farText;
  const without = summary && summary.withoutPlace > 0 ? <WithoutPlace count={summary.withoutPlace} videos={summary.withoutPlaceVideos ?? 0} onShow={showWithoutPlace} /> : null;
  return (
    <section className="places-screen" aria-labelledby="places-title">
      <div className="result-header">
        <h1 id="places-title" className="result-header__title" tabIndex={-1}>
          Places
        </h1>
        <span className="muted" aria-live="polite">
          {summary ? (summary.located > 0 ? placesItemsText(summary) : '') : error ? '' : 'Loading…'}
        </span>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {summary && summary.located === 0 && (
        <div className="empty-state places-empty">
          <h2>No places yet</h2>
          <p>Photos taken with location on (most phones record it) show up here, grouped by the country and town where they were taken.</p>
          <p>Nothing is sent anywhere: the town names come from a list built into Shoebox, offline.</p>
          {note && (
            <p className="small" role="note">
              {note}
            </p>
          )}
          {without}
        </div>
      )}
      {summary && summary.located > 0 && (
        <div className="places">
          <PlaceMap summary={summary} onPlace={showPlace} />
          {note && (
            <p className="places__note muted small" role="note">
              {note}
            </p>
          )}
          {without}
          {summary.countries.map((country) => (
            <CountrySection key={country.countryCode} country={country} showPlace={showPlace} />
          ))}
        </div>
      )}
    </section>
  );
}

function CountrySection({ country, showPlace }: { country: PlaceCountry; showPlace: (place: string) => void }) {
  const client = useClient();
  const [expanded, setExpanded] = useState(false);
  const towns = shownTowns(country, expanded);
  const headingId = `place-${country.countryCode}`;
  return (
    <section className="places__country" aria-labelledby={headingId}>
      <h2 id={headingId} className="places__country-head">
        <button type="button" className="places__country-button" data-place={country.place} title={`Show the ${placeItemsText(country)} taken in ${country.country}`} onClick={() => showPlace(country.place)}>
          <span className="places__country-name">{country.country}</span>
          <span className="places__country-count muted">{placeItemsText(country)}</span>
        </button>
      </h2>
      <ul className="places__towns" aria-label={`Towns in ${country.country}`}>
        {towns.map((town) => (
          <li key={town.place}>
            <button type="button" className="place-card" data-place={town.place} title={`Show the photos taken in ${town.place}`} onClick={() => showPlace(town.place)}>
              <img className="place-card__cover" src={client.imageUrl(town.cover.id, 'thumb', town.cover.rotation)} alt="" loading="lazy" decoding="async" draggable={false} />
              <span className="place-card__name">{town.city}</span>
              <span className="place-card__count muted">{placeItemsText(town)}</span>
            </button>
          </li>
        ))}
      </ul>
      {towns.length < country.towns.length && (
        <button type="button" className="link-button places__more" onClick={() => setExpanded(true)}>
          Show all {country.towns.length.toLocaleString()} towns
        </button>
      )}
    </section>
  );
}

/** How many photos have a position far from any town, and the way to them (to set it again).
 *  `data-opens` names the button for the way back ("‹ All places", Back: lib/places-opener.ts). */
function FarFromTowns({ text, onShow }: { text: string; onShow: () => void }) {
  const viewingOnly = useViewingOnly();
  return (
    <>
      {text}{' '}
      <button type="button" className="link-button" data-opens="far-from-towns" onClick={onShow}>
        {viewingOnly ? 'Show them' : 'Show them to fix their place'}
      </button>
    </>
  );
}

/** How many photos have no position, and the way to them: select some there, then Place….
 *  Videos are said apart ("7 photos, 5 videos have no place"), as status counts them. */
function WithoutPlace({ count, videos, onShow }: { count: number; videos: number; onShow: () => void }) {
  // Only viewed here: they can be shown, not given a place.
  const viewingOnly = useViewingOnly();
  return (
    <p className="places__note muted small">
      {itemsText(count, videos, formatCount)} {count === 1 ? 'has' : 'have'} no place (no position recorded or set).{' '}
      <button type="button" className="link-button" data-opens="without-place" onClick={onShow}>
        {viewingOnly ? 'Show them' : 'Show them to add places'}
      </button>
    </p>
  );
}
