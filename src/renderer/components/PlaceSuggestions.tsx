// The towns the engine finds for what the user typed (findPlaces: its offline town list, or a
// typed "lat, lon"), each a button that sets it: the viewer's place editor and the selection
// bar's Place… share it.
import type { PlaceChoice } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useDebounced } from '../hooks/useDebounced';

/** The engine's towns for what was typed, each a button that sets it. */
export function PlaceSuggestions({ query, busy, onChoose }: { query: string; busy: boolean; onChoose: (choice: PlaceChoice) => void }) {
  const client = useClient();
  const settled = useDebounced(query.trim(), 200);
  const [choices] = useAsync(() => (settled ? client.findPlaces(settled) : Promise.resolve([])), [client, settled]);
  if (!settled || choices.status !== 'ready') return null;
  if (choices.value.length === 0) return <p className="muted small">No town called &ldquo;{settled}&rdquo;. Try &ldquo;town, country&rdquo; or a position such as 43.77, 11.25.</p>;
  return (
    <ul className="place-field__choices" aria-label="Places found">
      {choices.value.map((c) => (
        <li key={`${c.lat},${c.lon}`}>
          <button type="button" className="link-button" disabled={busy} onClick={() => onChoose(c)}>
            {c.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
