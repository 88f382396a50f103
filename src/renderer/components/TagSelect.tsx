// Picks one of the library's tags (labels some photo carries, most used first). A choice
// from a list, not free text: a filter must only ever be asked for a whole, known tag, so
// nothing is searched while a label is half typed and no "unknown label" error can occur.
import { labelKey } from '../../shared/label-set';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { formatCount } from '../lib/format';
import { useTagsVersion } from './tags/useTagsVersion';

interface TagSelectProps {
  value: string;
  onChange: (tag: string) => void;
  /** What '' (no tag) is called: "any". */
  anyLabel: string;
  ariaLabel?: string;
}

export function TagSelect({ value, onChange, anyLabel, ariaLabel }: TagSelectProps) {
  const client = useClient();
  const version = useTagsVersion();
  // The core groups and counts them as the tag filter matches (LibraryApi.tagChoices).
  const [choices] = useAsync(() => client.tagChoices(), [client, version]);
  const known = choices.status === 'ready' ? choices.value : [];
  // A tag saved in another case ("Beach" in an album) is the choice the filter treats it as.
  const chosen = value === '' ? undefined : known.find((c) => labelKey(c.label) === labelKey(value));
  // A tag chosen earlier (or saved in an album) that no photo carries now stays selectable.
  const orphan = value !== '' && choices.status === 'ready' && !chosen;
  return (
    <select
      value={chosen?.label ?? value}
      aria-label={ariaLabel}
      // Nothing to choose until some photo carries a tag.
      disabled={choices.status === 'ready' && known.length === 0 && value === ''}
      title={choices.status === 'ready' && known.length === 0 ? 'No tags yet: tag photos with a label set' : undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{anyLabel}</option>
      {known.map(({ label, photos }) => (
        <option key={label} value={label}>
          {`${label} (${formatCount(photos, 'photo')})`}
        </option>
      ))}
      {orphan && <option value={value}>{`${value} (no photos now)`}</option>}
      {value !== '' && choices.status !== 'ready' && <option value={value}>{value}</option>}
    </select>
  );
}
