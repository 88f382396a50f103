// Which library a home opens: ONE rule for the desktop app (src/main/engine-library.ts) and
// the CLI and `shoebox serve` (src/cli/global-options.ts), so that both open the same one:
//
//   --library (the CLI only) > SHOEBOX_LIBRARY > the home's saved choice (Settings → Library,
//   library-choice.json) > <home>/library
//
// Pure (src/shared imports nothing): each front end reads library-choice.json itself and hands
// in the core's URI parser, so a malformed --library or SHOEBOX_LIBRARY is the same one line
// on both sides.
import { libraryChoiceUri, type LibraryChoice } from './library-choice';

/** Where the library came from, and its URI; 'default' is <home>/library. */
export type HomeLibrary =
  | { from: '--library' | 'SHOEBOX_LIBRARY'; uri: string }
  | { from: 'saved'; uri: string; choice: Exclude<LibraryChoice, { kind: 'default' }> }
  | { from: 'default' };

export interface HomeLibrarySources {
  /** --library, as typed (the CLI only). */
  flag?: string | undefined;
  /** SHOEBOX_LIBRARY; set to nothing counts as unset. */
  variable?: string | undefined;
  /** The home's saved choice (library-choice.json); asked only when neither of the above is set. */
  saved: () => LibraryChoice;
}

/** The core's parser (parseLibraryUri): throws one line on a malformed URI, never echoing a key. */
export type LibraryUriParser = (uri: string) => unknown;

export function homeLibrary(sources: HomeLibrarySources, parse: LibraryUriParser): HomeLibrary {
  if (sources.flag !== undefined) return { from: '--library', uri: checkedLibraryUri(sources.flag, '--library', parse) };
  if (sources.variable) return { from: 'SHOEBOX_LIBRARY', uri: checkedLibraryUri(sources.variable, 'SHOEBOX_LIBRARY', parse) };
  const choice = sources.saved();
  if (choice.kind === 'default') return { from: 'default' };
  return { from: 'saved', uri: libraryChoiceUri(choice)!, choice };
}

/**
 * `uri` when the core parses it; else an Error in one line, `SOURCE: the core's message`
 * (which never repeats what follows `?` or `#`). The CLI makes it a usage error (exit 2); the
 * app's engine start fails with it.
 */
export function checkedLibraryUri(uri: string, source: string | undefined, parse: LibraryUriParser): string {
  try {
    parse(uri);
    return uri;
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(source ? `${source}: ${message}` : message, { cause: error });
  }
}
