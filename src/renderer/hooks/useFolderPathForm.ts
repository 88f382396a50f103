// The state of a form that takes a folder path, typed or (in the desktop app) chosen with the
// system's folder dialog, and runs one action with it: adding a library folder, or locating
// one this device cannot find (AddFolderForm, LocateFolder).
import { useState, type FormEvent } from 'react';
import { useClient } from '../client/ClientContext';
import { errorMessage } from './useAsync';

export function useFolderPathForm(action: (path: string) => Promise<void>) {
  const client = useClient();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const browse = async () => {
    setError(null);
    try {
      const chosen = await client.chooseFolder();
      if (chosen) setPath(chosen);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await action(path.trim());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  /** Browsers never reveal local paths: only the desktop app has a folder dialog. */
  const canBrowse = client.transport === 'ipc';
  return { path, setPath, busy, error, browse, submit, canBrowse };
}
