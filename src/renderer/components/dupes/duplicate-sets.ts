// The review's unit: one set per picture. The engine reports a picture's exact copies as an
// exact group and again inside its near group (and near groups inside similar ones), so
// groups sharing a photo are merged here and a person decides about each picture once.
import type { DuplicateGroupInfo, DuplicateKind, DuplicateMemberInfo } from '../../../shared/api';

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
}

const KIND_ORDER: DuplicateKind[] = ['exact', 'near', 'similar'];

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
    const byWidth = [...set].sort((a, b) => b.members.length - a.members.length);
    const members = new Map<string, DuplicateMemberInfo>();
    for (const g of byWidth) for (const m of g.members) if (!members.has(m.id)) members.set(m.id, m);
    const suggested = byWidth[0]!.keep;
    return {
      key: suggested,
      kinds: KIND_ORDER.filter((k) => set.some((g) => g.kind === k)),
      suggested,
      members: [...members.values()],
      decided: [...new Set(set.flatMap((g) => g.decided ?? []))],
    };
  });
}

export const KIND_LABELS: Record<DuplicateKind, string> = { exact: 'exact copies', near: 'edited versions', similar: 'similar shots' };
