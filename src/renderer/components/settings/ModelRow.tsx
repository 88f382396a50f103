import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { JobState, ModelInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { useFocusFollow } from '../../hooks/useFocusFollow';
import { useRefocus } from '../../hooks/useRefocus';
import { changesWaitText, useViewingOnlyReason } from '../../hooks/useViewingOnly';
import { DownloadProgress } from './DownloadProgress';
import { ModelFigures } from './ModelFigures';
import { modelSizeText } from './model-size';
import { keptDownload, keptDownloadText } from './kept-download';
import { downloadFailureText } from './download-failure-text';
import { isRemovable, removeQuestion } from './removable-model';
import { InlineConfirm } from '../InlineConfirm';
import { isActive } from './useInstallJobs';
import { switchEmbeddingText } from './switch-embedding-text';

/** What to say about a model the catalog does not describe. */
const SOURCE_NOTES: Record<ModelInfo['source'], string> = {
  catalog: '',
  imported: 'A model folder you imported',
  folder: 'The model folder Shoebox was started with (--model-dir)',
};

interface ModelRowProps {
  model: ModelInfo;
  /** Its latest download, if it was ever installed from here. */
  job: JobState | undefined;
  /** That download has ended since the list of models (`model`) was read: it is being read again. */
  unlisted?: boolean;
  /** Another model is being switched to: one switch at a time. */
  switching: boolean;
  onSwitch: (id: string) => Promise<void>;
  /** Where the focus goes once the switch is made ("In use: …"): this row's buttons go. */
  switched?: () => HTMLElement | null;
  /** The library's photos (ModelsInfo.libraryPhotos): the confirmation says how many a switch embeds. */
  libraryPhotos?: number | null;
  /** Deletes it from this device (LibraryApi.removeModel) and reads the list again; rejects with the core's one line. */
  onRemove?: (id: string) => Promise<void>;
}

/** One model: what it is, whether it is installed or in use, and Install / Use. */
export function ModelRow({ model, job, unlisted = false, switching, onSwitch, switched, libraryPhotos = null, onRemove }: ModelRowProps) {
  const client = useClient();
  const [confirming, setConfirming] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const downloading = isActive(job);
  // Downloaded, until the list of models read again says installed: the full bar stays, not
  // an Install button for a moment (which took the focus on its way to Use).
  const finishing = job?.state === 'done' && !model.installed && unlisted;
  // Another process writes the library: a switch could embed none of its photos for the new
  // model here (every write waits), and search would find nothing until then. Installing stays.
  const viewingOnly = useViewingOnlyReason();
  const switchWaits = viewingOnly === 'writer-elsewhere';
  const useButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const question = useId();
  const refocus = useRefocus();
  const installButton = useRef<HTMLButtonElement>(null);
  const progress = useRef<HTMLElement | null>(null);
  const failure = useRef<HTMLParagraphElement>(null);
  const failureId = useId();
  // Install goes as the download starts: the focus follows what replaces it, the progress bar,
  // then Use once installed, or Try again (described by the failure) if it failed.
  const installFocus = useFocusFollow(
    () => progress.current ?? useButton.current ?? installButton.current ?? failure.current,
    downloading || finishing,
  );
  // The confirmation takes the focus on its safe choice (Enter pressed twice must not start
  // embedding the library again), as InlineConfirm does; a keyboard user need not Tab past
  // every other model's Install to reach it.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus({ preventScroll: true });
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    refocus(() => useButton.current);
  };
  const onConfirmKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing || busy) return;
    // Only the confirmation closes, not Settings.
    event.preventDefault();
    event.stopPropagation();
    cancel();
    // Its button was the focus: it went with it.
    useButton.current?.focus({ preventScroll: true });
  };

  const install = async () => {
    setError(null);
    installFocus.start();
    try {
      await client.installModel(model.id);
    } catch (e) {
      // Refused before any download: Install stays, with the reason under it.
      installFocus.stop();
      setError(errorMessage(e));
    }
  };

  const use = async () => {
    setBusy(true);
    setError(null);
    // The confirmation goes (and its button is disabled meanwhile): the line that says which
    // model is in use takes the focus, a failure's line stays by this row's buttons.
    const stopRefocus = switched ? refocus(switched, { ms: 10_000, outlive: true }) : () => {};
    try {
      await onSwitch(model.id);
      setConfirming(false);
    } catch (e) {
      stopRefocus();
      refocus(() => cancelButton.current ?? useButton.current);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!onRemove) return;
    setError(null);
    // A catalog model's row stays (not installed): its Install takes the focus; an imported
    // one's row goes, and the line saying which model is in use takes it.
    const stayHere = refocus(() => installButton.current ?? switched?.() ?? null, { ms: 5000, outlive: true });
    try {
      await onRemove(model.id);
    } catch (e) {
      stayHere(); // the row stays, with its error: so does the focus
      refocus(() => removeButton.current);
      setError(errorMessage(e));
    }
    setConfirmingRemove(false);
  };

  // A stopped download keeps its bytes (the core resumes it): said as `models list` says it.
  const kept = downloading || finishing ? null : keptDownload(model, job);
  const state = model.active ? 'in use' : model.installed ? 'installed' : downloading || finishing ? 'downloading' : model.broken !== undefined ? 'broken' : kept ? 'partial' : 'not installed';
  const failed = !model.installed && job?.state === 'failed';
  const again = job?.state === 'failed' || job?.state === 'cancelled';
  return (
    <li className={model.active ? 'settings__model settings__model--active' : 'settings__model'} aria-label={model.id} onBlur={installFocus.onBlur}>
      <div className="settings__model-head">
        <span className="settings__model-id">{model.id}</span>
        <span className={`model-state model-state--${state.replace(' ', '-')}`}>{state}</span>
      </div>
      <div className="settings__model-actions">
        {/* Named by their model: a list of seven "Install" says nothing out of its row. */}
        {!model.installed && model.source === 'catalog' && !downloading && !finishing && (
          <button
            type="button"
            className="button"
            ref={installButton}
            aria-label={kept ? (again ? `Try again: resume installing ${model.id}` : `Resume installing ${model.id}`) : again ? `Try again: install ${model.id}` : `Install ${model.id}`}
            aria-describedby={failed ? failureId : undefined}
            onClick={() => void install()}
          >
            {/* Kept from an earlier session (no job here): the next install resumes it. */}
            {again ? 'Try again' : kept ? 'Resume' : 'Install'}
          </button>
        )}
        {model.installed && !model.active && !confirming && (
          <button type="button" className="button" ref={useButton} aria-label={`Use ${model.id}`} disabled={switching || switchWaits} title={switchWaits ? changesWaitText(viewingOnly) : undefined} onClick={() => setConfirming(true)}>
            Use
          </button>
        )}
        {/* Offered even while the library is only viewed here: a model is this device's, not
            the library's (as Install), and a broken one is what keeps it without a model. */}
        {onRemove && isRemovable(model, downloading || finishing) && !confirming && !confirmingRemove && (
          <button type="button" className="button" ref={removeButton} aria-label={`Remove ${model.id}`} disabled={switching} onClick={() => setConfirmingRemove(true)}>
            Remove
          </button>
        )}
      </div>
      <span className="muted small settings__model-desc">
        {model.recommended && 'Recommended for new libraries · '}
        {model.description ?? SOURCE_NOTES[model.source]}
        {kept ? ` · ${keptDownloadText(kept)}` : model.bytes !== null && ` · ${modelSizeText(model)}`}
      </span>
      <ModelFigures model={model} />
      {/* Here but broken (files deleted by hand, graphs of two models): why, and the fix. */}
      {model.broken !== undefined && !downloading && !finishing && <p className="form-error settings__model-wide">{model.broken}</p>}
      {(downloading || finishing) && job && (
        <div className="settings__model-wide">
          <DownloadProgress
            job={job}
            label={`Downloading ${model.id}`}
            focusRef={(element) => {
              progress.current = element;
            }}
          />
        </div>
      )}
      {failed && (
        <p className="form-error settings__model-wide" role="alert" id={failureId} ref={failure} tabIndex={-1}>
          {downloadFailureText(job.error, kept, job.errorCode)}
        </p>
      )}
      {confirming && (
        <div className="model-confirm settings__model-wide" role="alertdialog" aria-label={`Switch to ${model.id}`} aria-describedby={question} onKeyDown={onConfirmKeyDown}>
          <p id={question}>
            Switch to <strong>{model.id}</strong>? {switchEmbeddingText(model, libraryPhotos)} The current model&apos;s embeddings are kept, so
            switching back is quick.
          </p>
          <div className="model-confirm__buttons">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void use()}>
              {busy ? 'Switching…' : `Switch to ${model.id}`}
            </button>
            <button type="button" className="button" ref={cancelButton} disabled={busy} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {confirmingRemove && (
        <InlineConfirm
          label={`Remove ${model.id}`}
          message={removeQuestion(model)}
          action="Remove"
          onConfirm={() => void remove()}
          onCancel={() => setConfirmingRemove(false)}
          opener={() => removeButton.current}
          className="confirm settings__model-wide"
        />
      )}
      {error && (
        <p className="form-error settings__model-wide" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
