// The towns the engine finds for what the user typed (findPlaces: its offline town list, or a
// typed "lat, lon"), each a button that sets it: the viewer's place editor and the selection
// bar's Place… share it. From the field, ↓ goes to the first suggestion and Enter takes it;
// ↑ ↓ step through them, ↑ from the first back to the field (placeFieldKeys, choiceKeys).
import type { KeyboardEvent } from 'react';
import type { PlaceChoice } from '../../shared/api';
import { positionOutOfRange } from '../../shared/place-name';
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

/** The field's keys: ↓ to the first suggestion, Enter takes it (both only once there are suggestions). */
export function placeFieldKeys(event: KeyboardEvent<HTMLInputElement>): void {
  // Enter that ends an input method's composition (Japanese, Chinese) is not the field's.
  if ((event.key !== 'ArrowDown' && event.key !== 'Enter') || event.nativeEvent.isComposing) return;
  // Only suggestions for what the field says now (not those of the text before the last keys).
  const list = event.currentTarget.parentElement?.querySelector<HTMLElement>('.place-field__choices');
  const first = list?.dataset.query === event.currentTarget.value.trim() ? list.querySelector<HTMLButtonElement>('button:not(:disabled)') : null;
  if (!first) return;
  event.preventDefault();
  if (event.key === 'Enter') first.click();
  else first.focus();
}

/** ↑ ↓ between the suggestions; ↑ from the first goes back to the field. */
function choiceKeys(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at === -1) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') buttons[Math.min(at + 1, buttons.length - 1)]!.focus();
  else if (at > 0) buttons[at - 1]!.focus();
  // The list sits in the live region beside the field.
  else event.currentTarget.parentElement?.parentElement?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
}

function Choices({ query, choices, busy, onChoose }: { query: string; choices: PlaceChoice[]; busy: boolean; onChoose: (choice: PlaceChoice) => void }) {
  const notPosition = positionOutOfRange(query);
  if (choices.length === 0 && notPosition) return <p className="muted small">{notPosition}.</p>;
  if (choices.length === 0) return <p className="muted small">No town called &ldquo;{query}&rdquo;. Try &ldquo;town, country&rdquo; or a position such as 43.77, 11.25.</p>;
  return (
    <ul className="place-field__choices" aria-label="Places found" data-query={query} onKeyDown={choiceKeys}>
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
