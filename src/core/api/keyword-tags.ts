// Keywords from other apps as Shoebox tags (description-import.ts reads them): each keyword a
// label of the import's own label set ("keywords"), made or extended as they come, and each
// photo's keywords its accepted tags there. So they show among the photo's tags, filter search
// (`--tag`), count in the sidebar, and the user can reject one as any tag. Insert only: a
// decision the photo has in that set already (a rejected tag included) stays as it is; an
// automatic suggestion of the same label becomes the accepted keyword. The set is the one the
// import made (its name kept as a library setting): a set of the user's own that happens to be
// called "keywords" is never extended, the import's is then "imported keywords". A label set
// needs two labels: a library whose only keyword is one word gets none until it has a second.
import { DEFAULT_MARGIN, DEFAULT_THRESHOLD, labelSetToJson, MAX_LABELS, parseLabelSet, parseLabelSetJson, type LabelSet } from '../tags/label-set';
import type { LibraryStore, TagRecord } from '../store/types';

/** The name the import's label set gets when no set has it. */
export const KEYWORDS_SET = 'keywords';
/** The library setting naming the label set the import made. */
export const KEYWORDS_SET_SETTING = 'keywordsLabelSet';
/** Tags per write. */
const TAGS_PER_WRITE = 4096;

export type KeywordStore = Pick<LibraryStore, 'getLabelSet' | 'putLabelSet' | 'listTags' | 'putTags' | 'getLibrarySetting' | 'putLibrarySetting'>;

export interface KeywordsWritten {
  /** The label set they went to (null: none was made, every keyword held back). */
  set: string | null;
  /** Tags added. */
  tags: number;
  /** Photos (contents) given at least one. */
  photos: number;
  /** Keywords held back: the set would have fewer than two labels, or more than a set may hold. */
  heldBack: string[];
}

/** Writes these contents' keywords as tags; `modelId`: the tags' model. */
export async function addKeywordTags(store: KeywordStore, keywords: ReadonlyMap<string, readonly string[]>, modelId: string): Promise<KeywordsWritten> {
  const written: KeywordsWritten = { set: null, tags: 0, photos: 0, heldBack: [] };
  if (keywords.size === 0) return written;
  const name = await importSetName(store);
  const record = await store.getLabelSet(name);
  const set: LabelSet = record ? parseLabelSetJson(record.json, `"${name}" (stored)`) : { name, labels: [], threshold: DEFAULT_THRESHOLD, margin: DEFAULT_MARGIN };
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
  const labels = [...set.labels, ...added.map((n) => ({ name: n, prompts: [] }))];
  if (labels.length < 2) return { ...written, heldBack: labels.map((l) => l.name) };
  if (added.length) {
    const checked = parseLabelSet(labelSetToJson({ ...set, labels }), `"${name}"`);
    await store.putLabelSet({ name, json: JSON.stringify(labelSetToJson(checked)), updatedAt: Date.now() });
    await store.putLibrarySetting(KEYWORDS_SET_SETTING, JSON.stringify(name));
  }
  written.set = name;
  const now = Date.now();
  const hashes = [...keywords.keys()];
  for (let at = 0; at < hashes.length; at += TAGS_PER_WRITE) {
    const chunk = hashes.slice(at, at + TAGS_PER_WRITE);
    // Only the user's decisions stand in the way; an automatic tag of the label is replaced.
    const decided = new Set((await store.listTags({ set: name, hashes: chunk, states: ['accepted', 'rejected'] })).map((t) => `${t.hash}\0${t.label.toLowerCase()}`));
    const tags: TagRecord[] = [];
    for (const hash of chunk) {
      const fresh = new Set(keywords.get(hash)!.map((k) => label.get(k.toLowerCase())).filter((n): n is string => n !== undefined && !decided.has(`${hash}\0${n.toLowerCase()}`)));
      for (const n of fresh) tags.push({ hash, set: name, label: n, score: 1, state: 'accepted', modelId, updatedAt: now });
      if (fresh.size) written.photos++;
    }
    if (tags.length) await store.putTags(tags);
    written.tags += tags.length;
  }
  return written;
}

/** The import's set: the one it made before, else "keywords" when free, else "imported keywords" (then 2, 3, …). */
async function importSetName(store: KeywordStore): Promise<string> {
  const kept = await store.getLibrarySetting(KEYWORDS_SET_SETTING);
  if (kept !== null) return JSON.parse(kept) as string;
  for (let n = 1; ; n++) {
    const name = n === 1 ? KEYWORDS_SET : n === 2 ? `imported ${KEYWORDS_SET}` : `imported ${KEYWORDS_SET} ${n - 1}`;
    if (!(await store.getLabelSet(name))) return name;
  }
}
