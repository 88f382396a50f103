// Which CLIP model a command uses: an explicit folder (--model-dir), an installed model by id
// (--model), else the active model from settings. The id names the model's photos table, so
// an explicit folder's id is stable: the installed id when the folder is one of ours, else
// the folder's name.
import path from 'node:path';
import type { ModelOffer } from '../../shared/api';
import { DEFAULT_MODEL_ID, findCatalogEntry } from '../models/catalog';
import { folderEmbeddingSizeProblem } from '../models/embedding-size-check';

export interface ModelChoice {
  id: string;
  dir: string;
  /** No model on this device: the library opens for reading only (`readWithoutModel`), and
   *  whatever needs the model or writes fails with this error ("no model: install one ..."). */
  missing?: NoModelError;
}

/** The model id a library opened without a model reads as: it has no photos table, so every
 *  model's photos are read as "another model's" (store/library-photos.ts merges them). */
export const NO_MODEL_ID = '(no model)';

export class NoModelError extends Error {
  override name = 'NoModelError';
  /** The command line named a model that exists nowhere (a typo): the CLI's usage error, exit 2. */
  readonly typo: boolean = false;
  /** Set on "no model on this device" alone (none chosen, none named), for the front ends that
   *  say it their own way (the app's search points to its banner's offer: renderer/lib/filters.ts):
   *  carried over the RPC (shared/error-detail.ts); a named model's or an unusable one's error has none. */
  readonly detail?: { code: 'no-model' };

  constructor(message: string, options: { noModelHere?: boolean } = {}) {
    super(message);
    if (options.noModelHere) this.detail = { code: 'no-model' };
  }

  /**
   * Words the advice as the core's offer (models-info.ts modelOffer): the model the library's
   * photos are embedded with, not the catalog's default, which would embed every photo again.
   * The error is made before the library can be read to know its models, and this one object
   * is what every refusal throws (clip(), writes, ready()), so its message is set once read.
   */
  offer(offer: ModelOffer | null): void {
    const advice = offer ? noModelAdvice(offer) : null;
    if (advice) this.message = advice;
  }
}

/** The no-model line for the CLI when the library's photos are embedded with a model (the
 *  app words the same offer itself: NoModelBanner); null: the generic advice holds. */
export function noModelAdvice(offer: ModelOffer): string | null {
  if (offer.reason !== 'library') return null;
  const embedded = `no model: this library's photos are embedded with ${offer.id}`;
  switch (offer.bring) {
    case 'install':
      return `${embedded}: ${offer.command} (another model would embed every photo again)`;
    case 'use':
      return `${embedded}, installed here but not in use: ${offer.command}`;
    case 'import':
      return `${embedded}, which is not in the catalog: bring its folder with ${offer.command}, or pass --model-dir DIR`;
    case 'chosen':
      return null;
  }
}

/**
 * Settings name an active model that cannot be used (half-installed, broken): its own line,
 * naming the model and the fix, stands rather than an offer of some other model to bring.
 */
export class UnusableModelError extends NoModelError {
  override offer(): void {}
}

/**
 * --model names an id that is neither installed nor in the catalog. Offering `models install`
 * for it would only lead to a second refusal ("not in the catalog"): it is said in the words
 * of `models use` (model-manager.ts), with where the ids that do exist are listed.
 */
export class UnknownModelError extends NoModelError {
  override readonly typo = true;
  constructor(id: string) {
    super(`no model "${id}": it is neither installed nor in the catalog (shoebox models list shows both; shoebox models import DIR brings a model folder)`);
  }
  override offer(): void {}
}

export interface ModelSource {
  /** The active model from settings, if any. */
  active(): { id: string; dir: string } | null;
  /** Why no model is active though settings name one (models/active-model.ts), if so. */
  unusable?(): string | undefined;
  /** The folder of an installed model, or null. */
  installedDir(id: string): string | null;
}

export function chooseModel(source: ModelSource, explicit: { modelDir?: string; modelId?: string }): ModelChoice {
  if (explicit.modelDir) {
    // An installed model's folder is named by its id; any other folder by its own name.
    const dir = path.resolve(explicit.modelDir);
    // No import checked it: graphs of two models would embed every photo at one size and search
    // at another, finding nothing (models/embedding-size-check.ts), so it is refused now.
    const problem = folderEmbeddingSizeProblem(dir);
    if (problem !== undefined) throw new UnusableModelError(problem);
    return { id: path.basename(dir), dir };
  }
  if (explicit.modelId) {
    const dir = source.installedDir(explicit.modelId);
    if (!dir && !findCatalogEntry(explicit.modelId)) throw new UnknownModelError(explicit.modelId);
    if (!dir) throw new NoModelError(`model ${explicit.modelId} is not installed (shoebox models install ${explicit.modelId})`);
    return { id: explicit.modelId, dir };
  }
  const active = source.active();
  if (!active) {
    const problem = source.unusable?.();
    if (problem) throw new UnusableModelError(problem);
    throw new NoModelError(`no model: install one (shoebox models install ${DEFAULT_MODEL_ID}), choose one (shoebox models use ID) or pass --model-dir DIR`, { noModelHere: true });
  }
  return active;
}
