import { useState } from 'react';
import type { JobState, ModelInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useInstallJobs } from './useInstallJobs';

/**
 * The catalog's default (src/core/models/catalog.ts), which the renderer cannot import; the
 * model list marks it (recommended) and wins once loaded, so the two cannot drift apart.
 */
export const DEFAULT_MODEL_ID = 'vit-b-32-laion2b';

export interface FirstModel {
  id: string;
  /** The catalog's entry, once the model list is in. */
  model: ModelInfo | undefined;
  /** Its download, once started (here, in Settings or in another window). */
  job: JobState | undefined;
  /** Why the install could not start, in one line. */
  error: string | null;
  install(): Promise<void>;
}

/**
 * The model a device without one is offered (the first-run screen, the banner over a library
 * read without a model): the recommended catalog model and its download. `onFinished` runs
 * when the download ends: the engine opens the library with the model by itself, and the
 * app's status moves on when read again.
 */
export function useFirstModel(onFinished: () => void): FirstModel {
  const client = useClient();
  const [models] = useAsync(() => client.models(), [client]);
  const listed = models.status === 'ready' ? models.value.models : [];
  const model = listed.find((m) => m.recommended) ?? listed.find((m) => m.id === DEFAULT_MODEL_ID);
  const id = model?.id ?? DEFAULT_MODEL_ID;
  const job = useInstallJobs(onFinished).get(id);
  const [error, setError] = useState<string | null>(null);

  const install = async () => {
    setError(null);
    try {
      await client.installModel(id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return { id, model, job, error, install };
}
