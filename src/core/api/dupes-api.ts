// LibraryApi's duplicate methods over src/core/dupes. (Being written: see issue #4.)
import type { ApiContext, ApiMethods } from './api-context';

export type DupesMethods = ApiMethods<'findDuplicates' | 'duplicates' | 'trashDuplicates'>;

export function dupesApi(_ctx: ApiContext): DupesMethods {
  const todo = (): never => {
    throw new Error('not available yet');
  };
  return { findDuplicates: todo, duplicates: todo, trashDuplicates: todo };
}
