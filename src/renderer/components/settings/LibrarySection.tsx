import { useState } from 'react';
import { checkLibraryChoice, libraryChoiceUri, sameS3Place, type LibraryChoice, type LibraryChoiceView } from '../../../shared/library-choice';
import { useClient } from '../../client/ClientContext';
import type { JobState } from '../../../shared/api';
import { useAsync } from '../../hooks/useAsync';
import { useLibraryEvents } from '../../hooks/useLibraryEvents';
import { ProgressLine } from '../JobProgress';

type Kind = LibraryChoice['kind'];

interface Draft {
  kind: Kind;
  folder: string;
  bucket: string;
  prefix: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forgetKeys: boolean;
  /** Copy the library open now to the new place first (it must be empty). */
  copy: boolean;
}

function choiceOf(d: Draft): LibraryChoice {
  if (d.kind === 'default') return { kind: 'default' };
  if (d.kind === 'local') return { kind: 'local', folder: d.folder };
  return { kind: 's3', bucket: d.bucket, prefix: d.prefix, ...(d.endpoint ? { endpoint: d.endpoint } : {}), ...(d.region ? { region: d.region } : {}) };
}

/** Whether the keys stored for the saved choice would go to this draft's place (main sends them only there). */
function keysApply(view: LibraryChoiceView, draft: LibraryChoice): boolean {
  if (!view.hasKeys) return false;
  try {
    return sameS3Place(checkLibraryChoice(draft), checkLibraryChoice(view.choice));
  } catch {
    return false;
  }
}

/** Whether two choices name one place, as main would save them (a prefix's slashes, an endpoint's trailing one). */
function sameChoice(a: LibraryChoice, b: LibraryChoice | undefined): boolean {
  if (!b) return false;
  try {
    return JSON.stringify(checkLibraryChoice(a)) === JSON.stringify(checkLibraryChoice(b));
  } catch {
    return false; // not a valid place yet: main says why when it is saved
  }
}

function draftOf(view: LibraryChoiceView): Draft {
  const c = view.choice;
  return {
    kind: c.kind,
    folder: c.kind === 'local' ? c.folder : '',
    bucket: c.kind === 's3' ? c.bucket : '',
    prefix: c.kind === 's3' ? c.prefix : '',
    endpoint: c.kind === 's3' ? (c.endpoint ?? '') : '',
    region: c.kind === 's3' ? (c.region ?? '') : '',
    accessKeyId: '',
    secretAccessKey: '',
    forgetKeys: false,
    copy: false,
  };
}

/**
 * Settings → Library (issue #13): the library this device opens, the default one in the data
 * folder, a folder elsewhere, or an S3 bucket + prefix (a NAS's S3 server, AWS, R2, B2...)
 * shared with other devices. Keys typed here go to main once and are kept encrypted there
 * (safeStorage); they are never shown again. Saving reopens the library; with "Copy this
 * library there first", the library open now is copied there before (the engine's
 * copy-library job, whose progress shows here), so moving to a NAS or a bucket keeps the
 * tags, albums and search data and embeds nothing again. Under `shoebox serve`, where the
 * server chose the library, it names the one open, `library` (EngineInfo.library).
 */
