import { useRef, type ReactNode } from 'react';
import type { FolderInfo } from '../../shared/api';
import { FolderFilter } from './FolderFilter';
import { refocusWhenLost } from '../hooks/useRefocus';
import { hasFilters, NO_FILTERS, type FilterFields } from '../lib/filters';
import { PlaceInput } from './places/PlaceInput';
import { TagSelect } from './TagSelect';

interface FilterBarProps {
  fields: FilterFields;
  folders: FolderInfo[];
  onChange: (fields: FilterFields) => void;
  /** More controls at the end of the bar (the search's sort toggle). */
  children?: ReactNode;
}

/** Narrows search results: date taken, camera, folder, location, place, tag, favourites. Every field set must hold. */
export function FilterBar({ fields, folders, onChange, children }: FilterBarProps) {
  const set = <K extends keyof FilterFields>(key: K, value: FilterFields[K]) => onChange({ ...fields, [key]: value });
  const bar = useRef<HTMLDivElement>(null);
  const clear = () => {
    onChange(NO_FILTERS);
    // "Clear filters" goes with the filters it cleared: the bar's first field has the focus,
    // not the page.
    refocusWhenLost(() => bar.current?.querySelector<HTMLElement>('input, select, button'));
  };
  return (
    <div className="filter-bar" role="group" aria-label="Filters" ref={bar}>
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
      <FolderFilter folders={folders} value={fields.folder} onChange={(folder) => set('folder', folder)} />
      <label>
        <span>Location</span>
        <select value={fields.location} onChange={(e) => set('location', e.target.value as FilterFields['location'])}>
          <option value="any">any</option>
          <option value="with">recorded</option>
          <option value="without">not recorded</option>
        </select>
      </label>
      <label>
        <span>Place</span>
        <PlaceInput value={fields.place} placeholder="anywhere" onChange={(place) => set('place', place)} />
      </label>
      <label>
        <span>Tag</span>
        <TagSelect value={fields.tag} anyLabel="any" ariaLabel="Tag" onChange={(tag) => set('tag', tag)} />
      </label>
      <label className="filter-bar__check">
        <input type="checkbox" checked={fields.favourite} onChange={(e) => set('favourite', e.target.checked)} />
        <span>Favourites only</span>
      </label>
      {hasFilters(fields) && (
        <button type="button" className="link-button" onClick={clear}>
          Clear filters
        </button>
      )}
      {children}
    </div>
  );
}
