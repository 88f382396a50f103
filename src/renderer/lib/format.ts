// Numbers and dates the way a person reads them.
import type { ShiftResult } from '../../shared/api';
import { shiftText } from '../../shared/taken-at';
import { itemsText } from '../../shared/count-text';

/** "1 photo", "2 photos"; with `complete` false, "200+ results" (more may follow). */
export function formatCount(n: number, one: string, many = `${one}s`, complete = true): string {
  if (!complete) return `${formatTotal(n, false)} ${many}`;
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** " 2 photos no longer in the library." after what a batch action did, or '' when none were gone. */
export function goneText(missing: number): string {
  return missing ? ` ${formatCount(missing, 'photo')} no longer in the library.` : '';
}

/** How far a date shift moved dates, without a sign to read: "30m later", "1d 2h earlier". */
export function shiftMovedText(seconds: number): string {
  return `${shiftText(Math.abs(seconds)).slice(1)} ${seconds < 0 ? 'earlier' : 'later'}`;
}

/**
 * What a shift of dates by `seconds` did (the selection bar's Date… → Shift dates). Photos with
 * no date taken recorded have none to move, yet the timeline shows them under a date (their
 * file's): the line says so and points to Set date, rather than "Shifted the date taken of
 * 0 photos by +1d. 2 photos had no date to shift.", which read as done.
 */
export function shiftResultText(result: ShiftResult, seconds: number): string {
  const { done, undated } = result;
  const them = undated === 1 ? 'it' : 'them';
  const noDate = `${formatCount(undated, 'photo')} ${undated === 1 ? 'has' : 'have'} no date taken (the timeline shows ${undated === 1 ? 'its' : 'their'} file’s date)`;
  const text =
    done === 0 && undated > 0
      ? `No date shifted: ${noDate}. To give ${them} one, use Set date.`
      : // Videos said as videos ("2 photos, 1 video"), as every line after an edit says them.
        `Shifted the date taken of ${itemsText(done, result.changedVideos ?? 0, formatCount)} by ${shiftText(seconds)}.${undated ? ` ${noDate} and did not move: to give ${them} one, use Set date.` : ''}`;
  return `${text}${goneText(result.missing)}`;
}

/** What the Undo of a shift by `seconds` did to `done` photos: the dates went the other way
 *  ("moved 1d earlier" after +1d; never "moved back by -1d"). */
export function shiftUndoneText(done: number, seconds: number): string {
  return `Undid the shift: the date taken of ${formatCount(done, 'photo')} moved ${shiftMovedText(-seconds)}.`;
}

/** " 1 photo changed since was left as it is." after what an Undo put back: the photos edited
 *  again since the action, which the core's undoEdit leaves with their newer value; '' when none.
 *  (Said with its noun: "1 changed since was left as it is." read as broken English.) */
export function changedSinceText(since: number): string {
  if (!since) return '';
  return ` ${formatCount(since, 'photo')} changed since ${since === 1 ? 'was left as it is' : 'were left as they are'}.`;
}

/** A total that may not be known yet: "200+" until the end of the list has been seen. */
export function formatTotal(n: number, complete: boolean): string {
  return complete ? n.toLocaleString() : `${n.toLocaleString()}+`;
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 10) return `${Math.round(perSecond)} photos/s`;
  return `${perSecond.toFixed(1)} photos/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating time left';
  if (seconds < 5) return 'a few seconds left';
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const h = Math.floor(seconds / 3600);
  return `about ${h} h ${Math.round((seconds - h * 3600) / 60)} min left`;
}

export function formatDate(ms: number | null): string {
  if (ms === null) return 'unknown';
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The last part of a path, whichever separator it uses. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * Short names for folders shown side by side (a select's options): each folder's last path
 * segment, or as many of its last segments as tell it from the others ("2023/Photos" and
 * "Phone/Photos", not "Photos" twice); a path no suffix tells apart is shown whole.
 */
export function folderNames(paths: readonly string[]): Map<string, string> {
  const split = paths.map((p) => p.split(/[\\/]/).filter(Boolean));
  const names = new Map<string, string>();
  split.forEach((parts, i) => {
    const path = paths[i]!;
    for (let n = 1; n <= parts.length; n++) {
      const tail = parts.slice(-n).join('/');
      const shared = split.some((other, j) => j !== i && other.slice(-n).join('/') === tail);
      if (!shared) return names.set(path, tail);
    }
    names.set(path, path);
  });
  return names;
}

/** Where a file is inside its library folder ("2019/trip/bad.jpg"); the whole path if it is not under it. */
export function pathInFolder(folder: string, path: string): string {
  const base = folder.replace(/[\\/]+$/, '');
  const rest = path.slice(base.length);
  if (base === '' || !path.startsWith(base) || !/^[\\/]/.test(rest)) return path;
  return rest.replace(/^[\\/]+/, '');
}

/** The most of a typed query a heading repeats: a pasted paragraph must not push the page's error out of sight. */
export const SHOWN_QUERY_CHARS = 80;

/** `text` cut to `max` characters at a word where one ends near there, with "…"; whole when it fits. */
export function shortText(text: string, max = SHOWN_QUERY_CHARS): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
