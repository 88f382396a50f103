// The photos whose description (written by the user, descriptions-repository.ts) says what was
// typed: every word typed begins a word of the description, case and accents ignored, so
// "grandma birth" finds "Grandma's 80th birthday". Kept apart from CLIP's ranking: a description
// is the user's words, not what the model sees (the app offers them beside the results).
import type { LibraryStore } from '../store/types';
import { normalizePlaceName } from '../../shared/place-name';

/** Words of a text, folded: "Grandma's 80th!" → ["grandma", "s", "80th"]. */
export function descriptionWords(text: string): string[] {
  return normalizePlaceName(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The content hashes whose description has every word of `text` (a prefix of one of its words); null when `text` has no word. */
export async function hashesDescribed(store: Pick<LibraryStore, 'descriptions'>, text: string): Promise<Set<string> | null> {
  const wanted = descriptionWords(text);
  if (wanted.length === 0) return null;
  const hashes = new Set<string>();
  for (const [hash, description] of await store.descriptions()) {
    const words = descriptionWords(description);
    if (wanted.every((w) => words.some((d) => d.startsWith(w)))) hashes.add(hash);
  }
  return hashes;
}
