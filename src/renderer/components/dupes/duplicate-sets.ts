// The review's unit: one set per picture, as the core sends them (DuplicateReport.pictures:
// grouped, ordered and made one picture there, as `shoebox dupes` lists them). Nothing is
// regrouped here: a person decides about each picture once, in the core's order.
import type { DuplicateHeldReason, DuplicateKind, DuplicateMemberInfo, DuplicatePictureInfo, KeepReason } from '../../../shared/api';

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
  /** The core holds it back from the trash (similar shots) until the user unticks Skip. */
  held: boolean;
  /** Why it is held, as the core said it (any of its groups'). */
  heldFor?: DuplicateHeldReason[];
}

export function duplicateSets(pictures: readonly DuplicatePictureInfo[]): DuplicateSet[] {
  return pictures.map((p) => ({ key: p.keep, kinds: p.kinds, suggested: p.keep, members: p.members, decided: p.decided, ...(p.why ? { why: p.why } : {}), held: p.held === true, ...(p.heldFor ? { heldFor: p.heldFor } : {}) }));
}
