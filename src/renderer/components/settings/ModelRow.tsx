import { useState } from 'react';
import type { JobState, ModelInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { DownloadProgress } from './DownloadProgress';
import { ModelFigures } from './ModelFigures';
import { modelSizeText } from './model-size';
import { isActive } from './useInstallJobs';

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
  /** Another model is being switched to: one switch at a time. */
  switching: boolean;
  onSwitch: (id: string) => Promise<void>;
}

/** One model: what it is, whether it is installed or in use, and Install / Use. */
export function ModelRow({ model, job, switching, onSwitch }: ModelRowProps) {
  const client = useClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const downloading = isActive(job);

  const install = async () => {
    setError(null);
    try {
      await client.installModel(model.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const use = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSwitch(model.id);
      setConfirming(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const state = model.active ? 'in use' : model.installed ? 'installed' : downloading ? 'downloading' : 'not installed';
  return (
    <li className={model.active ? 'settings__model settings__model--active' : 'settings__model'} aria-label={model.id}>
      <div className="settings__model-head">
        <span className="settings__model-id">{model.id}</span>
        <span className={`model-state model-state--${state.replace(' ', '-')}`}>{state}</span>
      </div>
      <div className="settings__model-actions">
        {!model.installed && model.source === 'catalog' && !downloading && (
          <button type="button" className="button" onClick={() => void install()}>
            {job?.state === 'failed' || job?.state === 'cancelled' ? 'Try again' : 'Install'}
          </button>
        )}
        {model.installed && !model.active && !confirming && (
          <button type="button" className="button" disabled={switching} onClick={() => setConfirming(true)}>
            Use
          </button>
        )}
      </div>
      <span className="muted small settings__model-desc">
        {model.recommended && 'Recommended for new libraries · '}
        {model.description ?? SOURCE_NOTES[model.source]}
        {model.bytes !== null && ` · ${modelSizeText(model)}`}
      </span>
      <ModelFigures model={model} />
      {downloading && job && (
        <div className="settings__model-wide">
          <DownloadProgress job={job} label={`Downloading ${model.id}`} />
        </div>
      )}
      {!model.installed && job?.state === 'failed' && (
        <p className="form-error settings__model-wide" role="alert">
          Download failed: {job.error}
        </p>
      )}
      {confirming && (
        <div className="model-confirm settings__model-wide" role="group" aria-label={`Switch to ${model.id}`}>
          <p>
            Switch to <strong>{model.id}</strong>? Your photos will be embedded again with it in the background; until that finishes,
            search finds only the photos already done. The current model&apos;s embeddings are kept, so switching back is quick.
          </p>
          <div className="model-confirm__buttons">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void use()}>
              {busy ? 'Switching…' : `Switch to ${model.id}`}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error settings__model-wide" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
