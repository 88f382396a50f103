// The read side of LibraryApi's tags: the review list and the per-label counts. Tags are
// keyed by content hash; the UI wants photos, so each tag becomes every path holding that
// content in the library (a copy of a tagged photo carries its tag too; one the model in use
// has not embedded yet too, as the decisions hold under every model: libraryPathsByHash), and a
// tag whose photo has left the library shows nowhere.
import type { PhotoTag, TagCount, TagReviewPage, TagState, TaggedPhoto } from '../../shared/api';
import type { LibraryStore, TagRecord } from '../store/types';
import { labelKey, type LabelSet } from '../tags/label-set';
import { currentTagsOf, isShown } from '../tags/current-labels';
import { readMarks, toPhoto } from './photo-views';

export interface ReviewQuery {
  set: LabelSet;
  /** The label's name as the set spells it, or undefined for all of them. */
  label: string | undefined;
  state: TagState;
  offset: number;
  limit: number;
}

/** Least confident first (the ones most worth a look), then by path, so pages are stable. */
export async function reviewPage(store: LibraryStore, query: ReviewQuery): Promise<TagReviewPage> {
  // Only the set's labels, matched in any case (a decision on "red" is the set's "Red"): decisions
  // on a label taken out of it wait, unseen, for its return. Every state is read, so that a
  // decision in another spelling hides the model's tag on the label (current-labels.ts).
  const key = query.label === undefined ? undefined : labelKey(query.label);
  const tags = currentTagsOf([query.set], await store.listTags({ set: query.set.name })).filter((t) => t.state === query.state && (key === undefined || labelKey(t.label) === key));
  const paths = await store.libraryPathsByHash(tags.map((t) => t.hash));
  const items = tags.flatMap((tag) => (paths.get(tag.hash) ?? []).map((path) => ({ path, tag })));
  items.sort((a, b) => a.tag.score - b.tag.score || compare(a.path, b.path) || compare(a.tag.label, b.tag.label));
  const slice = items.slice(query.offset, query.offset + query.limit);
  const [rows, marks] = await Promise.all([store.photosByPath(slice.map((item) => item.path)), readMarks(store)]);
  const photos: TaggedPhoto[] = slice.flatMap((item) => {
    const row = rows.get(item.path);
    return row ? [{ ...toPhoto(row, marks), tag: toTag(item.tag) }] : [];
  });
  return { total: items.length, offset: query.offset, photos };
}

/** Photos per set and label carrying the tag (auto or accepted); every label of every set, zeros included. */
export async function countTags(store: LibraryStore, sets: readonly LabelSet[]): Promise<TagCount[]> {
  // Every state, each tag under its set's spelling: a rejection in another spelling hides the model's tag.
  const tags = currentTagsOf(sets, await store.listTags()).filter(isShown);
  const paths = await store.libraryPathsByHash(tags.map((t) => t.hash));
  const counts = new Map<string, number>();
  for (const tag of tags) {
    const key = JSON.stringify([tag.set, tag.label]);
    counts.set(key, (counts.get(key) ?? 0) + (paths.get(tag.hash)?.length ?? 0));
  }
  return sets.flatMap((set) => set.labels.map((label) => ({ set: set.name, label: label.name, count: counts.get(JSON.stringify([set.name, label.name])) ?? 0 })));
}

function toTag(t: TagRecord): PhotoTag {
  return { set: t.set, label: t.label, score: t.score, state: t.state };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
