// Keywords from other apps as Shoebox tags (description-import.ts reads them): each keyword a
// label of the label set "keywords", made or extended as they come, and each photo's keywords
// its accepted tags there. So they show among the photo's tags, filter search (`--tag`), count
// in the sidebar, and the user can reject one as any tag. Insert only: a tag the photo has in
// that set already (one the user rejected included) stays as it is. A label set needs two
// labels: a library whose only keyword is one word gets none until it has a second.
import { DEFAULT_MARGIN, DEFAULT_THRESHOLD, labelSetToJson, MAX_LABELS, parseLabelSet, parseLabelSetJson, type LabelSet } from '../tags/label-set';
import type { LibraryStore, TagRecord } from '../store/types';

/** The label set imported keywords become labels of. */
export const KEYWORDS_SET = 'keywords';

export type KeywordStore = Pick<LibraryStore, 'getLabelSet' | 'putLabelSet' | 'listTags' | 'putTags'>;

export interface KeywordsWritten {
  /** Tags added. */
  tags: number;
  /** Photos (contents) given at least one. */
  photos: number;
  /** Keywords held back: the set would have fewer than two labels, or more than a set may hold. */
  heldBack: string[];
}

/** Writes these contents' keywords as tags (one label set write, one tag write); `modelId`: the tags' model. */
export async function addKeywordTags(store: KeywordStore, keywords: ReadonlyMap<string, readonly string[]>, modelId: string): Promise<KeywordsWritten> {
  const written: KeywordsWritten = { tags: 0, photos: 0, heldBack: [] };
  if (keywords.size === 0) return written;
  const record = await store.getLabelSet(KEYWORDS_SET);
  const set: LabelSet = record ? parseLabelSetJson(record.json, `"${KEYWORDS_SET}" (stored)`) : { name: KEYWORDS_SET, labels: [], threshold: DEFAULT_THRESHOLD, margin: DEFAULT_MARGIN };
  // Labels are one whatever their case: a keyword takes the spelling its label has.
  const label = new Map(set.labels.map((l) => [l.name.toLowerCase(), l.name]));
  const added: string[] = [];
  for (const keyword of new Set([...keywords.values()].flat())) {
    if (label.has(keyword.toLowerCase())) continue;
    if (set.labels.length + added.length >= MAX_LABELS) {
      written.heldBack.push(keyword);
      continue;
    }
    label.set(keyword.toLowerCase(), keyword);
    added.push(keyword);
  }
  const labels = [...set.labels, ...added.map((name) => ({ name, prompts: [] }))];
  if (labels.length < 2) return { ...written, heldBack: [...labels.map((l) => l.name)] };
  if (added.length) {
    const checked = parseLabelSet(labelSetToJson({ ...set, labels }), `"${KEYWORDS_SET}"`);
    await store.putLabelSet({ name: KEYWORDS_SET, json: JSON.stringify(labelSetToJson(checked)), updatedAt: Date.now() });
  }
  const has = new Set((await store.listTags({ set: KEYWORDS_SET, hashes: [...keywords.keys()] })).map((t) => `${t.hash}\0${t.label.toLowerCase()}`));
  const now = Date.now();
  const tags: TagRecord[] = [];
  for (const [hash, list] of keywords) {
    const fresh = list.map((k) => label.get(k.toLowerCase())).filter((name): name is string => name !== undefined && !has.has(`${hash}\0${name.toLowerCase()}`));
    for (const name of new Set(fresh)) tags.push({ hash, set: KEYWORDS_SET, label: name, score: 1, state: 'accepted', modelId, updatedAt: now });
    if (fresh.length) written.photos++;
  }
  if (tags.length) await store.putTags(tags);
  written.tags = tags.length;
  return written;
}
