// The label-set editor: name, labels with their extra prompts, threshold and margin; Save
// (the engine's one-line error shown inline), Delete (confirmed), Import / Export JSON; and
// for a saved set, tagging a folder and the folders tagged as they are indexed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LabelSetInfo, LabelSetInput } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { refocusWhenLost } from '../../hooks/useRefocus';
import { useUnsavedChanges } from '../../hooks/useUnsavedChanges';
import { PHOTOS_SCREEN, type ScreenProps } from '../../lib/screen';
import { afterRefusal, emptyForm, exportJson, formFromSet, formToInput, importJson, labelRow, rebaseForm, removalQuestion, repeatedLabel, saveArguments, withoutUnusedRows, type LabelSetForm, type RowProblem } from './label-set-form';
import { InlineConfirm } from '../InlineConfirm';
import { TagFolderPanel } from './TagFolderPanel';
import { notifyTagsChanged, useTagsVersion } from './useTagsVersion';

export function LabelSetScreen({ screen, navigate, library }: ScreenProps) {
  const client = useClient();
  const version = useTagsVersion();
  const name = screen.kind === 'label-set' ? screen.name : null;
  const [state] = useAsync(async () => {
    if (name === null) return null;
    const found = (await client.listLabelSets()).find((s) => s.name === name);
    if (!found) throw new Error(`There is no label set named “${name}” any more.`);
    return found;
  }, [client, name, version]);

  if (screen.kind !== 'label-set') return null;
  if (state.status === 'error' && name !== null) return <p className="form-error tags-screen">{state.message}</p>;
  const saved = name !== null && state.status === 'ready' ? state.value : null;
  // Until this set's own answer arrives (a previous screen's may still be here). Later
  // reloads (a stopped folder) keep the editor mounted, so they never reset the form.
  if (name !== null && saved?.name !== name) return <p className="muted tags-screen">Loading…</p>;
  return <LabelSetEditor key={name ?? '\0new'} saved={saved} navigate={navigate} library={library} />;
}

interface EditorProps {
  saved: LabelSetInfo | null;
  navigate: ScreenProps['navigate'];
  library: ScreenProps['library'];
}

