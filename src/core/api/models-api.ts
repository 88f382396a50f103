// LibraryApi's model methods: the models on disk and in the catalog, installing a catalog
// model in a background job, switching the active one.
import path from 'node:path';
import type { JobState } from '../../shared/api';
import { findCatalogEntry } from '../models/catalog';
import { ModelError } from '../models/model-error';
import { ModelManager } from '../models/model-manager';
import type { ApiContext, ApiMethods } from './api-context';
import { modelsInfo } from './models-info';
import { runInstall } from './models-install';

export type ModelsMethods = ApiMethods<'models' | 'installModel' | 'useModel'>;

export function modelsApi(ctx: ApiContext): ModelsMethods {
  const pendingInstall = (id: string): JobState | undefined =>
    ctx.jobs.list().find((job) => job.kind === 'install-model' && job.folder === id && (job.state === 'queued' || job.state === 'running'));

  const installModel = async (id: string): Promise<JobState> => {
    // Checked now, so a typo is the caller's one-line error rather than a failed job.
    if (!findCatalogEntry(id)) {
      throw new ModelError('unknown-model', `"${id}" is not in the catalog; models() lists what can be installed`);
    }
    // A second click while it downloads gets the same job (two would fight over its lock).
    const pending = pendingInstall(id);
    if (pending) return pending;
    return ctx.jobs.enqueue('install-model', id, async (signal) => {
      const { result, activated } = await runInstall(ctx.home, id, signal, (progress) => ctx.jobs.progress(progress));
      // First run: the library opens lazily with the new active model on the next status();
      // this tells the UI to ask now rather than after a restart.
      if (activated) ctx.emit({ type: 'folders-changed' });
      return result;
    });
  };

  return {
    async models() {
      const lib = await ctx.open();
      return modelsInfo(ctx.home, lib ? { id: lib.modelId, dir: lib.modelDir } : null);
    },

    installModel,

    async useModel(id: string) {
      const manager = new ModelManager({ home: ctx.home });
      const active = manager.use(id); // one-line ModelError when it is not installed or unreadable
      const lib = await ctx.open();
      // Already the library's model: nothing to re-embed, and no reason to stop running jobs.
      if (lib && path.resolve(lib.modelDir) === path.resolve(active.dir)) return ctx.status();
      // reopen() cancels every job, downloads included; those resume (from their partial
      // files) once the library is open again, instead of being lost to the switch.
      const downloads = ctx.jobs.list().filter((job) => job.kind === 'install-model' && (job.state === 'queued' || job.state === 'running'));
      const status = await ctx.reopen(id);
      for (const job of downloads) await installModel(job.folder);
      return status;
    },
  };
}
