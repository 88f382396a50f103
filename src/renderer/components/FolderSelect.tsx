// Picks one of the library's folders by name (the full path in each option's tooltip), or
// none: the search filter, the album editor and the tag-a-folder panel all choose this way.
// Two folders of one name ("Photos" on two disks) show as many parent folders as tell them
// apart: a tooltip is not read on every platform, and a select's options are not hovered.
import type { FolderInfo } from '../../shared/api';
import { baseName, folderNames } from '../lib/format';

interface FolderSelectProps {
  folders: readonly FolderInfo[];
  value: string;
  onChange: (folder: string) => void;
  /** What '' (no folder) is called: "any folder", "Whole library". */
  noneLabel: string;
  ariaLabel?: string;
}

export function FolderSelect({ folders, value, onChange, noneLabel, ariaLabel }: FolderSelectProps) {
  // A folder chosen earlier (saved in an album) that left the library stays visible as such.
  const gone = value !== '' && !folders.some((f) => f.path === value);
  const names = folderNames(gone ? [...folders.map((f) => f.path), value] : folders.map((f) => f.path));
  return (
    <select aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{noneLabel}</option>
      {folders.map((f) => (
        <option key={f.path} value={f.path} title={f.path}>
          {names.get(f.path) ?? baseName(f.path)}
        </option>
      ))}
      {gone && (
        <option value={value} title={value}>
          {names.get(value) ?? baseName(value)} (not in the library)
        </option>
      )}
    </select>
  );
}