function LabelSetEditor({ saved, navigate, library }: EditorProps) {
  const client = useClient();
  const [form, setForm] = useState<LabelSetForm>(() => (saved ? formFromSet(saved) : emptyForm()));
  const [baseline, setBaseline] = useState(() => snapshot(saved ? formFromSet(saved) : emptyForm()));
  // The set as this editor loaded it, and its revision: Save sends the revision, and the core
  // refuses it if the set changed elsewhere since (a CLI import), rather than write over that.
  const [loaded, setLoaded] = useState<{ form: LabelSetForm; revision: string } | null>(() => (saved ? { form: formFromSet(saved), revision: saved.revision } : null));
  // After such a refusal: the set as it is now, for Reload; or removed, for Save as a new set.
  const [changedElsewhere, setChangedElsewhere] = useState<ReturnType<typeof afterRefusal>>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowProblem, setRowProblem] = useState<RowProblem | null>(null);
  // Said next to the name field, as a repeated label is next to its row (the field is what to fix).
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // A label row just added: its name field takes the focus, where the user types next.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const rows = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focusRow === null) return;
    rows.current?.querySelector<HTMLInputElement>(`[data-row="${focusRow}"] input`)?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const dirty = snapshot(form) !== baseline;
  const isNew = saved === null;
  // Leaving with changes not saved asks first (App's LeaveDialog; the browser's own question on a reload).
  const leaveUnasked = useUnsavedChanges(dirty ? (isNew ? 'the new label set' : `the label set “${saved.name}”`) : null);

  // Any change may fix what an error was about: it goes, and Save checks again.
  const edit = (change: Partial<LabelSetForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setNotice(null);
    setError(null);
    setRowProblem(null);
    setNameProblem(null);
    setChangedElsewhere(null);
  };
  const editRow = (key: number, change: { name?: string; prompts?: string }) => edit({ labels: form.labels.map((r) => (r.key === key ? { ...r, ...change } : r)) });

  /** `asNew`: Save as a new set, the one opened having been removed elsewhere (no previous name, no revision). */
  const save = async (event: FormEvent | null, asNew = false) => {
    event?.preventDefault();
    setError(null);
    // Caught before Save, as the engine's "label set name must not be empty" would leave the
    // focus on Save, away from the field to fill in.
    if (isNew && form.name.trim() === '') {
      setNameProblem('Give the label set a name.');
      nameInput.current?.focus();
      return;
    }
    // Rows added and never filled in go (they hold nothing); a label blanked stays, for the
    // validator to refuse in its words. Shown as sent, so its "label 2" is the second row.
    const sending = withoutUnusedRows(form);
    if (sending !== form) setForm(sending);
    const repeated = repeatedLabel(sending);
    setRowProblem(repeated);
    if (repeated) return;
    setChangedElsewhere(null);
    try {
      const opened = saved && loaded && !asNew ? { name: saved.name, revision: loaded.revision } : null;
      const info = await client.saveLabelSet(...saveArguments(formToInput(sending), opened));
      setBaseline(snapshot(sending));
      setLoaded({ form: sending, revision: info.revision });
      setNotice('Saved.');
      // Save is disabled once nothing is left to save (and a new set's editor opens again under
      // its name): "Saved." takes the focus, or the editor's title.
      refocusWhenLost(() => document.querySelector<HTMLElement>('.label-set-editor .tags-notice') ?? document.querySelector<HTMLElement>('.label-set-editor h1'));
      notifyTagsChanged();
      if (isNew || info.name !== saved.name) {
        leaveUnasked();
        navigate({ kind: 'label-set', name: info.name });
      }
    } catch (e) {
      // The user's values stay on screen whatever the refusal; when it is because the set is
      // another by now, Reload is offered (the core's line says so), or Save as a new set when
      // it was removed (a name taken meanwhile is refused, and then Reload offered, as here).
      setError(firstLine(errorMessage(e)));
      if (loaded && saved) {
        const sets = await client.listLabelSets().catch(() => null);
        if (sets) setChangedElsewhere(afterRefusal(loaded.revision, sets.find((s) => s.name === saved.name)));
      }
    }
  };

  /** The set as it is now, with the user's edits replayed on it (rebaseForm): nothing lost. */
  const reload = () => {
    const now = changedElsewhere && 'now' in changedElsewhere ? changedElsewhere.now : null;
    if (!now || !loaded) return;
    const fresh = formFromSet(now);
    setForm(rebaseForm(loaded.form, form, fresh));
    setBaseline(snapshot(fresh));
    setLoaded({ form: fresh, revision: now.revision });
    setChangedElsewhere(null);
    setError(null);
    setNotice(`Reloaded “${now.name}” as it is now, with your changes on it: check them, then Save.`);
  };

  const remove = async () => {
    if (!saved) return;
    setError(null);
    try {
      await client.removeLabelSet(saved.name);
      notifyTagsChanged();
      leaveUnasked();
      navigate(PHOTOS_SCREEN);
    } catch (e) {
      setError(firstLine(errorMessage(e)));
      setConfirming(false);
    }
  };

  const importFile = async (file: File) => {
    setError(null);
    try {
      const imported = importJson(await file.text(), file.name);
      // An existing set keeps its name: tags and decisions belong to it.
      setForm(isNew ? imported : { ...imported, name: form.name });
      setNotice(`Imported ${file.name}: check it, then Save.`);
    } catch (e) {
      setError(firstLine(errorMessage(e)));
    }
  };

  const download = () => {
    setError(null);
    try {
      const input = formToInput(form);
      const url = URL.createObjectURL(new Blob([exportJson(input)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${input.name || 'label-set'}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError(firstLine(errorMessage(e)));
    }
  };

  return (
    <div className="tags-screen label-set-editor">
      <header className="tags-screen__head">
        <h1 tabIndex={-1}>{isNew ? 'New label set' : `Label set “${saved.name}”`}</h1>
        <div className="tags-screen__actions">
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            Import JSON…
          </button>
          <button type="button" className="button" onClick={download}>
            Export JSON
          </button>
          {!isNew && (
            <button
              type="button"
              className="button"
              onClick={() => {
                navigate({ kind: 'tag-review', set: saved.name, label: null });
                // This screen and its button go: the review's heading has the focus, not the page.
                refocusWhenLost(() => document.querySelector<HTMLElement>('.tag-review h1'));
              }}
            >
              Review tags
            </button>
          )}
        </div>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="label-set-import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
            event.target.value = '';
          }}
        />
      </header>
      {isNew && (
        <ShippedSets
          onPick={(input) => {
            setForm(importJson(JSON.stringify(input), `${input.name}.json`));
            setError(null);
            setNotice(`Filled in from the set “${input.name}” that ships with Shoebox: change what you like, then Save.`);
          }}
        />
      )}
      {/* noValidate: the number fields' arrows step by 0.01, but any value the engine takes is
          one (a threshold of 0.333, a margin of 0.025): the browser's step check would refuse
          those and Save would do nothing. The engine checks the ranges, in one line. */}
      <form className="label-set-form" noValidate onSubmit={(e) => void save(e)}>
        <label className="tags-field">
          <span>Name</span>
          <input
            ref={nameInput}
            type="text"
            value={form.name}
            readOnly={!isNew}
            // Opened by "+ New", which stays in the sidebar: the name is what to type first.
            autoFocus={isNew}
            aria-invalid={nameProblem !== null || undefined}
            aria-describedby={nameProblem !== null ? 'label-set-name-problem' : undefined}
            placeholder="e.g. animals"
            title={isNew ? undefined : 'Tags and decisions belong to the set’s name, so it stays'}
            onChange={(e) => edit({ name: e.target.value })}
          />
        </label>
        {nameProblem !== null && (
          <p id="label-set-name-problem" className="form-error" role="alert">
            {nameProblem}
          </p>
        )}
        <fieldset className="label-rows" ref={rows}>
          <legend>Labels</legend>
          <p className="muted small">Each label is described to the model as “a photo of a …”; extra prompts (one per line) describe it in your words.</p>
          {form.labels.map((row, i) => (
            <div key={row.key} className="label-row" data-row={row.key}>
              <input
                type="text"
                aria-label={`Label ${i + 1}`}
                placeholder="label, e.g. dog"
                value={row.name}
                aria-invalid={rowProblem?.key === row.key || undefined}
                aria-describedby={rowProblem?.key === row.key ? `label-problem-${row.key}` : undefined}
                onChange={(e) => editRow(row.key, { name: e.target.value })}
              />
              <textarea
                aria-label={`Extra prompts for label ${i + 1}`}
                placeholder="extra prompts, one per line (optional)"
                rows={Math.max(1, row.prompts.split('\n').length)}
                value={row.prompts}
                onChange={(e) => editRow(row.key, { prompts: e.target.value })}
              />
              <button type="button" className="icon-button icon-button--small" aria-label={`Remove label ${i + 1}`} title="Remove this label" onClick={() => edit({ labels: form.labels.filter((r) => r.key !== row.key) })}>
                ×
              </button>
              {rowProblem?.key === row.key && (
                <p id={`label-problem-${row.key}`} className="form-error label-row__problem" role="alert">
                  {rowProblem.message}
                </p>
              )}
            </div>
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const row = labelRow();
              edit({ labels: [...form.labels, row] });
              setFocusRow(row.key);
            }}
          >
            + Add label
          </button>
        </fieldset>
        <div className="label-set-form__params">
          <label className="tags-field">
            <span>Threshold</span>
            <input type="number" min={0} max={1} step={0.01} value={form.threshold} onChange={(e) => edit({ threshold: e.target.value })} />
            <small className="muted">least confidence for a tag, 0 to 1</small>
          </label>
          <label className="tags-field">
            <span>Margin</span>
            <input type="number" min={-2} max={2} step={0.01} value={form.margin} onChange={(e) => edit({ margin: e.target.value })} />
            <small className="muted">how clearly a label must beat the others</small>
          </label>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {changedElsewhere && 'now' in changedElsewhere && (
          <p className="label-set-form__reload">
            <button type="button" className="button" onClick={reload}>
              Reload
            </button>{' '}
            <span className="muted small">takes in the changes made elsewhere and keeps yours</span>
          </p>
        )}
        {changedElsewhere && 'removed' in changedElsewhere && (
          <p className="label-set-form__reload">
            <button type="button" className="button" onClick={() => void save(null, true)}>
              Save as a new set
            </button>{' '}
            <span className="muted small">saves what is here again, as it is on screen</span>
          </p>
        )}
        {notice && !error && (
          <p className="tags-notice" role="status" tabIndex={-1}>
            {notice}
          </p>
        )}
        <div className="label-set-form__buttons">
          <button type="submit" className="button button--primary" disabled={!dirty && !isNew}>
            Save
          </button>
          {!isNew && (
            <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
              Delete…
            </button>
          )}
        </div>
        {confirming && saved && (
          <InlineConfirm
            label="Confirm deletion"
            message={removalQuestion(saved.name)}
            action="Delete"
            onConfirm={() => void remove()}
            onCancel={() => setConfirming(false)}
          />
        )}
      </form>
      {!isNew && <TagFolderPanel set={saved.name} autoFolders={saved.autoFolders} folders={library.folders} jobs={library.jobs} dirty={dirty} />}
    </div>
  );
}

/** The form's content without row keys, to tell edited from saved. */
function snapshot(form: LabelSetForm): string {
  return JSON.stringify([form.name.trim(), form.labels.map((r) => [r.name.trim(), r.prompts.trim()]), form.threshold.trim(), form.margin.trim()]);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}

/** The sets that ship with Shoebox (scenes, animals, …), each a button that fills the new set's form. */
function ShippedSets({ onPick }: { onPick: (set: LabelSetInput) => void }) {
  const client = useClient();
  const [shipped] = useAsync(() => client.shippedLabelSets(), [client]);
  if (shipped.status !== 'ready' || shipped.value.length === 0) return null;
  return (
    <p className="muted small label-set-editor__shipped">
      Or start from a set that ships with Shoebox:{' '}
      {shipped.value.map((set, i) => (
        <span key={set.name}>
          {i > 0 && ' · '}
          <button type="button" className="link-button" title={`${set.labels.length} labels`} onClick={() => onPick(set)}>
            {set.name}
          </button>
        </span>
      ))}
    </p>
  );
}
