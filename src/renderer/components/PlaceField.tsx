// The viewer's place and its editor, as Google Photos' "Edit location": for a photo whose camera
// recorded no position (most cameras, every scan) or a wrong one. The user types a town (or a
// "lat, lon"), the engine suggests from its offline town list (findPlaces), and a click on a
// suggestion sets it; the file is never touched and every copy of the photo takes the place
// (core/api/place-edit-api.ts). "Remove place" takes it away (a GPS glitch, a place not to show).
// A place set or removed by hand says so, and the editor offers the file's back.
import { useState } from 'react';
import type { PhotoDetails, PlaceSetting } from '../../shared/api';
import { placeLabel } from '../../shared/place-name';
import { escapeCancels, useFieldSave, useFocusBack } from '../hooks/useFieldSave';
import { placeFieldKeys, PlaceSuggestions } from './PlaceSuggestions';

interface PlaceFieldProps {
  photo: PhotoDetails;
  /** Shows the timeline of a place: the photo's place ("Arezzo, Italy") is a link to it. */
  onPlace?: ((place: string) => void) | undefined;
  /** Sets the place (the engine's setPlace; 'none': removed; null: the file's own back) and reads
   *  the photo again; absent where this device may not change the library (it is only viewed). */
  edit?: (position: PlaceSetting) => Promise<void>;
}

const coordinates = (lat: number, lon: number) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;

export function PlaceField({ photo, onPlace, edit }: PlaceFieldProps) {
  const [query, setQuery] = useState<string | null>(null); // null: not editing
  const edited = photo.placeEdited;
  const filePlace = edited ? (edited.fileGpsLat === null || edited.fileGpsLon === null ? 'none' : coordinates(edited.fileGpsLat, edited.fileGpsLon)) : null;

  const { busy, error, save, clearError } = useFieldSave(edit, () => setQuery(null));
  const opener = useFocusBack(query !== null);

  if (query === null) {
    return (
      <span className="metadata__place">
        <Shown photo={photo} onPlace={onPlace} />
        {edited && (
          <span className="muted small" title={`The file's own position: ${filePlace}`}>
            {photo.gpsLat === null ? 'removed by hand' : 'set by hand'}
          </span>
        )}
        {edit && (
          // Named as it reads ("Add a place"), or "Edit place" beside a place shown.
          <button
            type="button"
            className="link-button"
            ref={opener}
            {...(photo.gpsLat === null ? {} : { 'aria-label': 'Edit place' })}
            onClick={() => {
              clearError();
              setQuery('');
            }}
          >
            {photo.gpsLat === null ? 'Add a place' : 'Edit'}
          </button>
        )}
      </span>
    );
  }
  return (
    <form className="taken-at__form" onSubmit={(e) => e.preventDefault()}>
      <input
        type="search"
        aria-label="Place"
        placeholder="A town, or 43.77, 11.25"
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(event) => {
          placeFieldKeys(event);
          escapeCancels(() => setQuery(null))(event);
        }}
      />
      <PlaceSuggestions query={query} busy={busy} onChoose={(c) => void save({ lat: c.lat, lon: c.lon })} />
      <span className="taken-at__buttons">
        <button type="button" className="button" disabled={busy} onClick={() => setQuery(null)}>
          Cancel
        </button>
        {photo.gpsLat !== null && (
          <button type="button" className="link-button" disabled={busy} title="Show this photo without a place (the file keeps its position)" onClick={() => void save('none')}>
            Remove place
          </button>
        )}
        {edited && (
          <button type="button" className="link-button" disabled={busy} onClick={() => void save(null)}>
            Use the file&rsquo;s place ({filePlace})
          </button>
        )}
      </span>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">The file is not changed; every copy of this photo takes the place.</p>
    </form>
  );
}

/** The town it was taken in (a link to its timeline), then the coordinates; or "none recorded" ("none", when removed by hand). */
function Shown({ photo, onPlace }: Pick<PlaceFieldProps, 'photo' | 'onPlace'>) {
  if (photo.gpsLat === null || photo.gpsLon === null) return <span>{photo.placeEdited ? 'none' : 'none recorded'}</span>;
  const position = coordinates(photo.gpsLat, photo.gpsLon);
  if (!photo.place) return <span>{position}</span>;
  const place = placeLabel(photo.place);
  return (
    <>
      {onPlace ? (
        <button type="button" className="link-button" title={`Show the photos taken in ${place}`} onClick={() => onPlace(place)}>
          {place}
        </button>
      ) : (
        <span>{place}</span>
      )}
      <span className="muted small">{position}</span>
    </>
  );
}
