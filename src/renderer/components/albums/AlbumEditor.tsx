// The smart-album editor: name, query (the search's query language), threshold (automatic,
// i.e. the model's calibrated cut-off, or a cosine of the user's), filters (folder, tag,
// favourites, place, dates), a live count of what matches; Save (a rename keeps the album's
// pins and exclusions) and Delete (confirmed). The engine's refusals show inline, one line.
// Save hands back the album's revision as the editor read it: the core refuses the save when
// the album was changed meanwhile (the CLI, another window), and the editor keeps what was
// typed on screen and offers Reload, rather than overwriting that change.
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AlbumInfo, FolderInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage, errorName, useAsync } from '../../hooks/useAsync';
import { refocusWhenLost } from '../../hooks/useRefocus';
import { useUnsavedChanges } from '../../hooks/useUnsavedChanges';
import { InlineConfirm } from '../InlineConfirm';
import { FolderSelect } from '../FolderSelect';
import { PHOTOS_SCREEN, type ScreenProps } from '../../lib/screen';
import { emptyForm, formFilters, formFromAlbum, formToInput, keptDatesText, needsQuery, type AlbumForm } from './album-form';
import { AlbumQueryField } from './AlbumQueryField';
import { notifyAlbumsChanged } from './albums-changed';
import { MatchPreview } from './MatchPreview';
import { PlaceInput } from '../places/PlaceInput';
import { TagSelect } from '../TagSelect';

export function AlbumEditor({ screen, navigate, library }: ScreenProps) {
  const client = useClient();
  const name = screen.kind === 'album-editor' ? screen.name : null;
  // Reload (after a save refused because the album changed elsewhere) reads it again.
  const [reloads, setReloads] = useState(0);
  const [state] = useAsync(async () => {
    if (name === null) return null;
    const found = (await client.listAlbums()).find((a) => a.name === name);
    if (!found) throw new Error(`There is no album named “${name}” any more.`);
    // Which read this is: the form is made anew from the album once Reload's read is in (the
    // previous answer stays on screen meanwhile).
    return { album: found, read: reloads };
  }, [client, name, reloads]);

  if (name !== null && state.status === 'error') {
    return (
      <p className="form-error album-editor" role="alert">
        {state.message}
      </p>
    );
  }
  const loaded = name !== null && state.status === 'ready' ? state.value : null;
  const saved = loaded?.album ?? null;
  if (name !== null && saved?.name !== name) return <p className="muted album-editor">Loading…</p>;
  return <EditorForm key={`${name ?? '\0new'}|${loaded?.read ?? 0}`} saved={saved} folders={library.folders} navigate={navigate} onReload={() => setReloads((n) => n + 1)} />;
}

interface EditorFormProps {
  saved: AlbumInfo | null;
  folders: FolderInfo[];
  navigate: ScreenProps['navigate'];
  /** Reads the album again, dropping what was typed (offered when it changed elsewhere). */
  onReload: () => void;
}

