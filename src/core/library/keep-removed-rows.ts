// The rows of photos that leave the library other than by an index run (the trash, in
// src/core/dupes/trash-duplicates.ts), kept in the same removed-rows cache an index run keeps
// a vanished folder's rows in (removed-rows.ts): a photo the user restores from the trash
// later is taken back without embedding, within the same limits of count and age.
//
// The cache file is the one the library's index runs read (same library, model and build):
// another RemovedRows over it is safe, each one reads the file again once it was replaced.
// The build is the one this process pinned (pinned-model-build.ts), as the index runs name
// theirs, never the folder read again: a folder removed or replaced since would name another file.
import type { LibraryStore } from '../store/types';
import type { HomePaths } from '../paths';
import { RemovedRows, removedRowsFile, rowsToKeep } from './removed-rows';

/** What this needs of a library (LibraryService has it). */
export interface RemovedRowsLibrary {
  readonly paths: Pick<HomePaths, 'cache'>;
  readonly location: { describe(): string };
  readonly modelId: string;
  /** The weights fingerprint of the build this process pinned (the index runs' cache is named by it). */
  readonly pinnedWeights: string | undefined;
  readonly modelMissing: Error | undefined;
  modelReplaced(): Error | undefined;
  writable(): Promise<LibraryStore>;
}

/**
 * Keeps the rows at `paths` (about to be removed) with their vectors, for `lib`'s model. Never
 * throws: a cache that cannot be written only costs an embedding later.
 */
export function keepRemovedRows(lib: RemovedRowsLibrary): (paths: readonly string[]) => Promise<void> {
  return async (paths) => {
    // No model, or another build in its folder since this process pinned its own: no file is
    // surely the one the index runs read, and a row kept in the wrong one would give vectors
    // other weights made. Nothing is kept (costs an embedding, as before).
    if (paths.length === 0 || lib.modelMissing || lib.modelReplaced()) return;
    try {
      const cache = new RemovedRows(removedRowsFile(lib.paths.cache, lib.location.describe(), lib.modelId, lib.pinnedWeights), lib.modelId);
      await cache.update(await rowsToKeep(await lib.writable(), paths, lib.modelId), []);
    } catch {
      // a cache: see above
    }
  };
}
