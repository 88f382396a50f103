// The `tag` filter. Tags live in tables of their own (src/core/tags), not in the photos
// table a search ranks, so a tag filter is applied by intersection: a label becomes the
// photos whose tag is current (automatic or accepted, not rejected), in any label set, as
// content hashes, and the store's vector search admits only those (PhotoFilter.hashes,
// still one LanceDB query). A label no set has is a QueryError (the CLI's usage error); a
// known label nobody carries finds nothing.
import type { SearchLibrary } from './search-library';
import { labelIndex, labelKey, parseLabelSetJson, type LabelSet } from '../tags/label-set';
import { currentTagsOf, isShown } from '../tags/current-labels';
import { QueryError } from './query-error';

export interface AllowedPhotos {
  paths?: string[];
  hashes?: string[];
}

export type TagFilter = (library: SearchLibrary, label: string) => Promise<AllowedPhotos>;

export const photosWithTag: TagFilter = async (library, label) => {
  const store = await library.readable();
  // Each set's own spelling of the label: decisions kept for a removed set (or a label taken
  // out of one) count nowhere, even where another set has a label of that name.
  const named: LabelSet[] = [];
  for (const record of await store.listLabelSets()) {
    const set = parseLabelSetJson(record.json, `"${record.name}" (stored)`);
    if (labelIndex(set, label) >= 0) named.push(set);
  }
  if (named.length === 0) throw new QueryError(`--tag ${label}: no label set has the label "${label}" (shoebox labels list)`);
  // Every row of the label in any spelling (a decision recorded on "red" holds for "Red"), as
  // the photo's tags show it (current-labels.ts): a rejection hides the model's tag.
  const key = labelKey(label);
  const hashes = new Set<string>();
  for (const set of named) {
    const rows = (await store.listTags({ set: set.name })).filter((t) => labelKey(t.label) === key);
    for (const t of currentTagsOf([set], rows)) if (isShown(t)) hashes.add(t.hash);
  }
  return { hashes: [...hashes] };
};
