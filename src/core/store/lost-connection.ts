// A library on S3 whose server stops answering mid-run (a dropped Wi-Fi, a NAS going to sleep):
// LanceDB's error is a page of nested causes with source paths. What the user needs is one
// line: which library, that the connection is gone, and that nothing committed is lost (Lance
// commits are atomic: a batch is either wholly visible or not at all) so running the command
// again resumes.
import { LibraryLocationError } from '../location/location-error';
import { lostConnectionLine } from '../location/s3-client';
import { toLocation, type StoreLocation } from './connection';

export class LibraryUnreachableError extends Error {
  override name = 'LibraryUnreachableError';
}

/** What object_store / hyper say when the connection itself failed (not an S3 error answer).
 *  hyper's IncompleteMessage: the server closed the connection before its answer (seen when a
 *  connection was cut as it opened, on a loaded machine, where "error sending request" was usual). */
const NETWORK = /error sending request|request or response body error|error reading a body|connection refused|ECONNREFUSED|ECONNRESET|connection reset|broken pipe|timed out|dns error|EHOSTUNREACH|ENETUNREACH|IncompleteMessage|connection closed before message completed/i;

/** Causes whose words are hyper's type names rather than a phrase. */
const SAID: Record<string, string> = { incompletemessage: 'connection closed before the answer' };

/**
 * The one-line error for a store call that failed because an S3 library could not be reached; null for anything else.
 * The bucket check made before LanceDB connects (s3-client.ts) already words its line: "cannot
 * reach" (never answered in this run: a mistyped port, a server not up yet, nothing written) or
 * "lost the connection" (answered before); either is kept as it is, but as a
 * LibraryUnreachableError, which a watcher and a background sync wait out (the NAS asleep).
 */
export function lostConnection(where: StoreLocation, error: unknown): LibraryUnreachableError | null {
  const location = toLocation(where);
  if (location.kind !== 's3' || error instanceof LibraryUnreachableError) return null;
  if (error instanceof LibraryLocationError) return error.code === 'unreachable' ? new LibraryUnreachableError(error.message) : null;
  const text = String((error as Error)?.message ?? error);
  const match = NETWORK.exec(text);
  if (!match) return null;
  return new LibraryUnreachableError(lostConnectionLine(location, SAID[match[0].toLowerCase()] ?? match[0]));
}
