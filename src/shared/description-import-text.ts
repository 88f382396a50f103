// What an import of captions and keywords from files did, as the app's job line and the CLI say it.
import type { DescriptionImport } from './api';

/**
 * "imported the captions of 5 of 6 photos without a description, and 7 keywords of 3 photos as
 * tags (label set “keywords”), 1 could not be read here".
 */
export function importSummary(r: DescriptionImport): string {
  const keywords = r.keywords ? `, and ${count(r.keywords, 'keyword')} of ${count(r.keyworded, 'photo')} as tags (label set “${r.keywordSet}”)` : '';
  const held = r.heldBack.length ? `, ${count(r.heldBack.length, 'keyword')} held back (${r.heldBack.length === 1 && !r.keywordSet ? `“${r.heldBack[0]}”: a label set needs two labels, so it comes with the next keyword` : `the label set “${r.keywordSet}” is full`})` : '';
  const unreadable = r.unreadable.length ? `, ${r.unreadable.length.toLocaleString()} could not be read here` : '';
  return `imported the captions of ${r.imported.toLocaleString()} of ${count(r.read, 'photo')} without a description${keywords}${held}${unreadable}`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString()} ${n === 1 ? noun : `${noun}s`}`;
}
