// A place typed as free text, with the library's places as suggestions (a <datalist>: every
// country, then its towns, most photos first). Free text, because the engine takes any town
// or country ("florence", "IT"), case and accents ignored; what is typed is sent as it
// settles, like the other text filters. Used by the filter bar and the album editor.
import { useId } from 'react';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { placeChoices } from '../../lib/places';

interface PlaceInputProps {
  value: string;
  onChange: (place: string) => void;
  placeholder: string;
  ariaLabel?: string;
}

export function PlaceInput({ value, onChange, placeholder, ariaLabel }: PlaceInputProps) {
  const client = useClient();
  const listId = `${useId()}-places`;
  const [places] = useAsync(() => client.places(), [client]);
  const choices = places.status === 'ready' ? placeChoices(places.value) : [];
  return (
    <>
      <input
        type="text"
        className="place-input"
        value={value}
        list={listId}
        placeholder={placeholder}
        aria-label={ariaLabel}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </datalist>
    </>
  );
}
