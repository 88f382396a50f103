// Above search results for a query that names a place of the library ("Italy", "usa", "paris"):
// a way to the photos taken there, beside what CLIP finds that looks like it. Which place(s)
// and how many photos is the core's answer (places(query)), the same `shoebox places QUERY`
// lists; this only words it.
import type { PlacesSummary } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useDebounced } from '../../hooks/useDebounced';
import { namedPlacesNote } from '../../lib/places';

interface PlaceSuggestionProps {
  /** The library's places: null until known; a new one when they changed, so the offer follows. */
  summary: PlacesSummary | null;
  query: string;
  onPlace: (place: string) => void;
}

export function PlaceSuggestion({ summary, query, onPlace }: PlaceSuggestionProps) {
  const client = useClient();
  // Asked once typing pauses, not per keystroke.
  const settled = useDebounced(query, 300);
  const [found] = useAsync(async () => (summary && settled.trim() !== '' ? { query: settled, named: (await client.places(settled)).named ?? null } : null), [client, settled, summary]);
  // What is said is the shown query's, never the last one's.
  if (found.status !== 'ready' || !found.value?.named || found.value.query !== query) return null;
  const { named } = found.value;
  return (
    <p className="place-suggestion">
      <button type="button" className="link-button" onClick={() => onPlace(named.place)}>
        Photos taken in {named.place}
      </button>{' '}
      <span className="muted">({namedPlacesNote(named)})</span>
    </p>
  );
}
