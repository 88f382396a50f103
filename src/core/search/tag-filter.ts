// The `tag` filter. Tags live in tables of their own (src/core/tags), not in the photos
// table a search ranks, so a tag filter is applied by intersection: a label becomes the
// photos whose tag is current (automatic or accepted, not rejected), in any label set, as
// content hashes, and the store's vector search admits only those (PhotoFilter.hashes,
// still one LanceDB query). A label no set has is a QueryError (the CLI's usage error); a
// known label nobody carries finds nothing.
import type { SearchLibrary } from './search-library';
import { labelIndex, parseLabelSetJson, type LabelSet } from '../tags/label-set';
import { hashesShowingLabel } from '../tags/current-labels';
import { QueryError } from './query-error';
import { unknownTagCliText } from '../../shared/app-wording';

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
  if (named.length === 0) throw new QueryError(unknownTagCliText(label), { code: 'unknown-tag', label });
  // Any spelling of the label, as the photo's tags show it (current-labels.ts).
  const hashes = await hashesShowingLabel(store, named, label);
  return { hashes: [...hashes] };
};
