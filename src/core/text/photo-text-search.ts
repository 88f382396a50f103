// `shoebox search --text "open 24 hours"` and `text:"…"` terms: the full-text index finds
// the photos holding any of the words (each within an edit), or two adjacent words read as one
// ("exitkeep", "24hours": the index holds only that word), or a word run together with digits
// ("24HOURS" for "hours": photo-text-repository.ts scans for those), or as the recogniser
// misreads it beyond the index's one edit ("hauptstrabe" for "strasse": ocr-confusions.ts;
// "1OO" for "100": digit-lookalikes.ts),
// or an amount with either separator or run into letters (number-words.ts), then text-match.ts keeps
// those holding most of them, with the matched words' boxes. Ranked by the words found (most
// first), then the edits they took (fewest first), then BM25: BM25 alone favours a rare word,
// so a misread one ("0PFN") would outrank a photo that holds the words exactly.
// A photo found only by that scan has no BM25 score from the look-up (it holds none of the
// words as the index splits them): it gets the index's score for the words it holds as read
// ("open24hours"), looked up exactly, so its score says what a word hit's says.
import type { PhotoTextMatch } from '../../shared/search';
import type { PhotoTextRepository } from '../store/types';
import { matchText, type StoredLine } from './text-match';
import { misreadSpellings } from './ocr-confusions';
import { zeroSpellings } from './digit-lookalikes';
import { otherSeparators } from './number-words';
import { foldWord, queryWords } from './text-words';
import { wordParts } from './word-parts';

/** Candidates read from the index per query: the most a text search can return. */
export const TEXT_CANDIDATES = 10_000;
/** LanceDB's fuzziness: one edit, so "hourz" reaches "hours"; text-match.ts then allows more on long words. */
const INDEX_FUZZINESS = 1;
/** A word that ICU keeps whole across punctuation ("3.50", "l'eau", "www.example.com"): the
 *  index's fuzzy query splits it at the punctuation and so never finds it, where an exact one
 *  does. Looked up exactly (text-match.ts still allows its misread letters). */
const KEPT_WHOLE = /[^\p{L}\p{N}\p{M}]/u;

export interface TextHit {
  hash: string;
  /** Distinct query words the photo holds. */
  found: number;
  /** Edits they were found with (misread letters): fewer is better. */
  edits: number;
  /** BM25 score of the full-text index: higher is better. */
  score: number;
  match: PhotoTextMatch;
}

/** The photos (by content hash) whose text matches `query`, best first. */
export async function findText(store: Pick<PhotoTextRepository, 'searchPhotoText'>, query: string): Promise<TextHit[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const whole = words.filter((word) => KEPT_WHOLE.test(word));
  const plain = words.filter((word) => !KEPT_WHOLE.test(word));
  const joined = words.slice(1).map((word, i) => words[i]! + word).filter((word) => !KEPT_WHOLE.test(word));
  // "24hours" typed for "OPEN24HOURS" or "24 HOURS": its parts find both (the store scans for
  // words run together with digits); "mueller" for "Müller": the index folds it to "muller".
  const parts = plain.flatMap(wordParts);
  // "dogs.com" or "mcdonald's" typed: also its parts ("dogs", "mcdonald", which the store scans
  // for beside a point or an apostrophe) and itself without the apostrophe ("mcdonalds"); parts
  // of one or two letters would reach most of the index.
  const wholeParts = whole.flatMap((word) => [...wordParts(word).filter((part) => [...part].length > 2), word.replace(/'/g, '')]).filter((word) => !KEPT_WHOLE.test(word));
  const unspelled = plain.map((word) => word.replace(/(?<=[aou])e/g, '')).filter((word, i) => word !== plain[i]);
  // "strasse" (or "straße") for "HauptstraBe": the recogniser has no ß (ocr-confusions.ts).
  const misread = plain.flatMap(misreadSpellings);
  // "100" for "1OO": a number's 0s read as O's (digit-lookalikes.ts), two of them beyond the index's one edit.
  const zeros = plain.flatMap(zeroSpellings);
  const looked = [...new Set([...plain, ...joined, ...parts, ...wholeParts, ...unspelled, ...misread, ...zeros])];
  // "3,50" for "3.50"; "3.50" for "3.50EUR" or "TOTAL3.50" (at a line's end too), through the
  // store's scan for an amount run into letters (photo-text-repository.ts), whose rows come unscored
  // and are scored as read (scoreAsRead), as the scan's own.
  const wholeLooked = [...new Set([...whole, ...whole.map(otherSeparators).filter((w): w is string => w !== null)])];
  const candidates = uniqueByHash([
    ...(looked.length > 0 ? await store.searchPhotoText(looked.join(' '), { limit: TEXT_CANDIDATES, fuzziness: INDEX_FUZZINESS }) : []),
    ...(whole.length > 0 ? await store.searchPhotoText(wholeLooked.join(' '), { limit: TEXT_CANDIDATES, fuzziness: 0 }) : []),
  ]);
  const hits: TextHit[] = [];
  for (const c of candidates) {
    if (c.error !== null) continue;
    const matched = matchText(words, { text: c.text, lines: JSON.parse(c.lines) as StoredLine[], width: c.width, height: c.height });
    if (matched) hits.push({ hash: c.hash, found: matched.found, edits: matched.edits, score: c.score, match: matched.match });
  }
  await scoreAsRead(store, hits);
  return hits.sort(bestTextFirst);
}

/** Hits without a BM25 score (found by the store's scan): the score of the words they hold as read. */
async function scoreAsRead(store: Pick<PhotoTextRepository, 'searchPhotoText'>, hits: TextHit[]): Promise<void> {
  const unscored = hits.filter((h) => h.score === 0);
  if (unscored.length === 0) return;
  const read = [...new Set(unscored.flatMap((h) => h.match.words.map((w) => foldWord(w.text))))];
  if (read.length === 0) return;
  const scores = new Map((await store.searchPhotoText(read.join(' '), { limit: TEXT_CANDIDATES, fuzziness: 0 })).map((c) => [c.hash, c.score]));
  for (const h of unscored) h.score = scores.get(h.hash) ?? 0;
}

/** Each photo once, with its best BM25 score of the two look-ups. */
function uniqueByHash<T extends { hash: string; score: number }>(candidates: T[]): T[] {
  const best = new Map<string, T>();
  for (const c of candidates) if ((best.get(c.hash)?.score ?? -Infinity) < c.score) best.set(c.hash, c);
  return [...best.values()];
}

/** Most words found, then fewest edits, then the highest BM25 score: 0 for photos that match
 *  as well (the same text, or text as good); the search then ranks those by path (text-terms.ts). */
export function textRank(a: Omit<TextHit, 'hash' | 'match'>, b: Omit<TextHit, 'hash' | 'match'>): number {
  return b.found - a.found || a.edits - b.edits || b.score - a.score;
}

/** textRank; the hash breaks ties, so a content's place is stable before its paths are known. */
export function bestTextFirst(a: TextHit, b: TextHit): number {
  return textRank(a, b) || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
}
