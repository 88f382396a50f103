// Above search results for a query that names a place of the library ("Italy", "paris"): a
// way to the photos taken there, beside what CLIP finds that looks like it.
import type { PlacesSummary } from '../../../shared/api';
import { formatCount } from '../../lib/format';
import { placeForQuery } from '../../lib/places';

interface PlaceSuggestionProps {
  summary: PlacesSummary | null;
  query: string;
  onPlace: (place: string) => void;
}

export function PlaceSuggestion({ summary, query, onPlace }: PlaceSuggestionProps) {
  const found = placeForQuery(summary, query);
  if (!found) return null;
  return (
    <p className="place-suggestion">
      <button type="button" className="link-button" onClick={() => onPlace(found.place)}>
        Photos taken in {found.place}
      </button>{' '}
      <span className="muted">({formatCount(found.count, 'photo')}, from their location)</span>
    </p>
  );
}
