// The last duplicate scan as LibraryApi reports it, and what the trash step needs to know
// about it: each member's library state when it was scanned, so a photo changed since (on
// disk or re-indexed) is never moved on the strength of an old scan.
import type { DuplicateGroupInfo, DuplicateKind, DuplicateReport } from '../../shared/api';
import type { DuplicateGroup, DuplicateScan } from '../dupes/types';
import { photoId } from './photo-id';

/** A member's library row when the scan ran. */
export interface ScannedState {
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface KeptReport {
  report: DuplicateReport;
  /** The engine's groups (paths), kept in step with `report`. */
  groups: DuplicateGroup[];
  states: Map<string, ScannedState>;
}

export function toReport(scan: DuplicateScan, kinds: DuplicateKind[], scannedAt: number): DuplicateReport {
  return { scannedAt, kinds, photos: scan.stats.photos, seconds: scan.stats.seconds, groups: scan.groups.map(toGroupInfo) };
}

function toGroupInfo(group: DuplicateGroup): DuplicateGroupInfo {
  return { kind: group.kind, keep: photoId(group.keep), members: group.members.map((m) => ({ ...m, id: photoId(m.path) })) };
}

/**
 * Sets of photos that are one picture: groups sharing a member are merged (a picture's exact
 * copies are also members of its near group, and near groups sit inside similar ones), so a
 * person reviews each picture once.
 */
export function duplicateSets(groups: readonly { members: readonly { path: string }[] }[]): string[][] {
  const setOf = new Map<string, Set<string>>();
  for (const group of groups) {
    const merged = new Set<string>();
    for (const m of group.members) for (const p of setOf.get(m.path) ?? [m.path]) merged.add(p);
    for (const p of merged) setOf.set(p, merged);
  }
  return [...new Set(setOf.values())].map((s) => [...s]);
}

/** "12 groups, 30 photos could go": one group per picture, every photo but one of each. */
export function summary(groups: readonly DuplicateGroup[]): string {
  const sets = duplicateSets(groups);
  const extra = sets.reduce((n, s) => n + s.length - 1, 0);
  if (sets.length === 0) return 'no duplicates found';
  return `${sets.length} ${sets.length === 1 ? 'group' : 'groups'}, ${extra} ${extra === 1 ? 'photo' : 'photos'} could go`;
}

/** The report without the moved photos: groups left with one member are dropped, and a group
 *  whose keeper went (the user kept another) keeps its next best. */
export function withoutMoved(kept: KeptReport, moved: ReadonlySet<string>): KeptReport {
  const groups = kept.groups.flatMap((g): DuplicateGroup[] => {
    const members = g.members.filter((m) => !moved.has(m.path));
    if (members.length < 2) return [];
    return [{ ...g, keep: moved.has(g.keep) ? members[0]!.path : g.keep, members }];
  });
  const states = new Map([...kept.states].filter(([p]) => !moved.has(p)));
  return { report: { ...kept.report, photos: kept.report.photos - moved.size, groups: groups.map(toGroupInfo) }, groups, states };
}
