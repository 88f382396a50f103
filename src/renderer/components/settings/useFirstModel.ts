import { useState } from 'react';
import type { JobState, ModelInfo, ModelOffer } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { firstModelId } from './first-model-id';
import { useInstallJobs } from './useInstallJobs';

export interface FirstModel {
  /** The model offered; null until the engine has said which (the model list is in). */
  id: string | null;
  /** Why it and how it comes to this device (the engine's choice), once the model list is in. */
  offer: ModelOffer | null;
  /** Its entry in the model list, when it has one (a catalog or installed model). */
  model: ModelInfo | undefined;
  /** Its download, once started (here, in Settings or in another window). */
  job: JobState | undefined;
  /** Why the install (or the switch to it) could not start, in one line. */
  error: string | null;
  /** Downloads it (offer.bring 'install'). */
  install(): Promise<void>;
  /** Makes it the model in use (offer.bring 'use': installed here, not chosen). */
  use(): Promise<void>;
}

/**
 * The model a device without one is offered (the first-run screen, the banner over a library
 * read without a model): the engine's offer, the model the library's photos are embedded with
 * when they are (so they are not all embedded again), else the recommended catalog model, and
 * its download. `onFinished` runs when the download ends (or the switch is made): the engine
 * opens the library with the model by itself, and the app's status moves on when read again.
 */
export function useFirstModel(onFinished: () => void): FirstModel {
  const client = useClient();
  const [models, reloadModels] = useAsync(() => client.models(), [client]);
  const listed = models.status === 'ready' ? models.value.models : [];
  const offer = models.status === 'ready' ? (models.value.offer ?? null) : null;
  // An engine that cannot list its models: the catalog's default, as before the offer was known.
  const id = firstModelId(models);
  const model = id === null ? undefined : listed.find((m) => m.id === id && m.source !== 'folder');
  // Once a download ends, the offer is read again too (installed: only waiting for the library).
  const job = useInstallJobs(() => {
    reloadModels();
    onFinished();
  }).get(id ?? '');
  const [error, setError] = useState<string | null>(null);

  const install = async () => {
    if (id === null) return;
    setError(null);
    try {
      await client.installModel(id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const use = async () => {
    if (id === null) return;
    setError(null);
    try {
      await client.useModel(id);
      reloadModels();
      onFinished();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return { id, offer, model, job, error, install, use };
}
