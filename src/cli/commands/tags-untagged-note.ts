// What `tags list` says of the photos it left out for having no tag (of `set`). When folders
// were tagged but no label passed its set's threshold, "shoebox tag --help says how to tag a
// folder" sent the user to learn what they had just done: the note says the folders were
// tagged, and what gives photos a tag then (README "Auto-tagging": a set's "threshold", and
// `tags accept`).
import { printable } from '../output';
import { shellWord } from '../../base/shell-word';
import { countText } from '../../shared/count-text';

/** A folder remembered as auto-tagged (LibraryHost.autoTagFolders()); null: the whole library. */
export interface TaggedFolder {
  folder: string | null;
  set: string;
}

/** How many tagged folders the note names before counting the rest. */
const NAMED = 3;

export function untaggedNote(untagged: number, tagged: number, set: string | undefined, folders: readonly TaggedFolder[] = []): string {
  const what = set === undefined ? 'tag' : `tag of ${printable(set)}`;
  if (tagged > 0) return `${countText(untagged, 'photo')} without a ${what} not listed`;
  const none = untagged === 1 ? `the one photo has no ${what}` : `none of the ${untagged} photos has a ${what}`;
  const done = folders.filter((f) => set === undefined || f.set === set);
  if (done.length === 0) return `${none} yet (shoebox tag --help says how to tag a folder)`;
  const named = done.slice(0, NAMED).map((f) => `${f.folder === null ? 'the whole library' : printable(f.folder)} with ${printable(f.set)}`);
  if (done.length > NAMED) named.push(`${done.length - NAMED} more`);
  const one = done[0]!.set;
  return (
    `${none} above its label's threshold yet (tagged: ${named.join(', ')}); ` +
    `a lower "threshold" in the set gives more tags (shoebox labels export ${shellWord(one)} FILE, edit it, shoebox labels import FILE, then shoebox tag --set ${shellWord(one)} again), ` +
    `or give a photo a tag yourself (shoebox tags accept PHOTO LABEL)`
  );
}
