// Which tags a photo shows: those of a label a set of the library has now. Decisions are kept
// by content, set and label whatever becomes of the set (a label taken out of a set, a set
// removed: they come back with it), so every read that shows tags (the viewer's details, a
// decision's answer, `tags list`) leaves out those whose label is gone, in one way.
import type { LabelSetRepository, TagRecord } from '../store/types';
import { parseLabelSetJson } from './label-set';

/** The tags of labels the library's sets have now. */
export async function onCurrentLabels<T extends Pick<TagRecord, 'set' | 'label'>>(store: Pick<LabelSetRepository, 'listLabelSets'>, tags: readonly T[]): Promise<T[]> {
  if (tags.length === 0) return [];
  const labels = new Set((await store.listLabelSets()).flatMap((r) => parseLabelSetJson(r.json, `"${r.name}" (stored)`).labels.map((l) => JSON.stringify([r.name, l.name]))));
  return tags.filter((t) => labels.has(JSON.stringify([t.set, t.label])));
}
