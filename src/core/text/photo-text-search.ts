// `shoebox search --text "open 24 hours"` and `text:"…"` terms: the full-text index finds
// the photos holding any of the words (each within an edit), then text-match.ts keeps those
// holding most of them, with the matched words' boxes. Ranked by the words found (most
// first), then the edits they took (fewest first), then BM25: BM25 alone favours a rare word,
// so a misread one ("0PFN") would outrank a photo that holds the words exactly.
import type { PhotoTextMatch } from '../../shared/search';
import type { PhotoTextRepository } from '../store/types';
import { matchText, type StoredLine } from './text-match';
import { queryWords } from './text-words';

/** Candidates read from the index per query: the most a text search can return. */
export const TEXT_CANDIDATES = 10_000;
/** LanceDB's fuzziness: one edit, so "hourz" reaches "hours"; text-match.ts then allows more on long words. */
const INDEX_FUZZINESS = 1;

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
  const candidates = await store.searchPhotoText(words.join(' '), { limit: TEXT_CANDIDATES, fuzziness: INDEX_FUZZINESS });
  const hits: TextHit[] = [];
  for (const c of candidates) {
    if (c.error !== null) continue;
    const matched = matchText(words, { text: c.text, lines: JSON.parse(c.lines) as StoredLine[], width: c.width, height: c.height });
    if (matched) hits.push({ hash: c.hash, found: matched.found, edits: matched.edits, score: c.score, match: matched.match });
  }
  return hits.sort(bestTextFirst);
}

/** Most words found, then fewest edits, then the highest BM25 score; the hash breaks ties. */
export function bestTextFirst(a: TextHit, b: TextHit): number {
  return b.found - a.found || a.edits - b.edits || b.score - a.score || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
}
