// Picks one of the library's tags (labels some photo carries, most used first). A choice
// from a list, not free text: a filter must only ever be asked for a whole, known tag, so
// nothing is searched while a label is half typed and no "unknown label" error can occur.
import type { TagCount } from '../../shared/api';
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

/** Labels carried by some photo with their photo counts, most used first; the same label in two sets is one tag to a filter. */
export function tagChoices(counts: readonly TagCount[]): [label: string, photos: number][] {
  const byLabel = new Map<string, number>();
  for (const c of counts) if (c.count > 0) byLabel.set(c.label, (byLabel.get(c.label) ?? 0) + c.count);
  return [...byLabel].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function TagSelect({ value, onChange, anyLabel, ariaLabel }: TagSelectProps) {
  const client = useClient();
  const version = useTagsVersion();
  const [choices] = useAsync(async () => tagChoices(await client.tagCounts()), [client, version]);
  const known = choices.status === 'ready' ? choices.value : [];
  // A tag chosen earlier (or saved in an album) that no photo carries now stays selectable.
  const orphan = value !== '' && choices.status === 'ready' && !known.some(([label]) => label === value);
  return (
    <select
      value={value}
      aria-label={ariaLabel}
      // Nothing to choose until some photo carries a tag.
      disabled={choices.status === 'ready' && known.length === 0 && value === ''}
      title={choices.status === 'ready' && known.length === 0 ? 'No tags yet: tag photos with a label set' : undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{anyLabel}</option>
      {known.map(([label, photos]) => (
        <option key={label} value={label}>
          {`${label} (${formatCount(photos, 'photo')})`}
        </option>
      ))}
      {orphan && <option value={value}>{`${value} (no photos now)`}</option>}
      {value !== '' && choices.status !== 'ready' && <option value={value}>{value}</option>}
    </select>
  );
}
