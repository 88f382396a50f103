// `shoebox albums create Reds red`: without --query the words after the name are the photos of a
// hand-picked album, so a new user's query reads as files, and "not in the library: ./red" does
// not tell them what to type instead. When none of the words names anything on disk, the line
// says so and offers them as the --query of a smart album; a path that is there (a photo not
// indexed yet, a folder) keeps the line every command says it in (missing-photos.ts).
import { shellWord, UNSAFE } from '../../base/shell-word';
import { absentFile, noSuchFileText } from '../no-such-file';
import { printable } from '../output';

/** The words as one shell word to paste: in double quotes (`"red car"`) where they hold them as typed, else shellWord's quoting. */
function quotedQuery(words: string): string {
  return /["\\$`!]/.test(words) || UNSAFE.test(words) ? shellWord(words) : `"${words}"`;
}

/**
 * The one stderr line for photo arguments none of which is on disk (each as `show` says it),
 * offering them as a query; null when one of them is there.
 */
export function queryOfferLine(typed: readonly string[]): string | null {
  const absent = typed.map(absentFile);
  if (typed.length === 0 || absent.some((p) => p === null)) return null;
  const paths = (absent as string[]).map(printable);
  const files = paths.length === 1 ? noSuchFileText(paths[0]!) : `no such files: ${paths.join(', ')}`;
  return `shoebox: ${files} (to make an album of the photos matching words, give them as --query ${quotedQuery(typed.join(' '))})\n`;
}
