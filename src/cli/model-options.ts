import type { Command } from 'commander';
import { ClipModel } from '../core/clip/clip-model';
import { parseProvider } from '../core/clip/providers';
import { installedModels } from '../core/engine';
import { resolveHome } from '../core/home';
import { homePaths } from '../core/paths';
import { NoModelError, chooseModel } from '../core/library/model-choice';
import { UsageError } from './output';
import type { GlobalOptions } from './global-options';

export interface ModelOptions {
  model?: string;
  modelDir?: string;
  batchSize?: string;
}

/** Adds the options that choose a CLIP model: a folder, an installed id, else the active model. */
export function withModelOptions(cmd: Command, unit = 'inputs'): Command {
  return cmd
    .option('--model <id>', 'installed model to use (default: the active model)')
    .option('--model-dir <dir>', 'CLIP model folder (Immich or Transformers.js layout) instead of an installed model')
    .option('--batch-size <n>', `${unit} per inference batch`, '8');
}

export function openModel(opts: ModelOptions, globals: GlobalOptions): ClipModel {
  const batchSize = Number(opts.batchSize ?? 8);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive integer, got "${opts.batchSize}"`);
  let dir: string;
  const home = resolveHome(globals.home);
  try {
    ({ dir } = chooseModel(installedModels(home), {
      ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
      ...(opts.model ? { modelId: opts.model } : {}),
    }));
  } catch (err) {
    // Nothing to run with is how the command was called, as before: a usage error.
    if (err instanceof NoModelError) throw new UsageError(err.message);
    throw err;
  }
  return ClipModel.open(dir, { provider: parseProvider(globals.provider), batchSize, cacheDir: homePaths(home).cache });
}
