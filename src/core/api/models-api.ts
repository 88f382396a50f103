// LibraryApi's model methods: the models on disk and in the catalog, installing a catalog
// model in a background job, switching the active one. A switch is one flow for the app and
// the CLI (switchModel): the app re-embeds in background jobs, `shoebox models use` says
// what is left (or, with --index, embeds it now, awaited).
import path from 'node:path';
import type { JobState, LibraryStatus, ModelOffer } from '../../shared/api';
import { indexJobResult, type IndexSummary } from '../library/index-summary';
import { findCatalogEntry } from '../models/catalog';
import { ModelError } from '../models/model-error';
import { ModelManager } from '../models/model-manager';
import type { ApiContext, ApiMethods } from './api-context';
import { modelsInfo, otherModelOfferIn, switchTargetsEmbedded } from './models-info';
import { runInstall } from './models-install';
import { runNow } from './run-now';

export type ModelsMethods = ApiMethods<'models' | 'installModel' | 'useModel' | 'removeModel'>;

/** When a switch embeds the library with the new model: in background jobs (the app), now
 *  and awaited (`models use --index`), or later (`models use`: the next index or watch). */
export type Reembed = 'background' | 'now' | 'later';

export interface ModelSwitch {
  id: string;
  dir: string;
  /** Photos in the folders the new model has not embedded yet (0 after 'now'); null in the
   *  background (not counted: the jobs embed them, and counting walks every folder). */
  pending: number | null;
  /** What 'now' embedded. */
  index?: IndexSummary;
  status: LibraryStatus;
}

export interface ModelsForeground {
  /** Makes an installed model active and reopens the library with it; useModel(id) is
   *  switchModel(id, 'background'). A ModelError when it is not installed or unreadable. */
  switchModel(id: string, reembed: Reembed): Promise<ModelSwitch>;
  /** Beside a model in use that has embedded none or few of the library's photos, the model that
   *  has (otherModelOffer): what `status` names instead of an index run that embeds them all
   *  again. Not models().offer: in the app a switch made on purpose re-embeds in the background. */
  otherModelOffer(): Promise<ModelOffer | null>;
}

export function modelsApi(ctx: ApiContext): ModelsMethods & ModelsForeground {
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
      // First run: the library opens lazily with the new active model on the next status(),
      // or again with it when it was open for reading without one; this tells the UI to ask
      // now rather than after a restart.
      if (activated) {
        await ctx.openWithModel();
        ctx.emit({ type: 'folders-changed' });
      }
      return result;
    });
  };

  return {
    async models() {
      const lib = await ctx.open();
      // The library's models tables and photo count: none in use, the model offered is the one
      // the photos are embedded with, if any; and each installed model says how many it has
      // embedded, so that a switch says what it embeds. A library that cannot be read says so
      // on its own screen; the list is still answered.
      const library = lib ? await lib.readable().then(async (store) => ({ embedded: await store.modelTables(), photos: await store.countListed() })).catch(() => null) : null;
      const inUse = lib && !lib.modelMissing ? { id: lib.modelId, dir: lib.modelDir } : null;
      // Each other model's own build, which a switch to it would read (its id's count may be another build's).
      const byFolder = lib && library ? await switchTargetsEmbedded(ctx.home, lib.location, inUse, ctx.startedWith()).catch(() => undefined) : undefined;
      return modelsInfo(ctx.home, inUse, ctx.startedWith(), library?.embedded ?? [], library?.photos ?? null, byFolder);
    },

    async otherModelOffer() {
      const lib = await ctx.open();
      if (!lib || lib.modelMissing) return null;
      const embedded = await lib.readable().then((store) => store.modelTables()).catch(() => []);
      return otherModelOfferIn(ctx.home, embedded, lib.modelId);
    },

    installModel,

    async useModel(id: string) {
      return (await switchModel(id, 'background')).status;
    },

    // `shoebox models remove ID` without --force, through the same ModelManager.remove: the
    // same refusals in the same one-line ModelErrors (not installed; in use by a live process,
    // named, this one included, so the model the library has open is never deleted from under
    // it; busy while a download of it runs). No --force here: the app offers Remove only
    // where the command would succeed without it.
    async removeModel(id: string) {
      return new ModelManager({ home: ctx.home }).remove(id);
    },

    switchModel,
  };

  async function switchModel(id: string, reembed: Reembed): Promise<ModelSwitch> {
    const manager = new ModelManager({ home: ctx.home });
    // The folder it started with (not installed): back to it, the installed active one unchanged.
    const started = ctx.startedWith();
    const fromFolder = started?.id === id && !manager.list().some((m) => m.installed && m.id === id);
    const active = fromFolder ? started : manager.use(id); // one-line ModelError when it is not installed or unreadable
    const lib = await ctx.open();
    let status: LibraryStatus;
    // Already the library's model: nothing to re-embed, and no reason to stop running jobs.
    if (lib && path.resolve(lib.modelDir) === path.resolve(active.dir)) status = await ctx.status();
    else {
      // reopen() cancels every job, downloads included; those resume (from their partial
      // files) once the library is open again, instead of being lost to the switch.
      const downloads = ctx.jobs.list().filter((job) => job.kind === 'install-model' && (job.state === 'queued' || job.state === 'running'));
      status = await ctx.reopen(id, { index: reembed === 'background', ...(fromFolder ? { modelDir: active.dir } : {}) });
      for (const job of downloads) await installModel(job.folder);
    }
    const opened = await ctx.need();
    const index = reembed === 'now'
      ? await runNow(ctx.jobs, 'index', '', async (signal) => {
          const s = await opened.index(undefined, signal);
          return { value: s, result: indexJobResult(s) };
        })
      : undefined;
    if (index) status = await ctx.status();
    // Search only finds photos embedded with the active model: say what is missing.
    const pending = reembed === 'background' ? null : (await opened.status()).pending;
    return { id: active.id, dir: active.dir, pending, ...(index ? { index } : {}), status };
  }
}
