// The line an edit by path ends with, when some photos asked for were so already (the core
// says which: nothing was written for them): they are said apart, never counted as done, as
// `favourites` and `date` say theirs. "removed the description of 2 photos (1 photo had no
// description)"; none changed: "1 photo had no description", not "removed … of 0 photos".
import { countText } from '../shared/count-text';

/** `done(count)`: the line for the photos changed ("described 2 photos"); `already(n)`: what n
 *  photos were ("had no description", "were described so already"). */
export function editDoneLine(changed: number, unchanged: number, done: (count: string) => string, already: (n: number) => string): string {
  if (changed === 0 && unchanged > 0) return `${countText(unchanged, 'photo')} ${already(unchanged)}`;
  return `${done(countText(changed, 'photo'))}${unchanged > 0 ? ` (${countText(unchanged, 'photo')} ${already(unchanged)})` : ''}`;
}
