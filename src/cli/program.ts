// The `shoebox` command: a thin shell over the engine (DESIGN.md). Parsing, exit codes and
// one-line errors live here; every real decision is the engine's.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
// The front door is cheap to import (src/core/index.ts): these are small modules, and each
// command loads the engine only when it runs, so --help, --version and usage errors are quick.
import { NoModelError, VERSION, chooseProvider, parseProvider, resolveHome } from '../core/index';
import { EXIT_FAILURE, EXIT_USAGE, UsageError, errorLine, printable } from './output';
import { checkedLibraryUri, libraryChoice, type GlobalOptions } from './global-options';
import { diskFailureLine, type CommandPlaces } from './disk-failure-line';
import { withSavedLibraryNote } from './saved-library-note';
import { registerInfo } from './commands/info';
import { registerEmbedText } from './commands/embed-text';
import { registerEmbedImage } from './commands/embed-image';
import { registerIndex } from './commands/index';
import { registerStatus } from './commands/status';
import { registerList } from './commands/list';
import { registerShow } from './commands/show';
import { registerFolders } from './commands/folders';
import { registerSearch } from './commands/search';
import { registerWatch } from './commands/watch';
import { registerModels } from './commands/models';
import { registerTag } from './commands/tag';
import { registerAlbums } from './commands/albums';
import { registerFavourites } from './commands/favourites';
import { registerArchive } from './commands/archive';
import { registerDate } from './commands/date';
import { registerPlace } from './commands/place';
import { registerDescription } from './commands/description';
import { registerImport } from './commands/import';
import { registerRotate } from './commands/rotate';
import { registerPlaces } from './commands/places';
import { registerOnThisDay } from './commands/on-this-day';
import { registerDupes } from './commands/dupes';
import { registerServe } from './commands/serve';
import { registerRepair } from './commands/repair';
import { registerCopyLibrary } from './commands/copy-library';
import { registerSettings } from './commands/settings';

/**
 * A provider typed with --provider that core does not know is a usage error (exit 2) naming
 * the option and the names it knows, as a malformed --library is (SHOEBOX_PROVIDER: below).
 */
function typedProvider(value: string): string {
  try {
    return parseProvider(value);
  } catch (err) {
    throw new UsageError(`--provider: ${(err as Error).message}`);
  }
}

/**
 * The provider when --provider names none: the core's chooseProvider, as the app takes it
 * (src/main/provider-choice.ts). A name SHOEBOX_PROVIDER has no provider of was typed for this
 * shell: a usage error (exit 2), as for --provider. A bad value in settings.json is not the
 * command's mistake and must not lock the user out of every command (even `status`): as the
 * app does, one line on stderr, then auto. Nothing named leaves the option unset.
 */
function chosenProvider(home: string | undefined): string | undefined {
  const choice = chooseProvider(resolveHome(home));
  if (choice.source === 'SHOEBOX_PROVIDER' && choice.refused) throw new UsageError(choice.refused);
  if (choice.problem) process.stderr.write(`shoebox: ${printable(choice.problem)}\n`);
  return choice.source === 'default' ? undefined : choice.provider;
}

/**
 * A malformed --library is a usage error (exit 2); credentials and the bucket are checked when
 * it opens. Not commander's InvalidArgumentError: its message would quote the whole argument,
 * a key pasted after `?` or `#` included.
 */
function libraryArgument(value: string): string {
  return checkedLibraryUri(value, '--library');
}

/**
 * Errors are one line, written by runCli, never commander's own (outputError). The only text
 * commander still writes to its error stream is the help of a group named without a
 * subcommand (`shoebox tags`, or `shoebox` alone): that is asking what the group holds, so it
 * is the help as --help prints it, on stdout and exit 0 (README "Conventions"), in every group.
 */
const QUIET_OUTPUT = {
  outputError: () => {},
  writeErr: (text: string) => process.stdout.write(text),
  // As commander sizes --help: the terminal's width, else 80.
  getErrHelpWidth: () => (process.stdout.isTTY ? process.stdout.columns : 80),
  getErrHasColors: () => false,
};

