// Options every command accepts (declared once on the program).
import { parseLibraryUri, readSavedLibraryChoice, resolveHome } from '../core/index';
import { checkedLibraryUri as checkedUri, homeLibrary, type HomeLibrary } from '../shared/home-library';
import { UsageError } from './output';

export interface GlobalOptions {
  home?: string;
  provider?: string;
  /** The library location: a folder or s3://bucket/prefix (--library; else see homeLibrary). */
  library?: string;
}

/**
 * `uri` when it is a library location that parses (a folder or s3://bucket/prefix); else a
 * usage error (exit 2) in the core's one line, which never repeats what follows `?` or `#`.
 * `source` names where it came from: "--library", "SHOEBOX_LIBRARY".
 */
export function checkedLibraryUri(uri: string, source?: string): string {
  return asUsageError(() => checkedUri(uri, source, parseLibraryUri));
}

/**
 * The library this command line opens, and where it came from, by the one rule the desktop
 * app follows too (shared/home-library.ts): --library, else SHOEBOX_LIBRARY, else the home's
 * saved choice (the app's Settings → Library), else <home>/library. A malformed
 * SHOEBOX_LIBRARY is a usage error, as a malformed --library is.
 */
export function resolvedLibrary(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): HomeLibrary {
  return asUsageError(() => homeLibrary({ flag: globals.library, variable: env.SHOEBOX_LIBRARY, saved: () => readSavedLibraryChoice(resolveHome(globals.home, env)) }, parseLibraryUri));
}

/**
 * The library options a command opens the library with (createLibraryApi's `library`, and
 * `s3` for an S3 library the app chose with an endpoint or region: the keys are the app's
 * alone, so the AWS variables and files sign, as for --library). None: <home>/library.
 */
export function libraryChoice(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): { library?: string; s3?: { endpoint?: string; region?: string } } {
  const resolved = resolvedLibrary(globals, env);
  if (resolved.from === 'default') return {};
  if (resolved.from !== 'saved' || resolved.choice.kind !== 's3') return { library: resolved.uri };
  const { endpoint, region } = resolved.choice;
  const s3 = { ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) };
  return { library: resolved.uri, ...(Object.keys(s3).length ? { s3 } : {}) };
}

function asUsageError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}
