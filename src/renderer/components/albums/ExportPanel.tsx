// Export an album into a folder the user types (a page under `shoebox serve` has no folder
// picker): symbolic links by default (no space used, originals stay where they are), or copies.
import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { exportResultText } from '../../lib/export-result';

export function ExportPanel({ album }: { album: string }) {
  const client = useClient();
  const [dir, setDir] = useState('');
  const [copy, setCopy] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const report = await client.exportAlbum(album, dir.trim(), copy);
      // The selection bar's words (and, through them, the CLI's): what the copies carry and could not.
      setResult({ text: exportResultText(report, copy), error: report.failed.length > 0 });
    } catch (e) {
      setResult({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="album-panel album-export" aria-label="Export album" onSubmit={(e) => void submit(e)}>
      <h2 className="album-panel__title">Export to a folder</h2>
      <label className="album-field">
        <span>Folder (full path; created if needed)</span>
        <input type="text" value={dir} placeholder="/home/me/Exports/Beach" spellCheck={false} onChange={(e) => setDir(e.target.value)} />
      </label>
      <div className="album-export__row" role="radiogroup" aria-label="Export as">
        <label>
          <input type="radio" name="export-mode" checked={!copy} onChange={() => setCopy(false)} /> Links (no space used)
        </label>
        <label>
          <input type="radio" name="export-mode" checked={copy} onChange={() => setCopy(true)} /> Copies
        </label>
        <button type="submit" className="button button--primary" disabled={busy || !dir.trim()}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
      {result && (
        <p className={result.error ? 'form-error' : 'muted small'} role={result.error ? 'alert' : 'status'}>
          {result.text}
        </p>
      )}
    </form>
  );
}