export function LibrarySection({ library = null }: { library?: string | null } = {}) {
  const client = useClient();
  const [state, reload, setView] = useAsync(() => (client.library ? client.library() : Promise.resolve(null)), [client]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The copy's job while it runs (Settings → Library's copy, or a CLI's on the same engine).
  const [copyJob, setCopyJob] = useState<JobState | null>(null);
  useLibraryEvents((event) => {
    if (event.type !== 'job' || event.job.kind !== 'copy-library') return;
    setCopyJob(event.job.state === 'running' || event.job.state === 'queued' ? event.job : null);
  });

  if (!client.library || !client.setLibrary) {
    return (
      <section aria-labelledby="settings-library-title">
        <h3 id="settings-library-title">Library</h3>
        {library ? (
          <p className="small">
            This page shows the library <code className="settings__library-uri">{library}</code>, the one shoebox serve opened (--library, else
            SHOEBOX_LIBRARY, else the one the desktop app chose for its data folder, else the one in it).
          </p>
        ) : (
          <p className="muted small">Under shoebox serve the library is the one the server opened (--library, else SHOEBOX_LIBRARY, else the desktop app's choice, else its data folder's).</p>
        )}
      </section>
    );
  }
  const view = state.status === 'ready' ? state.value : null;
  const d = draft ?? (view ? draftOf(view) : null);
  const set = (patch: Partial<Draft>) => d && setDraft({ ...d, ...patch });
  // A copy goes somewhere new: a folder or a bucket (at its endpoint) other than the library open now.
  const moving = (draft: Draft) => draft.kind !== 'default' && !sameChoice(choiceOf(draft), view?.choice);
  const copies = d !== null && d.copy && moving(d);
  // Another endpoint or bucket gets none of the stored keys (main sends them only to their own place).
  const storedKeys = view !== null && d !== null && keysApply(view, choiceOf(d));

  const choose = async () => {
    const folder = await client.chooseFolder();
    if (folder) set({ folder });
  };

  const save = async () => {
    if (!d || !client.setLibrary) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    const choice = choiceOf(d);
    const keys = d.kind !== 's3' ? undefined : d.forgetKeys ? null : d.accessKeyId || d.secretAccessKey ? { accessKeyId: d.accessKeyId, secretAccessKey: d.secretAccessKey } : undefined;
    const copy = copies;
    try {
      const next = await client.setLibrary({ choice, ...(keys === undefined ? {} : { keys }), ...(copy ? { copy } : {}) });
      // The saved choice shows at once: waiting for library() to answer again showed the one
      // before for a round trip, beside "Opened …", and Save would have gone back to it.
      setView(next);
      setDraft(null);
      const where = next.uri ?? 'the library in the data folder';
      setSaved(copy ? `Copied this library to ${where} and opened it` : `Opened ${where}`);
      reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="settings-library-title">
      <h3 id="settings-library-title">Library</h3>
      {state.status === 'error' && <p className="form-error">{state.message}</p>}
      {view?.overriddenBy && (
        <p className="muted small" role="note">
          The app opens the library named by {view.overriddenBy} (set when it was started), whatever is chosen here. A choice saved here applies once it is unset.
        </p>
      )}
      {view && d && (
        <form
          className="library-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="segmented" role="radiogroup" aria-label="Where the library is">
            {(
              [
                ['default', 'In the data folder'],
                ['local', 'A folder'],
                ['s3', 'S3 bucket'],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className={d.kind === kind ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                <input type="radio" name="library-kind" value={kind} checked={d.kind === kind} onChange={() => set({ kind })} />
                {label}
              </label>
            ))}
          </div>
          {d.kind === 'local' && (
            <div className="library-form__row">
              <input type="text" aria-label="Library folder" value={d.folder} placeholder="/mnt/nas/shoebox-library" onChange={(e) => set({ folder: e.target.value })} />
              <button type="button" className="button" onClick={() => void choose()}>
                Choose…
              </button>
            </div>
          )}
          {d.kind === 's3' && (
            <div className="library-form__grid">
              <label>
                Bucket
                <input type="text" value={d.bucket} placeholder="family-photos" onChange={(e) => set({ bucket: e.target.value })} />
              </label>
              <label>
                Prefix
                <input type="text" value={d.prefix} placeholder="shoebox" onChange={(e) => set({ prefix: e.target.value })} />
              </label>
              <label>
                Endpoint
                <input type="text" value={d.endpoint} placeholder="http://nas.local:9000 (empty for AWS)" onChange={(e) => set({ endpoint: e.target.value })} />
              </label>
              <label>
                Region
                <input type="text" value={d.region} placeholder="us-east-1" onChange={(e) => set({ region: e.target.value })} />
              </label>
              <label>
                Access key id
                <input type="text" value={d.accessKeyId} autoComplete="off" placeholder={storedKeys ? 'stored (type to replace)' : 'from ~/.aws or AWS_* if empty'} onChange={(e) => set({ accessKeyId: e.target.value })} />
              </label>
              <label>
                Secret access key
                <input type="password" value={d.secretAccessKey} autoComplete="off" placeholder={storedKeys ? 'stored (type to replace)' : ''} onChange={(e) => set({ secretAccessKey: e.target.value })} />
              </label>
              {view.hasKeys && !storedKeys && <p className="muted small">The stored keys are for {libraryChoiceUri(view.choice)}{view.choice.kind === 's3' && view.choice.endpoint ? ` at ${view.choice.endpoint}` : ''} only: type this place's keys, or leave them empty for ~/.aws or AWS_*.</p>}
              {storedKeys && (
                <label className="settings__check">
                  <input type="checkbox" checked={d.forgetKeys} onChange={(e) => set({ forgetKeys: e.target.checked })} />
                  Forget the stored keys
                </label>
              )}
              {!view.canStoreKeys && <p className="muted small">This system cannot keep keys encrypted: put them in ~/.aws/credentials instead.</p>}
            </div>
          )}
          {moving(d) && (
            <label className="settings__check">
              <input type="checkbox" checked={d.copy} onChange={(e) => set({ copy: e.target.checked })} />
              Copy this library there first (tags, albums, thumbnails and search data: nothing is indexed again; the place must be empty)
            </label>
          )}
          <p className="muted small">Now: {view.uri ?? 'the library in the data folder'}. Models, window and folder paths stay on this device.</p>
          {busy && copies && <ProgressLine label="Copying the library" progress={copyJob?.progress ?? null} describe={(p) => `Copying the library: ${p.done.toLocaleString()} of ${p.total.toLocaleString()} files`} />}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? (copies ? 'Copying…' : 'Opening…') : copies ? 'Copy and open' : 'Save and open'}
          </button>
        </form>
      )}
      {saved && <p className="small">{saved}.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
