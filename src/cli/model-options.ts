// The options that choose a CLIP model for embed-text and embed-image, and the model they
// open through the engine (no library: these embed inputs from outside one).
import type { Command } from 'commander';
import type { OutsideEmbedder } from '../core/index';
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

/** The chosen model; closing it closes the engine too. */
export async function openModel(opts: ModelOptions, globals: GlobalOptions): Promise<OutsideEmbedder> {
  const batchSize = Number(opts.batchSize ?? 8);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive integer, got "${opts.batchSize}"`);
  const { createEngine, parseProvider, NoModelError } = await import('../core/index');
  const engine = await createEngine({ ...(globals.home ? { home: globals.home } : {}), provider: parseProvider(globals.provider) });
  try {
    const embedder = engine.embedder({
      ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
      ...(opts.model ? { modelId: opts.model } : {}),
      batchSize,
    });
    return { ...embedder, close: () => engine.close() };
  } catch (err) {
    await engine.close();
    // Nothing to run with is how the command was called, as before: a usage error.
    if (err instanceof NoModelError) throw new UsageError(err.message);
    throw err;
  }
}
