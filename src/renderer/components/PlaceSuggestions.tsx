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
  // A live region: a screen reader hears that suggestions came (or that none did).
  return <div aria-live="polite">{settled && choices.status === 'ready' && <Choices query={settled} choices={choices.value} busy={busy} onChoose={onChoose} />}</div>;
}

function Choices({ query, choices, busy, onChoose }: { query: string; choices: PlaceChoice[]; busy: boolean; onChoose: (choice: PlaceChoice) => void }) {
  if (choices.length === 0) return <p className="muted small">No town called &ldquo;{query}&rdquo;. Try &ldquo;town, country&rdquo; or a position such as 43.77, 11.25.</p>;
  return (
    <ul className="place-field__choices" aria-label="Places found">
      {choices.map((c, i) => (
        <li key={`${i}:${c.label}`}>
          <button type="button" className="link-button" disabled={busy} onClick={() => onChoose(c)}>
            {c.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
