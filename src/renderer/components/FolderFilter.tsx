// The filter bar's Folder: the library folders and their subfolders that hold photos
// (the engine's photoFolders, asked again when photos or folders change), indented by depth.
// Shown whenever there is more than one to choose from: one library folder holding
// animals/ and cams/ offers three; a library of one folder with no subfolder offers nothing.
import { useState } from 'react';
import type { FolderInfo, PhotoFolder } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useLibraryEvents } from '../hooks/useLibraryEvents';
import { folderChoices } from '../lib/folder-choices';

interface FolderFilterProps {
  /** The library folders (listFolders): the choices until the engine's answer comes, or if it fails. */
  folders: readonly FolderInfo[];
  value: string;
  onChange: (folder: string) => void;
}

export function FolderFilter({ folders, value, onChange }: FolderFilterProps) {
  const client = useClient();
  const [changed, setChanged] = useState(0);
  useLibraryEvents((event) => {
    if (event.type === 'photos-changed' || event.type === 'folders-changed') setChanged((n) => n + 1);
  });
  // Asked again when the library folders change, not each time the list is fetched anew (every
  // refresh while indexing): their paths, not the array, are the dependency.
  const roots = folders.map((f) => f.path).join('\n');
  const [answer] = useAsync(() => client.photoFolders(), [client, changed, roots]);
  return <FolderFilterSelect folders={answer.status === 'ready' ? answer.value : folders} value={value} onChange={onChange} />;
}

/** The select itself, without the engine: nothing when there is no choice to make. */
export function FolderFilterSelect({ folders, value, onChange }: { folders: readonly PhotoFolder[]; value: string; onChange: (folder: string) => void }) {
  const choices = folderChoices(folders, value);
  if (folders.length < 2 && value === '') return null;
  return (
    <label>
      <span>Folder</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">all</option>
        {choices.map((c) => (
          <option key={c.path} value={c.path} title={c.path}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
