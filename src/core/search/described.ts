// The photos whose description (written by the user, descriptions-repository.ts) says what was
// typed: every word typed begins a word of the description, case and accents ignored, so
// "grandma birth" finds "Grandma's 80th birthday". Kept apart from CLIP's ranking: a description
// is the user's words, not what the model sees (the app offers them beside the results).
import type { LibraryStore } from '../store/types';
import { QueryError } from './query-error';

/** Said when the words typed have none to look for ("", "  ", "!!"): by every front end, the
 *  CLI's usage error (exit 2) as the app's and `shoebox serve`'s refusal. */
export const NO_WORD_TO_FIND = 'give a word to look for (letters, digits or emoji): "grandma birth" finds "Grandma\'s 80th birthday"';

/** Folded for matching: compatibility forms (ligatures, full-width) as plain, lower case, and
 *  accents off Latin, Greek and Cyrillic letters only (a Devanagari vowel sign is part of the
 *  word, not an accent), apostrophes dropped ("Grandma's" is "grandmas"). */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/['’]/g, '');
}

/** Words of a text, folded: "Grandma's 80th 🎂!" → ["grandmas", "80th", "🎂"]. */
export function descriptionWords(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}]+/u).filter(Boolean);
}

/** Chinese, Japanese and Korean are written without spaces: a word of theirs is found anywhere. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The content hashes whose description has every word of `text` (the start of one of its words;
 *  a Chinese, Japanese or Korean word anywhere in it); a QueryError when `text` has no word. */
export async function hashesDescribed(store: Pick<LibraryStore, 'descriptions'>, text: string): Promise<Set<string>> {
  const wanted = descriptionWords(text);
  if (wanted.length === 0) throw new QueryError(NO_WORD_TO_FIND);
  const hashes = new Set<string>();
  for (const [hash, description] of await store.descriptions()) {
    const words = descriptionWords(description);
    const whole = fold(description);
    if (wanted.every((w) => (UNSPACED.test(w) ? whole.includes(w) : words.some((d) => d.startsWith(w))))) hashes.add(hash);
  }
  return hashes;
}
