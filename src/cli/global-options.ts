// Options every command accepts (declared once on the program).
import { parseLibraryUri } from '../core/index';
import { UsageError } from './output';

export interface GlobalOptions {
  home?: string;
  provider?: string;
  /** The library location: a folder or s3://bucket/prefix (--library, else SHOEBOX_LIBRARY). */
  library?: string;
}

/**
 * `uri` when it is a library location that parses (a folder or s3://bucket/prefix); else a
 * usage error (exit 2) in the core's one line, which never repeats what follows `?` or `#`.
 * `source` names where it came from: "--library", "SHOEBOX_LIBRARY".
 */
export function checkedLibraryUri(uri: string, source?: string): string {
  try {
    parseLibraryUri(uri);
    return uri;
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(source ? `${source}: ${message}` : message);
  }
}

/**
 * The library location a command opens: --library, else SHOEBOX_LIBRARY, else none (the
 * core's default, <home>/library). Read here at the edge, never inside the core; a malformed
 * SHOEBOX_LIBRARY is a usage error, as a malformed --library is.
 */
export function libraryChoice(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): { library?: string } {
  const library = globals.library ?? (env.SHOEBOX_LIBRARY ? checkedLibraryUri(env.SHOEBOX_LIBRARY, 'SHOEBOX_LIBRARY') : undefined);
  return library !== undefined ? { library } : {};
}
