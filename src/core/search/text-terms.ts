// `text:"…"` terms (issue #14): a photo must hold the words in the text read in it
// (src/core/text: fuzzy, most words of each term). Alone, they rank by the full-text score;
// with CLIP terms, they narrow the set that the CLIP terms rank (search-service.ts). The
// filters (folder, dates, camera, tag) apply as to any search: through the store's query.
import type { PhotoTextMatch } from '../../shared/search';
import type { PhotoFilter, VectorHit } from '../store/types';
import { bestTextFirst, findText, textRank, type TextHit } from '../text';
import type { SearchStore } from './search-library';
import { newestFirst } from './result-page';
import { filterUtcOffset } from '../store/photo-date';

export type TextSearchHit = VectorHit & { photoText: PhotoTextMatch };

/** Contents whose text matches every term, best first (words found, edits and full-text scores summed over the terms). */
export async function photosHoldingText(store: SearchStore, terms: readonly string[]): Promise<Map<string, TextHit>> {
  let held: Map<string, TextHit> | null = null;
  for (const term of terms) {
    const found: Map<string, TextHit> = new Map((await findText(store, term)).map((h) => [h.hash, h]));
    if (held === null) {
      held = found;
      continue;
    }
    const both = new Map<string, TextHit>();
    for (const [hash, hit] of held) {
      const other = found.get(hash);
      if (other) both.set(hash, { hash, found: hit.found + other.found, edits: hit.edits + other.edits, score: hit.score + other.score, match: { ...hit.match, words: [...hit.match.words, ...other.match.words] } });
    }
    held = both;
  }
  const ranked = [...(held ?? new Map<string, TextHit>()).values()].sort(bestTextFirst);
  return new Map(ranked.map((h) => [h.hash, h]));
}

/** The hashes both the text and the filter allow (the filter's own hash list, from a tag, if any). */
export function allowedHashes(text: Map<string, TextHit>, filter: PhotoFilter): string[] {
  const keep = filter.hashes ? new Set(filter.hashes) : null;
  return [...text.keys()].filter((h) => keep === null || keep.has(h));
}

/**
 * Every photo holding the text that passes the filter, ranked by the full-text score (or
 * newest first). The filter runs as the store's own prefilter: an exact vector query whose
 * ranking is ignored, so the folder, date, camera and tag rules stay in one place.
 */
export async function textOnlyHits(store: SearchStore, text: Map<string, TextHit>, filter: PhotoFilter, sort: 'score' | 'date'): Promise<TextSearchHit[]> {
  const hashes = allowedHashes(text, filter);
  if (hashes.length === 0) return [];
  // The text was read per content, whatever the model: after a model switch only some of
  // these contents have a row in the current model's table yet. The probe vector comes from
  // one that has (any will do: its ranking is ignored), not from the first few text hits.
  const paths = await store.pathsByHash(hashes);
  const embedded = hashes.find((h) => paths.has(h));
  if (embedded === undefined) return [];
  const probe = (await store.vectorsByHash([embedded])).get(embedded);
  if (!probe) return [];
  const allPaths = [...paths.values()].flat();
  const passed = new Set((await store.searchVectors({ ...filter, hashes, vector: probe, limit: Math.max(1, allPaths.length), exact: true })).map((h) => h.path));
  return rankTextHits(store, text, hashes, paths, passed, sort, filterUtcOffset(filter));
}

/**
 * The photos (`paths` of each content, those `passed` the filters) holding the text, ranked:
 * best text match first, photos matching as well by path, or newest first.
 * With a model or without one (text-without-model.ts), the same order.
 */
export async function rankTextHits(
  store: Parameters<typeof newestFirst>[0],
  text: Map<string, TextHit>,
  hashes: readonly string[],
  paths: ReadonlyMap<string, string[]>,
  passed: ReadonlySet<string>,
  sort: 'score' | 'date',
  /** The viewer's clock the date order reads a photo without a date taken on (filters.utcOffset, else this machine's). */
  utcOffset: number,
): Promise<TextSearchHit[]> {
  const found: { hit: TextSearchHit; text: TextHit }[] = [];
  for (const hash of hashes) {
    const t = text.get(hash)!;
    for (const p of paths.get(hash) ?? []) if (passed.has(p)) found.push({ hit: { path: p, score: t.score, photoText: t.match }, text: t });
  }
  // Photos whose text matches as well rank by path (the README's rule), whichever content they are.
  const hits = found.sort((a, b) => textRank(a.text, b.text) || (a.hit.path < b.hit.path ? -1 : a.hit.path > b.hit.path ? 1 : 0)).map((f) => f.hit);
  if (sort === 'score') return hits;
  const byPath = new Map(hits.map((h) => [h.path, h]));
  return (await newestFirst(store, hits, utcOffset)).map((h) => byPath.get(h.path)!);
}
