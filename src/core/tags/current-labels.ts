// Which tags a photo shows: those of a label a set of the library has now. Decisions are kept
// by content, set and label whatever becomes of the set (a label taken out of a set, a set
// removed: they come back with it), so every read that shows tags (the viewer's details, a
// decision's answer, `tags list`, the review list, the counts) leaves out those whose label
// is gone, in one way.
//
// A label is matched as the set validator compares labels (labelKey: trimmed, in any case):
// a decision recorded on "red" holds for the set's "Red" once the set spells it so. The
// stored rows keep the label as they were written (nothing here rewrites them); a read shows
// them under the set's spelling, one tag per photo, set and label.
import type { LabelSetRepository, TagRecord, TagRepository } from '../store/types';
import { labelKey, parseLabelSetJson, type LabelSet } from './label-set';

/** The tags of labels the library's sets have now (see currentTagsOf). */
export async function onCurrentLabels<T extends TagRecord>(store: Pick<LabelSetRepository, 'listLabelSets'>, tags: readonly T[]): Promise<T[]> {
  if (tags.length === 0) return [];
  const sets = (await store.listLabelSets()).map((r) => parseLabelSetJson(r.json, `"${r.name}" (stored)`));
  return currentTagsOf(sets, tags);
}

/**
 * The tags of labels `sets` have now, each under its set's spelling of the label. Rows that
 * are one tag (same content, set and label by labelKey: a decision on "red", the model's tag
 * "Red") are one: a decision over an automatic tag, then the newest, as the store ranks the
 * rows of one exact label. Pass every state: a rejection hides the automatic tag it is about
 * only when it is among the rows (leave the rejected out afterwards, with isShown).
 */
export function currentTagsOf<T extends TagRecord>(sets: readonly LabelSet[], tags: readonly T[]): T[] {
  if (tags.length === 0) return [];
  const spelling = new Map(sets.flatMap((s) => s.labels.map((l) => [JSON.stringify([s.name, labelKey(l.name)]), l.name] as const)));
  const winners = new Map<string, T>();
  for (const t of tags) {
    const label = spelling.get(JSON.stringify([t.set, labelKey(t.label)]));
    if (label === undefined) continue;
    const key = JSON.stringify([t.hash, t.set, labelKey(label)]);
    const other = winners.get(key);
    if (!other || rank(t) > rank(other)) winners.set(key, t.label === label ? t : { ...t, label });
  }
  return [...winners.values()];
}

/**
 * The contents that show `label` (in any spelling) as a tag of one of `sets`: the model's tag or
 * an acceptance, a rejection in any spelling hiding the model's tag (`tags find`, `search --tag`).
 */
export async function hashesShowingLabel(store: Pick<TagRepository, 'listTags'>, sets: readonly LabelSet[], label: string): Promise<Set<string>> {
  const key = labelKey(label);
  const hashes = new Set<string>();
  for (const set of sets) {
    const rows = (await store.listTags({ set: set.name })).filter((t) => labelKey(t.label) === key);
    for (const t of currentTagsOf([set], rows)) if (isShown(t)) hashes.add(t.hash);
  }
  return hashes;
}

/** A tag a photo shows (automatic or accepted; a rejected one hides its label). */
export function isShown(tag: Pick<TagRecord, 'state'>): boolean {
  return tag.state !== 'rejected';
}

/** Which row wins for one tag: a decision over an auto tag, then the newest (tags-repository.ts). */
function rank(t: Pick<TagRecord, 'state' | 'updatedAt'>): number {
  return (t.state === 'auto' ? 0 : 2 ** 52) + t.updatedAt;
}
