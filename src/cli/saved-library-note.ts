// When the CLI cannot sign for an S3 library the desktop app chose (Settings → Library), the
// error says where that library came from: the app keeps its keys encrypted with its own
// keychain (library-keys.bin), which the CLI cannot read, so the CLI needs keys of its own.
// Never a key in it: only the library's URI (safe to print) and where to put keys.
import { LibraryLocationError } from '../core/index';
import { resolvedLibrary, type GlobalOptions } from './global-options';

/** The core's codes (location-error.ts) for "no keys, half a pair, or not these": told by the code, not the words. */
const WANTS_KEYS: ReadonlySet<string | undefined> = new Set(['no-keys', 'half-keys', 'keys-refused']);

/** `error` with the note when the library was the app's saved S3 choice and keys were missing or refused; else `error`. */
export function withSavedLibraryNote(error: unknown, globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): unknown {
  if (!(error instanceof LibraryLocationError) || !WANTS_KEYS.has(error.code)) return error;
  let library;
  try {
    library = resolvedLibrary(globals, env);
  } catch {
    return error; // a malformed SHOEBOX_LIBRARY: not a saved choice
  }
  if (library.from !== 'saved' || library.choice.kind !== 's3') return error;
  return new LibraryLocationError(
    `${error.message} (${library.uri} is the desktop app's library, chosen in Settings → Library; the keys the app keeps are its own: ` +
      'give the CLI keys in ~/.aws/credentials or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a library with --library)',
    error.code,
  );
}
