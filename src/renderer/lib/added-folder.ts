// The outcome of "Add folder" that the sidebar cannot show. Library folders never nest: a
// folder added inside one is indexed as part of it (the engine records no second folder),
// so without a word the form would seem to have done nothing.
import { pathInFolder } from './format';

/** A note when `added` lies inside one of the library's `folders`; null when it is a folder of its own. */
export function addedFolderNote(added: string, folders: readonly string[]): string | null {
  const outer = folders.find((folder) => pathInFolder(folder, added) !== added);
  if (outer === undefined) return null;
  return `${added} is inside the library folder ${outer}: its photos are indexed as part of it, not as a folder of their own.`;
}