function EditorForm({ saved, folders, navigate, onReload }: EditorFormProps) {
  const client = useClient();
  const [initial] = useState<AlbumForm>(() => (saved ? formFromAlbum(saved) : emptyForm()));
  const [form, setForm] = useState<AlbumForm>(initial);
  const [error, setError] = useState<string | null>(null);
  // The core's refusal of a save made without a query that needs one: said by the query field.
  const [queryRefusal, setQueryRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The album changed elsewhere since it was read: Save was refused, Reload is offered.
  const [stale, setStale] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  // Leaving with changes not saved (the sidebar, Back, a search) asks first, as the label-set
  // editor does (App's LeaveDialog; the browser's own question on a reload under `serve`).
  const leaveUnasked = useUnsavedChanges(dirty ? (saved ? `the album “${saved.name}”` : 'the new album') : null);
  // Cancel is the user's own choice to drop what was typed: not asked about.
  const cancel = () => {
    leaveUnasked();
    navigate(saved ? { kind: 'album', name: saved.name } : PHOTOS_SCREEN);
  };
  // Esc leaves the editor as Cancel does (a confirmation open inside takes its own Esc first),
  // only while nothing was changed: Esc also clears a field, and typed work is not thrown away
  // by a key (Cancel does that, on purpose).
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (dirty) return;
    event.preventDefault();
    cancel();
  };
  const edit = (change: Partial<AlbumForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setError(null);
    setQueryRefusal(null);
    setStale(false);
  };
  // A threshold the slider's 0-1 cannot hold (`--threshold -1`: every photo) widens it, so it
  // shows the value as it is and only an explicit move changes it (never a clamp to 0).
  const sliderMin = Math.min(0, ...[initial.threshold, form.threshold].filter(Number.isFinite));
  const filters = formFilters(form);
  /** No query: a hand-picked album (its photos are the ones pinned to it); no threshold, no
   *  filters. Not a smart album's query cleared, nor a query cleared with filters or a fixed
   *  threshold set: the engine refuses those, and their fields stay in view to be cleared. */
  const handPicked = !form.query.trim() && !(saved !== null && !saved.handPicked) && !needsQuery(form);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = formToInput(form);
    if (typeof input === 'string') return setError(input);
    setBusy(true);
    try {
      const info = saved ? await client.saveAlbum(input, saved.name, saved.revision) : await client.saveAlbum(input);
      notifyAlbumsChanged();
      // Saved: nothing is left to ask about on the way to the album.
      leaveUnasked();
      navigate({ kind: 'album', name: info.name });
    } catch (e) {
      // Refused for want of a query (a smart album's cleared, filters without one): the line
      // goes by the query field; any other refusal below the form.
      const forWantOfQuery = !form.query.trim() && !handPicked && errorName(e) !== 'AlbumChangedError';
      if (forWantOfQuery) setQueryRefusal(errorMessage(e));
      else setError(errorMessage(e));
      setStale(errorName(e) === 'AlbumChangedError');
      setBusy(false);
    }
  };

  const reload = () => {
    leaveUnasked();
    onReload();
  };

  const remove = async () => {
    if (!saved) return;
    setBusy(true);
    try {
      await client.removeAlbum(saved.name);
      notifyAlbumsChanged();
      leaveUnasked();
      navigate(PHOTOS_SCREEN);
      // The album and its editor are gone: the album list in the sidebar takes the focus, where
      // another album (or "+ New") is.
      refocusWhenLost(() => document.querySelector<HTMLElement>('.albums-section .album-row') ?? document.querySelector<HTMLElement>('.albums-section button') ?? document.querySelector<HTMLElement>('.sidebar__all'));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    // noValidate: the threshold's arrows step by 0.005, but any cosine from -1 to 1 is a threshold
    // (the CLI's --threshold 0.812, an automatic cut-off of 0.813 offered as the fixed one): the
    // browser's step check would refuse those and Save would do nothing. formToInput checks the
    // range and says so inline, as the editor's other refusals.
    <form className="album-editor" aria-label={saved ? `Edit album ${saved.name}` : 'New album'} noValidate onSubmit={(e) => void save(e)} onKeyDown={onKeyDown}>
      <h1 className="album-editor__title">{saved ? `Edit “${saved.name}”` : 'New album'}</h1>
      <p className="muted small album-editor__intro">
        A smart album is a saved search: photos that match join it by themselves as they are indexed. Without a query, the album is hand-picked.
      </p>

      <label className="album-field">
        <span>Name</span>
        {/* Opened by "+ New" or Edit, whose button is gone: the first field takes the focus. */}
        <input type="text" value={form.name} autoFocus maxLength={200} onChange={(e) => edit({ name: e.target.value })} />
      </label>

      <AlbumQueryField value={form.query} handPicked={handPicked} refusal={queryRefusal} onChange={(query) => edit({ query })} />

      {!handPicked && (
        <>
          <fieldset className="album-fieldset">
            <legend>Threshold</legend>
            <label className="album-check">
              <input type="checkbox" checked={form.automatic} onChange={(e) => edit({ automatic: e.target.checked })} />
              Automatic
              <span className="muted small">
                {' '}
                — the relevance cut-off calibrated for your model{saved?.thresholdAutomatic ? ` (${saved.threshold.toFixed(3)} now)` : ''}
              </span>
            </label>
            {!form.automatic && (
              <div className="album-threshold">
                <input
                  type="range"
                  min={sliderMin}
                  max={1}
                  step={0.005}
                  value={form.threshold}
                  aria-label="Threshold (slider)"
                  onChange={(e) => edit({ threshold: Number(e.target.value) })}
                />
                <input
                  type="number"
                  min={-1}
                  max={1}
                  step={0.005}
                  value={form.threshold}
                  aria-label="Threshold"
                  onChange={(e) => edit({ threshold: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                />
                <small className="muted">Minimum similarity (cosine) to the query: higher keeps fewer, closer matches.</small>
              </div>
            )}
          </fieldset>

          <fieldset className="album-fieldset album-filters">
            <legend>Only photos…</legend>
            <label className="album-field">
              <span>in folder</span>
              <FolderSelect folders={folders} value={form.folder} onChange={(folder) => edit({ folder })} noneLabel="any folder" />
            </label>
            <label className="album-field">
              <span>tagged</span>
              <TagSelect value={form.tag} anyLabel="any tag" onChange={(tag) => edit({ tag })} />
            </label>
            <label className="album-field">
              <span>taken in</span>
              <PlaceInput value={form.place} placeholder="anywhere: a town or a country" onChange={(place) => edit({ place })} />
            </label>
            <label className="album-favourites">
              <input type="checkbox" checked={form.favourite} onChange={(e) => edit({ favourite: e.target.checked })} />
              <span>that are favourites</span>
            </label>
            <label className="album-field">
              <span>taken from</span>
              <input type="date" value={form.from} onChange={(e) => edit({ from: e.target.value, keptAfter: '' })} />
            </label>
            <label className="album-field">
              <span>to</span>
              <input type="date" value={form.to} onChange={(e) => edit({ to: e.target.value, keptBefore: '' })} />
            </label>
            {(form.keptAfter || form.keptBefore) && (
              // A time set with `shoebox albums` (not a whole day): kept as it is, said here, as the inputs hold only days.
              <small className="muted album-kept-dates">{keptDatesText(form)}</small>
            )}
          </fieldset>

          <MatchPreview
            query={form.query}
            filters={typeof filters === 'string' ? null : filters}
            threshold={form.automatic || !Number.isFinite(form.threshold) ? null : form.threshold}
            existing={saved !== null}
          />
        </>
      )}

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {error && stale && (
        // What was typed stays on screen; Reload drops it for the album as it is now.
        <button type="button" className="button album-editor__reload" onClick={reload}>
          Reload
        </button>
      )}
      <div className="album-editor__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {saved ? 'Save' : 'Create album'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={cancel}>
          Cancel
        </button>
        {saved && !confirming && (
          <button type="button" className="button button--danger album-editor__delete" ref={deleteButton} disabled={busy} onClick={() => setConfirming(true)}>
            Delete album…
          </button>
        )}
        {saved && confirming && (
          <InlineConfirm
            className="album-editor__confirm"
            label="Confirm deletion"
            message={`Delete “${saved.name}”? The photos stay where they are.`}
            action="Delete"
            cancelLabel="Keep it"
            opener={() => deleteButton.current}
            onConfirm={() => void remove()}
            onCancel={() => setConfirming(false)}
          />
        )}
      </div>
    </form>
  );
}
