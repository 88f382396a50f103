// An example image or video (similar, a search's image term) that is in a library folder but
// that indexing could not read: said as `shoebox show` says it (the file's fault, with the
// reason indexing recorded), not "index its folder first", which it already is.
import path from 'node:path';
import { ImageDecodeError } from '../clip/preprocess';
import type { FailureRepository } from '../store/types';

/** The words every front end shows for a file the index recorded as failed. */
export function notIndexedText(absPath: string, reason: string): string {
  return `${absPath}: not in the library, it could not be indexed: ${reason} (tried again when the file changes)`;
}

/** Throws (ImageDecodeError: the file is at fault, exit 1) when indexing recorded `absPath` as failed. */
export async function refuseIndexFailure(store: Pick<FailureRepository, 'listFailures'>, absPath: string): Promise<void> {
  // Only the example's own folder is read: a failed example is rare, its folder's failures few.
  const failure = (await store.listFailures(path.dirname(absPath))).find((f) => f.path === absPath);
  if (failure) throw new ImageDecodeError(notIndexedText(absPath, failure.reason));
}
