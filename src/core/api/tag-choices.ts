// The tag filter's list (LibraryApi.tagChoices): one entry per label as search's `tag` filter
// matches it (tag-filter.ts: in every label set, in any case, by labelKey), counting each
// photo once. A "keywords" set's "Beach" beside the scenes set's "beach" is one choice, and a
// photo tagged in both is one photo: the number `shoebox tags find beach` prints.
import type { TagChoice } from '../../shared/api';
import type { LibraryStore } from '../store/types';
import { labelKey, type LabelSet } from '../tags/label-set';
import { currentTagsOf, isShown } from '../tags/current-labels';

/** Labels some photo shows (automatic or accepted), most photos first, then by name. */
export async function tagChoices(store: LibraryStore, sets: readonly LabelSet[]): Promise<TagChoice[]> {
  // Every state, each tag under its set's spelling: a rejection in another spelling hides the model's tag.
  const tags = currentTagsOf(sets, await store.listTags()).filter(isShown);
  const pathsOf = await store.libraryPathsByHash([...new Set(tags.map((t) => t.hash))]);
  const groups = new Map<string, { paths: Set<string>; spellings: Map<string, Set<string>> }>();
  for (const tag of tags) {
    const paths = pathsOf.get(tag.hash) ?? [];
    if (paths.length === 0) continue;
    const key = labelKey(tag.label);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { paths: new Set(), spellings: new Map() }));
    let spelled = group.spellings.get(tag.label);
    if (!spelled) group.spellings.set(tag.label, (spelled = new Set()));
    for (const p of paths) {
      group.paths.add(p);
      spelled.add(p);
    }
  }
  const choices = [...groups.values()].map((g) => ({ label: shownSpelling(g.spellings), photos: g.paths.size }));
  return choices.sort((a, b) => b.photos - a.photos || a.label.localeCompare(b.label));
}

/** The spelling most of the label's photos show; between equals, the first in sort order, so the list is stable. */
function shownSpelling(spellings: Map<string, Set<string>>): string {
  return [...spellings].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}
