// Options and setup shared by the library commands (index, status, list, search, ...). Each
// opens the library through the core's front door as LibraryApi, the app's own host, taking
// the writer lock only when a write needs it, so reading commands work while another
// process writes. The front door is imported when a command runs, never for --help.
import type { Command } from 'commander';
import type { LibraryHost } from '../core/index';
import { libraryChoice, type GlobalOptions } from './global-options';
import { progressBar } from './progress-bar';
import { trashDirSetting } from '../shared/trash-dir-setting';
import { UsageError, printable } from './output';

export interface LibraryCommandOptions {
  model?: string;
  modelDir?: string;
  json?: boolean;
}

/**
 * --model / --model-dir choose the model; default: the active one (shoebox models use).
 * `jsonHelp`: what --json prints, for a command that prints other than one document (watch).
 */
export function withLibraryOptions(cmd: Command, jsonHelp = 'print one JSON document'): Command {
  return cmd
    .option('--model <id>', 'installed model to use (default: the active model)')
    .option('--model-dir <dir>', 'CLIP model folder to use instead of an installed model')
    .option('--json', jsonHelp);
}

/** The library a command works on, with the engine's log lines on stderr. */
export interface CommandLibrary {
  readonly api: LibraryHost;
  /** Ends the progress line (if one was drawn) and closes the library, releasing any lock. */
  close(): Promise<void>;
}

/**
 * Opens the library for a command (`command` names it in other processes' "library busy");
 * `showProgress` draws indexing progress on a terminal. Fails with the model choice's own
 * error when there is no model to use, unless `needs` is 'read' (status, list, places: a
 * device without a model reads the library; anything that embeds or writes still fails) or
 * 'nothing' (copy-library: a copy embeds nothing).
 */
export async function openCommandLibrary(cmd: Command, opts: LibraryCommandOptions, command: string, showProgress = false, needs: 'model' | 'read' | 'nothing' = 'model'): Promise<CommandLibrary> {
  const globals = cmd.optsWithGlobals<GlobalOptions>();
  const { createLibraryApi, parseProvider } = await import('../core/index');
  const api = await createLibraryApi({
    ...(globals.home ? { home: globals.home } : {}),
    ...libraryChoice(globals),
    ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
    ...(opts.model ? { modelId: opts.model } : {}),
    provider: parseProvider(globals.provider),
    command,
    watch: false,
    writerLock: 'on-write',
    // Reading commands (`needs` 'read') work on a device without a model; whatever embeds or
    // writes still fails with the no-model error.
    readWithoutModel: needs !== 'model',
    // The trash (`dupes --trash`, selection trash): SHOEBOX_TRASH_DIR, read as serve and the app read it.
    ...trashDirSetting(process.env),
  });
  const bar = progressBar(showProgress);
  const unsubscribe = api.subscribe((event) => {
    if (event.type === 'index-progress') bar.update(event.progress);
    else if (event.type === 'log') bar.note(`shoebox: ${printable(event.message)}`); // paths may hold control characters; below the bar
  });
  const close = async () => {
    unsubscribe();
    bar.end();
    await api.close();
  };
  try {
    if (needs !== 'nothing') await api.ready({ toRead: needs === 'read' });
  } catch (error) {
    await close();
    throw error;
  }
  return { api, close };
}

/**
 * A whole-number option, at least `min` (and at most `max` when given); anything else is a
 * usage error (exit 2) naming the option and quoting the value as typed.
 */
export function wholeNumber(value: string, name: string, min: number, max?: number): number {
  const n = Number(value);
  const range = max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) throw new UsageError(`${name} must be a whole number ${range}, got "${value}"`);
  return n;
}

export function positiveInt(value: string, name: string): number {
  return wholeNumber(value, name, 1);
}

