// A place typed as free text, with the library's places as suggestions (a <datalist>: every
// country, then its towns, most photos first). Free text, because the engine takes any town
// or country ("florence", "IT"), case and accents ignored; what is typed is sent as it
// settles, like the other text filters. Used by the filter bar and the album editor.
// The suggestions are asked again when the library changed (photos indexed, removed, placed by
// hand): once an indexing job ends, and otherwise as the field takes the focus, so places
// indexed after the page opened are offered without a reload.
import { useId, useRef, useState } from 'react';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useLibraryEvents } from '../../hooks/useLibraryEvents';
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
  const [version, setVersion] = useState(0);
  /** The library changed since the places were asked (read again when the field is focused). */
  const stale = useRef(false);
  useLibraryEvents((event) => {
    if (event.type === 'job' && event.job.state !== 'queued' && event.job.state !== 'running') setVersion((v) => v + 1);
    else if (event.type === 'photos-changed' || event.type === 'folders-changed' || event.type === 'index-progress') stale.current = true;
  });
  const onFocus = () => {
    if (!stale.current) return;
    stale.current = false;
    setVersion((v) => v + 1);
  };
  const [places] = useAsync(() => {
    stale.current = false;
    return client.places();
  }, [client, version]);
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
        onFocus={onFocus}
      />
      <datalist id={listId}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </datalist>
    </>
  );
}
