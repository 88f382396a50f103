// The last duplicate scan as LibraryApi reports it, and what the trash step needs to know
// about it: each member's library state when it was scanned, so a photo changed since (on
// disk or re-indexed) is never moved on the strength of an old scan.
//
// The review pages through *pictures*: groups sharing a photo (a picture's exact copies are
// also members of its near group, near groups sit inside similar ones) are one picture, and
// a page always carries all of a picture's groups, and comes with its pictures made
// (dupes-pictures.ts), so the app shows them as `shoebox dupes` lists them. The pictures the
// trash holds back (similar shots, src/core/dupes/held-back.ts) are marked on their groups.
import type { DuplicateGroupInfo, DuplicateKind, DuplicateMemberInfo, DuplicateReport } from '../../shared/api';
import { turnedSize, turnsToDegrees } from '../../shared/rotation';
import type { DecidedGroup } from '../dupes/decisions';
import type { SavedReport, ScannedState } from '../dupes/report-store';
import { heldBack, heldReasons, type HeldMark, type HeldReason } from '../dupes/held-back';
import type { DuplicateGroup, DuplicateScan } from '../dupes/types';
import { pagePictures, pictures } from './dupes-pictures';
import { largePictures } from './dupes-large';
import { photoId } from './photo-id';
import { countText } from '../../shared/count-text';

export type { ScannedState };
export { pictures };

/** The report the API keeps (and saves): immutable, replaced as a whole when it changes. */
export type KeptReport = SavedReport;

/** What a scan was narrowed to (`shoebox dupes --folder/--threshold`): kept with its report,
 *  so the review says so rather than pass a folder's scan off as the library's. */
export interface ScanScope {
  folder?: string;
  threshold?: number;
}

/** The report of a finished scan; `rows`: the library's rows now (store.photoStates()). */
export function keptFromScan(scan: DuplicateScan, kinds: DuplicateKind[], scannedAt: number, rows: ReadonlyMap<string, ScannedState>, scope: ScanScope = {}): KeptReport {
  const states = new Map<string, ScannedState>();
  for (const g of scan.groups) {
    for (const m of g.members) {
      const row = rows.get(m.path);
      if (row) states.set(m.path, { size: row.size, mtimeMs: row.mtimeMs, hash: row.hash });
    }
  }
  const narrowed = { ...(scope.folder === undefined ? {} : { folder: scope.folder }), ...(scope.threshold === undefined ? {} : { threshold: scope.threshold }) };
  return { scannedAt, kinds, photos: scan.stats.photos, scanned: scan.stats.photos, seconds: scan.stats.seconds, ...narrowed, groups: scan.groups, states };
}

/** One page of the report: pictures offset..offset+limit with all their groups; `decided`:
 *  groups a remembered decision left out (the report passed in is already without them). */
export function reportPage(kept: KeptReport, offset: number, limit: number, decided = 0): DuplicateReport {
  const all = pictures(kept.groups);
  const page = all.slice(offset, offset + limit);
  const groups = page.flatMap((picture) => picture.map((g) => toGroupInfo(g, heldReasons(picture))));
  return {
    scannedAt: kept.scannedAt,
    kinds: kept.kinds,
    photos: kept.photos,
    ...(kept.scanned === undefined ? {} : { scanned: kept.scanned }),
    seconds: kept.seconds,
    ...(kept.folder === undefined ? {} : { folder: kept.folder }),
    ...(kept.threshold === undefined ? {} : { threshold: kept.threshold }),
    total: all.length,
    removable: removable(all),
    offset,
    groups,
    pictures: pagePictures(groups),
    // Of the whole report: a picture looked at on another page is checked by the same list.
    largePictures: largePictures(kept.groups).map((p) => ({ keep: photoId(p.keep), photos: p.members.length })),
    decided,
  };
}

/** `page` with its pictures made again from its groups (once their members' details are in). */
export function withPictures(page: DuplicateReport): DuplicateReport {
  return { ...page, pictures: pagePictures(page.groups) };
}

/** `groups` with every group of a picture the trash holds back marked `held`; the same array
 *  when none is. */
export function withHeldMarks<G extends DuplicateGroup>(groups: readonly G[]): (G & HeldMark)[] {
  const held = new Set(pictures(groups).filter(heldBack).flat());
  return held.size === 0 ? (groups as G[]) : groups.map((g) => (held.has(g) ? { ...g, held: true as const } : g));
}

