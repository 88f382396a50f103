import type { FolderInfo } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { baseName } from '../lib/format';
import { hasFilters, NO_FILTERS, type FilterFields } from '../lib/filters';

interface FilterBarProps {
  fields: FilterFields;
  folders: FolderInfo[];
  onChange: (fields: FilterFields) => void;
}

/** Narrows search results: date taken, camera, folder, location, tag. Every field set must hold. */
export function FilterBar({ fields, folders, onChange }: FilterBarProps) {
  const client = useClient();
  const set = <K extends keyof FilterFields>(key: K, value: FilterFields[K]) => onChange({ ...fields, [key]: value });
  // Suggestions: labels some photo carries, most used first (the same label in two sets is one tag to the filter).
  const [suggestions] = useAsync(async () => {
    const counts = new Map<string, number>();
    for (const c of await client.tagCounts()) if (c.count > 0) counts.set(c.label, (counts.get(c.label) ?? 0) + c.count);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [client]);
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <label>
        <span>Taken from</span>
        <input type="date" value={fields.from} max={fields.to || undefined} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        <span>to</span>
        <input type="date" value={fields.to} min={fields.from || undefined} onChange={(e) => set('to', e.target.value)} />
      </label>
      <label>
        <span>Camera</span>
        <input type="text" value={fields.camera} placeholder="any" spellCheck={false} onChange={(e) => set('camera', e.target.value)} />
      </label>
      {folders.length > 1 && (
        <label>
          <span>Folder</span>
          <select value={fields.folder} onChange={(e) => set('folder', e.target.value)}>
            <option value="">all</option>
            {folders.map((f) => (
              <option key={f.path} value={f.path} title={f.path}>
                {baseName(f.path)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>Location</span>
        <select value={fields.location} onChange={(e) => set('location', e.target.value as FilterFields['location'])}>
          <option value="any">any</option>
          <option value="with">recorded</option>
          <option value="without">not recorded</option>
        </select>
      </label>
      <label>
        <span>Tag</span>
        <input type="text" aria-label="Tag" list="tag-suggestions" value={fields.tag} placeholder="any" spellCheck={false} onChange={(e) => set('tag', e.target.value)} />
        <datalist id="tag-suggestions">
          {suggestions.status === 'ready' &&
            suggestions.value.map(([label, count]) => (
              <option key={label} value={label}>
                {`${count.toLocaleString()} photo${count === 1 ? '' : 's'}`}
              </option>
            ))}
        </datalist>
      </label>
      {hasFilters(fields) && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