export function buildProgram(): Command {
  const program = new Command('shoebox')
    .description('Shoebox: local-first photo search with CLIP')
    .version(VERSION)
    .option('--home <dir>', 'data folder (default: $SHOEBOX_HOME, else the platform user-data folder)')
    .addOption(
      new Option('--library <uri>', 'library location: a folder or s3://bucket/prefix (default: $SHOEBOX_LIBRARY, else the library the desktop app chose for this home, else <home>/library; S3 keys, region and endpoint from the AWS_* variables or ~/.aws)')
        .argParser(libraryArgument),
    )
    .addOption(
      new Option('--provider <name>', 'execution provider: auto, cuda, dml, coreml, webgpu or cpu (default: $SHOEBOX_PROVIDER, else "provider" in settings.json, else auto)')
        .argParser(typedProvider),
    )
    .showHelpAfterError(false)
    // No --provider: SHOEBOX_PROVIDER, else the home's settings.json may name one. Read when a
    // command runs (not as the option's default, which commander would not parse).
    .hook('preAction', () => {
      if (program.opts<{ provider?: string }>().provider) return;
      const chosen = chosenProvider(program.opts<{ home?: string }>().home);
      if (chosen) program.setOptionValue('provider', chosen);
    })
    .exitOverride()
    .configureOutput(QUIET_OUTPUT);
  registerInfo(program);
  registerEmbedText(program);
  registerEmbedImage(program);
  registerIndex(program);
  registerStatus(program);
  registerList(program);
  registerShow(program);
  registerFolders(program);
  registerSearch(program);
  registerWatch(program);
  registerModels(program);
  registerTag(program);
  registerAlbums(program);
  registerFavourites(program);
  registerArchive(program);
  registerDate(program);
  registerPlace(program);
  registerDescription(program);
  registerImport(program);
  registerRotate(program);
  registerPlaces(program);
  registerOnThisDay(program);
  registerDupes(program);
  registerServe(program);
  registerRepair(program);
  registerCopyLibrary(program);
  registerSettings(program);
  // Every subcommand, nested ones included: usage errors exit 2 through the program's path.
  const quiet = (cmd: Command): void => {
    cmd.exitOverride().configureOutput(QUIET_OUTPUT);
    cmd.commands.forEach(quiet);
  };
  program.commands.forEach(quiet);
  return program;
}

/** The command line is at fault: ours, or a --model that names no model at all (a typo). */
function isUsageError(err: unknown): boolean {
  return err instanceof UsageError || (err instanceof NoModelError && err.typo);
}

/** The commands whose work a full disk leaves as photos indexed so far. */
const ADDS_PHOTOS = new Set(['index', 'import', 'watch']);

/**
 * The places a disk failure may be about, as this command line names them: the home, the
 * library folder (not an s3:// one: no path of it is on this disk, and its URI may hold a key),
 * the folders typed. Never throws: a malformed SHOEBOX_LIBRARY has been said already.
 */
/** `command`: the top-level command that ran (null: none reached). */
function commandPlaces(program: Command, typed: readonly string[], command: Command | null): CommandPlaces {
  const globals = program.opts<GlobalOptions>();
  const home = resolveHome(globals.home);
  let library: string | null = path.join(home, 'library');
  try {
    const chosen = libraryChoice(globals).library;
    if (chosen !== undefined) library = /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen) ? null : path.resolve(chosen);
  } catch {
    library = null;
  }
  const values = typed.filter((t) => !t.startsWith('-') || /^--[^=\s]+=/.test(t)).map((t) => (t.startsWith('-') ? t.slice(t.indexOf('=') + 1) : t));
  return { home, library, typed: values.filter(Boolean).map((v) => path.resolve(v)), addsPhotos: ADDS_PHOTOS.has(command?.name() ?? '') };
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  // What was typed: a newline in a path quoted by an error is the path's, shown as \n.
  const typed = argv.slice(2);
  // The command that ran, for the words of a disk failure (what a full disk kept).
  // Taken as commander dispatches to it: before any action hook, which may be what fails.
  let running: Command | null = null;
  program.hook('preSubcommand', (_program, command) => {
    running = command;
  });
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      process.stderr.write(`${errorLine(err.message.replace(/^error: /, ''), typed)}\n`);
      return EXIT_USAGE;
    }
    if (isUsageError(err)) {
      process.stderr.write(`${errorLine(err, typed)}\n`);
      return EXIT_USAGE;
    }
    // A disk that refused (full, read-only, not ours to write, a file where a folder should
    // be): one plain sentence naming the folder, not the system's "ENOSPC: …, write".
    const disk = diskFailureLine(err, commandPlaces(program, typed, running));
    // An S3 library the desktop app chose, opened without keys of the CLI's own: said where it came from.
    process.stderr.write(`${errorLine(disk ?? withSavedLibraryNote(err, program.opts<GlobalOptions>()), typed)}\n`);
    return EXIT_FAILURE;
  }
}
