// The models on disk, with no library open: `shoebox models list|install|import|remove`.
// The same ModelManager and catalog join the app's models() and installModel() use
// (models-info.ts, models-install.ts); switching models needs the library (models-api.ts).
import type { DownloadProgress } from '../models/download';
import { ModelManager, type ImportResult, type InstallResult, type RemoveResult } from '../models/model-manager';
import { listedModels, type ListedModel } from './models-info';
import { activeModelState } from '../models/active-model';

export type { DownloadProgress, ImportResult, InstallResult, ListedModel, RemoveResult };

export interface ModelShelf {
  list(): ListedModel[];
  /** Why the model settings name is not active (half-installed, broken), with its fix; null when
   *  none is named or it is active: the line `status` and `search` say (active-model.ts). */
  activeProblem(): string | null;
  /** Downloads a catalog model (resumable, verified); it becomes active when none is. */
  install(id: string, options?: { onProgress?: (p: DownloadProgress) => void; signal?: AbortSignal }): Promise<InstallResult>;
  /** Copies a model folder (Immich or Transformers.js layout) into the data folder. */
  import(dir: string, options?: { id?: string; onProgress?: (p: DownloadProgress) => void }): Promise<ImportResult>;
  /** Refused while a live process has the model loaded (model-users.ts), unless `force`. */
  remove(id: string, options?: { force?: boolean }): RemoveResult;
}

/** `endpoint`: a Hugging Face–compatible hub or mirror for installs. */
export function modelShelf(home: string, endpoint?: string): ModelShelf {
  const manager = new ModelManager({ home, ...(endpoint !== undefined ? { endpoint } : {}) });
  return {
    list: () => listedModels(home),
    activeProblem: () => {
      const state = activeModelState(home);
      return state.kind === 'unusable' ? state.problem : null;
    },
    install: (id, options = {}) => manager.install(id, options),
    import: (dir, options = {}) => manager.import(dir, options),
    remove: (id, options = {}) => manager.remove(id, options),
  };
}
