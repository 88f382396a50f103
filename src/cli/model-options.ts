import type { Command } from 'commander';
import { ClipModel } from '../core/clip/clip-model';
import { parseProvider } from '../core/clip/providers';
import { UsageError } from './output';
import type { GlobalOptions } from './global-options';

export interface ModelOptions {
  modelDir?: string;
  batchSize?: string;
}

/** Adds the options that choose a CLIP model folder. */
export function withModelOptions(cmd: Command): Command {
  return cmd
    .option('--model-dir <dir>', 'CLIP model folder (Immich or Transformers.js layout)')
    .option('--batch-size <n>', 'photos per inference batch', '8');
}

export function openModel(opts: ModelOptions, globals: GlobalOptions): ClipModel {
  if (!opts.modelDir) throw new UsageError('no model: pass --model-dir DIR (a CLIP folder in Immich or Transformers.js layout)');
  const batchSize = Number(opts.batchSize ?? 8);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive integer, got "${opts.batchSize}"`);
  return ClipModel.open(opts.modelDir, { provider: parseProvider(globals.provider), batchSize });
}
