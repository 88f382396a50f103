// The selection bar's "Place…" panel: one place for every selected photo (a trip shot with a
// camera that records no position), chosen from the engine's towns as typed, removed (a GPS
// glitch), or each file's own position back. The engine keeps it by content and never touches the files
// (core/api/place-edit-api.ts); the viewer's place editor does the same for one photo.
import { useState } from 'react';
import type { PlaceChoice } from '../../shared/api';
import { placeFieldKeys, PlaceSuggestions } from './PlaceSuggestions';

interface SelectionPlacePanelProps {
  busy: boolean;
  /** A town or position chosen, 'none' to remove the places, or null for the files' own. */
  onSet: (place: PlaceChoice | 'none' | null) => void;
}

export function SelectionPlacePanel({ busy, onSet }: SelectionPlacePanelProps) {
  const [query, setQuery] = useState('');
  return (
    <div className="selection-bar__row selection-bar__row--top">
      <div className="place-field__search">
        <input type="search" autoFocus aria-label="Place of the selected photos" placeholder="A town, or 43.77, 11.25" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={placeFieldKeys} />
        <PlaceSuggestions query={query} busy={busy} onChoose={onSet} />
      </div>
      <button type="button" className="button" disabled={busy} title="Show the selected photos without a place (their files keep their positions)" onClick={() => onSet('none')}>
        Remove places
      </button>
      <button type="button" className="button" disabled={busy} title="Undo places set or removed by hand: each photo takes its file's own position again (or none)" onClick={() => onSet(null)}>
        Use the files&rsquo; places
      </button>
      <span className="muted small">The files are not changed.</span>
    </div>
  );
}
