// Options and setup shared by the library commands (index, status, list, search, ...).
import type { Command } from 'commander';
import { openLibrary } from '../core/engine';
import type { LibraryService } from '../core/library/library-service';
import { parseProvider } from '../core/clip/providers';
import type { GlobalOptions } from './global-options';
import { progressBar } from './progress-bar';
import { UsageError, printable } from './output';

export interface LibraryCommandOptions {
  model?: string;
  modelDir?: string;
  json?: boolean;
}

/** --model / --model-dir choose the model; default: the active one (shoebox models use). */
export function withLibraryOptions(cmd: Command): Command {
  return cmd
    .option('--model <id>', 'installed model to use (default: the active model)')
    .option('--model-dir <dir>', 'CLIP model folder to use instead of an installed model')
    .option('--json', 'print one JSON document');
}

/** Opens the library for a command; `show` decides whether indexing progress is drawn. */
export function libraryFor(cmd: Command, opts: LibraryCommandOptions, command: string, showProgress = false): LibraryService {
  const globals = cmd.optsWithGlobals<GlobalOptions>();
  const bar = progressBar(showProgress);
  return openLibrary({
    ...(globals.home ? { home: globals.home } : {}),
    ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
    ...(opts.model ? { modelId: opts.model } : {}),
    provider: parseProvider(globals.provider),
    command,
    emit: (event) => {
      if (event.type === 'index-progress') bar.update(event.progress);
      else if (event.type === 'log') process.stderr.write(`shoebox: ${printable(event.message)}\n`); // paths may hold control characters
    },
    onClose: () => bar.end(),
  });
}

/** A whole-number option, at least `min`; anything else is a usage error (exit 2). */
export function wholeNumber(value: string, name: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}

export function positiveInt(value: string, name: string): number {
  return wholeNumber(value, name, 1);
}
