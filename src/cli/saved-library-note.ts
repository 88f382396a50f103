// When the CLI cannot sign for an S3 library the desktop app chose (Settings → Library), the
// error says where that library came from: the app keeps its keys encrypted with its own
// keychain (library-keys.bin), which the CLI cannot read, so the CLI needs keys of its own.
// Never a key in it: only the library's URI (safe to print) and where to put keys.
import { LibraryLocationError } from '../core/index';
import { resolvedLibrary, type GlobalOptions } from './global-options';

/** Messages of the core's (s3-settings.ts, s3-client.ts) that mean "no keys, or not these". */
const WANTS_KEYS = /^(no S3 credentials found for |access denied to )/;

/** `error` with the note when the library was the app's saved S3 choice and keys were missing or refused; else `error`. */
export function withSavedLibraryNote(error: unknown, globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): unknown {
  if (!(error instanceof LibraryLocationError) || !WANTS_KEYS.test(error.message)) return error;
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
  );
}
