// The words the review puts on a group's copies: each radio's name (with the folder when two
// copies share a file name, or a screen reader hears "Keep tench.JPEG" twice), the date taken
// (to the second where the minute would not tell two copies apart), what is at stake on a copy
// (its marks, and what the trash does with each), and why the keeper is suggested.
import type { DuplicateMemberInfo, KeepReason } from '../../../shared/api';
import { KEEP_REASON_TEXT } from '../../../shared/keep-reason-text';
import { SAME_FILE_AS_KEPT } from '../../../shared/same-file-text';
import { offsetText, takenAtText } from '../../../shared/taken-at';
import { baseName, folderNames, formatCount } from '../../lib/format';

/** Each member's name as the review says it: its file name, "in <folder>" added when another member has that name too. */
export function memberNames(members: readonly DuplicateMemberInfo[]): Map<string, string> {
  const byName = new Map<string, DuplicateMemberInfo[]>();
  for (const m of members) byName.set(baseName(m.path), [...(byName.get(baseName(m.path)) ?? []), m]);
  const names = new Map<string, string>();
  for (const [file, same] of byName) {
    if (same.length === 1) {
      names.set(same[0]!.id, file);
      continue;
    }
    // As many of the folder's last parts as tell the copies apart ("phone/DCIM", "backup/DCIM").
    const folders = folderNames(same.map((m) => folderOf(m.path)));
    for (const m of same) names.set(m.id, `${file} in ${folders.get(folderOf(m.path))}`);
  }
  return names;
}

function folderOf(file: string): string {
  return file.slice(0, Math.max(0, file.length - baseName(file).length)).replace(/[\\/]+$/, '') || file;
}

/** Each dated member's date taken, the camera's clock; with seconds when two would read alike to the minute. */
export function takenTexts(members: readonly DuplicateMemberInfo[]): Map<string, string> {
  const dated = members.filter((m) => m.takenAt !== undefined);
  const minutes = dated.map((m) => takenAtText(m.takenAt!, m.takenOffset));
  const blurred = dated.some((m, i) => dated.some((o, j) => minutes[j] === minutes[i] && (o.takenAt !== m.takenAt || o.takenOffset !== m.takenOffset)));
  return new Map(dated.map((m, i) => [m.id, blurred ? withSeconds(m.takenAt!, m.takenOffset) : minutes[i]!]));
}

function withSeconds(takenAt: number, offset?: number): string {
  const text = new Date(takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return typeof offset === 'number' ? `${text} (UTC${offsetText(offset)})` : text;
}

export interface MemberMark {
  key: 'favourite' | 'archived' | 'described' | 'albums';
  text: string;
  /** What the duplicates trash does with it if this copy goes (src/core/api/keeper-marks.ts). */
  fate: string;
}

/** What the user gave this copy, each with what happens to it if the copy goes. */
export function memberMarks(m: DuplicateMemberInfo): MemberMark[] {
  const marks: MemberMark[] = [];
  if (m.favourite) marks.push({ key: 'favourite', text: 'Favourite', fate: 'if it goes, the photo kept becomes a favourite' });
  if (m.archived) marks.push({ key: 'archived', text: 'Archived', fate: 'being archived does not pass to the photo kept (an identical copy, of the same content, shares it already)' });
  if (m.described) marks.push({ key: 'described', text: 'Described', fate: 'if it goes, its description passes to the photo kept, unless that one has its own' });
  if (m.albums) marks.push({ key: 'albums', text: `In ${formatCount(m.albums, 'album')}`, fate: `added by hand to ${formatCount(m.albums, 'album')} (a smart album's own matches are not counted); if it goes, the photo kept takes its place there` });
  return marks;
}

/** "Suggested: more pixels; not named like a copy" (the ranking's criteria that put it ahead of the others). */
export function keepReasonsText(why: readonly KeepReason[]): string {
  return `Suggested: ${why.map((r) => KEEP_REASON_TEXT[r]).join('; ')}`;
}

/** The ranking, for the line's tooltip. */
export const KEEP_ORDER_TEXT = 'The suggested copy ranks first by resolution (an enlarged copy counts the pixels it was enlarged from), then the original over an enlarged copy, then EXIF completeness as the camera wrote it (date taken, camera, GPS; not a date or place set by hand), file size (sizes within 1% count as one), sharpness, a real file in the library over a link, a name that is not a copy\'s, the oldest file, the path.';


/** A copy that is the same file on disk as the kept one (DuplicateMemberInfo.sameFileAs): the core's words, as a line. */
export const SAME_FILE_TEXT = `${SAME_FILE_AS_KEPT.charAt(0).toUpperCase()}${SAME_FILE_AS_KEPT.slice(1)}`;

/** Whether `member` stays because it is the same file as the photo kept (`keep`: its id). */
export function sameFileAsKept(member: DuplicateMemberInfo, keep: string): boolean {
  return member.id !== keep && (member.sameFileAs?.includes(keep) ?? false);
}
