// The review's unit: one set per picture. Groups sharing a photo are merged here (the page
// carries every group of its pictures) and made one picture by the shared rule
// (shared/duplicate-picture.ts, as `shoebox dupes` lists them): a person decides about each
// picture once.
import type { DuplicateGroupInfo, DuplicateKind, DuplicateMemberInfo, KeepReason } from '../../../shared/api';
import { duplicatePicture } from '../../../shared/duplicate-picture';

export interface DuplicateSet {
  /** The suggested keeper's id: stable while the set exists, so choices survive reloads. */
  key: string;
  kinds: DuplicateKind[];
  /** The engine's keeper of the set's largest group: the best of all its photos. */
  suggested: string;
  /** The suggested keeper first, then in the engine's keep-best order. */
  members: DuplicateMemberInfo[];
  /** Members a remembered "not duplicates" covers (others joined them since): they stay. */
  decided: string[];
  /** Why `suggested` is: the reasons the engine gave for it in the group it was taken from. */
  why?: KeepReason[];
}

export function duplicateSets(groups: readonly DuplicateGroupInfo[]): DuplicateSet[] {
  const sets: DuplicateGroupInfo[][] = [];
  const setOf = new Map<string, DuplicateGroupInfo[]>();
  for (const group of groups) {
    const touching = new Set(group.members.map((m) => setOf.get(m.id)).filter((s) => s !== undefined));
    const merged = [...touching].flat().concat(group);
    for (const old of touching) sets.splice(sets.indexOf(old), 1);
    sets.push(merged);
    for (const g of merged) for (const m of g.members) setOf.set(m.id, merged);
  }
  return sets.map((set) => {
    const picture = duplicatePicture(set, (m) => m.id);
    // The picture's keeper is its widest group's: that group's reasons.
    const why = set[picture.widest]?.why;
    return { key: picture.keep, kinds: picture.kinds, suggested: picture.keep, members: picture.members, decided: picture.decided, ...(why ? { why } : {}) };
  });
}