/** The page's members as they show: turned as the user turned them (their size and `rotation`). */
export function turnedMembers(report: DuplicateReport, hashOf: (path: string) => string | undefined, rotations: ReadonlyMap<string, number>): DuplicateReport {
  return rotations.size === 0 ? report : { ...report, groups: turnedGroups(report.groups, hashOf, rotations) };
}

/** Groups whose members show as the user turned them (their size and `rotation`): the app's pages, the CLI's list. */
export function turnedGroups<M extends { path: string; width: number; height: number; rotation?: DuplicateMemberInfo['rotation'] }, G extends { members: M[] }>(
  groups: readonly G[],
  hashOf: (path: string) => string | undefined,
  rotations: ReadonlyMap<string, number>,
): G[] {
  const turned = (m: M): M => {
    const turns = rotations.get(hashOf(m.path) ?? '') ?? 0;
    const rotation = turnsToDegrees(turns);
    return rotation ? { ...m, ...turnedSize(m, turns), rotation } : m;
  };
  return rotations.size === 0 ? [...groups] : groups.map((g) => ({ ...g, members: g.members.map(turned) }));
}

/** The paths of a page's members (what must still be in the library to be shown). */
export function pagePaths(kept: KeptReport, offset: number, limit: number): string[] {
  return [...new Set(pictures(kept.groups).slice(offset, offset + limit).flat().flatMap((g) => g.members.map((m) => m.path)))];
}

function toGroupInfo(group: DecidedGroup, held: HeldReason[]): DuplicateGroupInfo {
  const info: DuplicateGroupInfo = { kind: group.kind, keep: photoId(group.keep), members: group.members.map((m) => ({ ...m, id: photoId(m.path) })) };
  if (group.decided?.length) info.decided = group.decided.map(photoId);
  // The reasons go along: the card says the hold the trash applies, never one of its own.
  if (held.length) Object.assign(info, { held: true, heldFor: held });
  return info;
}

const removableOf = new WeakMap<readonly DuplicateGroup[][], number>();

/** Photos that could go: every photo but one of each picture. */
function removable(all: readonly DuplicateGroup[][]): number {
  let n = removableOf.get(all);
  if (n === undefined) {
    n = all.reduce((sum, picture) => sum + new Set(picture.flatMap((g) => g.members.map((m) => m.path))).size - 1, 0);
    removableOf.set(all, n);
  }
  return n;
}

/** "12 groups, 30 photos could go": one group per picture, every photo but one of each. */
export function summary(groups: readonly DuplicateGroup[]): string {
  const all = pictures(groups);
  const extra = removable(all);
  if (all.length === 0) return 'no duplicates found';
  return `${countText(all.length, 'group')}, ${countText(extra, 'photo')} could go`;
}

/**
 * Members whose library row is gone or is no longer the one scanned (`rows`: the library's
 * rows for at least those paths): the review must not offer them, the trash would refuse them.
 */
export function staleMembers(kept: KeptReport, paths: Iterable<string>, rows: ReadonlyMap<string, ScannedState>): Set<string> {
  const stale = new Set<string>();
  for (const file of paths) {
    const then = kept.states.get(file);
    const now = rows.get(file);
    if (!then || !now || now.size !== then.size || now.mtimeMs !== then.mtimeMs || now.hash !== then.hash) stale.add(file);
  }
  return stale;
}

/** Every member path of the report. */
export function memberPaths(kept: KeptReport): Set<string> {
  return new Set(kept.groups.flatMap((g) => g.members.map((m) => m.path)));
}

/** The report without these photos (moved to the trash, or gone from the library): groups
 *  left with one member are dropped, and a group whose keeper went keeps its next best. */
export function withoutPaths(kept: KeptReport, gone: ReadonlySet<string>): KeptReport {
  if (gone.size === 0) return kept;
  const groups = kept.groups.flatMap((g): DuplicateGroup[] => {
    const members = g.members.filter((m) => !gone.has(m.path));
    if (members.length < 2) return [];
    return [{ ...g, keep: gone.has(g.keep) ? members[0]!.path : g.keep, members }];
  });
  const states = new Map([...kept.states].filter(([p]) => !gone.has(p)));
  const dropped = [...gone].filter((p) => kept.states.has(p)).length;
  // `scanned` stays what the scan looked at: the review says both.
  return { ...kept, photos: Math.max(0, kept.photos - dropped), groups, states };
}
