// A grid tile's tooltip: the file's name, and why a search found it. A hit holding the text
// searched for says "text match" with the words it holds: a text-only search ranks by the
// full-text score (BM25, unbounded), which is no similarity, and a hit of a query with other
// terms too is still there because it holds the text. Other hits show their CLIP similarity.
import type { PhotoTextMatch } from '../../shared/search';

export function tileTitle(name: string, score: number | null, photoText?: PhotoTextMatch): string {
  if (photoText) {
    const words = photoText.words.map((w) => w.text).join(' ');
    return words ? `${name} · text match: ${words}` : `${name} · text match`;
  }
  return score === null ? name : `${name} · similarity ${score.toFixed(3)}`;
}
