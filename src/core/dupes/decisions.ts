// Remembered "not duplicates" decisions, and how they shape a scan's groups.
//
// A decision names the *contents* the user looked at (SHA-256 of each file, with the path it
// had then, for display), not paths: it survives a rename or a move. A file another program
// saves again while it shows the same picture takes the decision to its new content
// (decision-records.ts carryDecisionsToNewContent); a file that shows another picture has
// another hash, so a decision about it stops matching by itself. Contents are counted (a
// multiset): two byte-identical copies the user kept are two entries of one hash, and a third
// copy appearing later is new, not covered.
//
// The rule, kept simple so a person can predict it:
//  - a group is hidden when one decision covers all its members (every hash at most as many
//    times as the decision holds it);
//  - otherwise (a new member joined), the group shows, and the members some decision covers
//    two or more of are marked `decided`; those are never moved to the trash on the
//    strength of that group (the keeper aside), so a remembered "keep both" holds.
import type { DuplicateGroup } from './types';

export const DECISION_KINDS = ['not-duplicates'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DecisionMember {
  hash: string;
  /** Where the file was when the user decided (shown in lists; never used to match). */
  path: string;
}

export interface DuplicateDecision {
  /** Short and stable: what `shoebox dupes undo ID` takes. */
  id: string;
  kind: DecisionKind;
  /** Epoch ms. */
  decidedAt: number;
  /** Two or more, sorted by hash then path. */
  members: DecisionMember[];
}

/** A group as shown after decisions: `decided` lists the members a decision already covers. */
export type DecidedGroup = DuplicateGroup & { decided?: string[] };

/** Counts of each hash. */
function tally(hashes: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  return counts;
}

/** Whether `decision` holds every content of `hashes` as many times (the group is covered). */
export function covers(decision: DuplicateDecision, hashes: readonly string[]): boolean {
  const held = tally(decision.members.map((m) => m.hash));
  for (const [h, n] of tally(hashes)) if ((held.get(h) ?? 0) < n) return false;
  return true;
}

/** The same set of contents (a decision made twice is one decision). */
export function sameContents(a: readonly DecisionMember[], b: readonly DecisionMember[]): boolean {
  if (a.length !== b.length) return false;
  const x = a.map((m) => m.hash).sort();
  const y = b.map((m) => m.hash).sort();
  return x.every((h, i) => h === y[i]);
}

/**
 * The groups left once `decisions` are applied, and those hidden. `hashOf`: each
 * member's content hash (a member without one is never covered, so its group shows).
 */
export function applyDecisions<G extends DuplicateGroup>(
  groups: readonly G[],
  decisions: readonly DuplicateDecision[],
  hashOf: (path: string) => string | undefined,
): { groups: (G & { decided?: string[] })[]; hidden: G[] } {
  if (decisions.length === 0) return { groups: [...groups], hidden: [] };
  // Only decisions sharing a content with a group can touch it.
  const byHash = new Map<string, DuplicateDecision[]>();
  for (const d of decisions) for (const h of new Set(d.members.map((m) => m.hash))) byHash.set(h, [...(byHash.get(h) ?? []), d]);
  const hidden: G[] = [];
  const out: (G & { decided?: string[] })[] = [];
  for (const group of groups) {
    const hashes = group.members.map((m) => hashOf(m.path));
    const known = hashes.every((h) => h !== undefined);
    const touching = new Set(hashes.flatMap((h) => (h === undefined ? [] : (byHash.get(h) ?? []))));
    if (known && [...touching].some((d) => covers(d, hashes as string[]))) {
      hidden.push(group);
      continue;
    }
    const decided = new Set<string>();
    for (const d of touching) {
      const left = tally(d.members.map((m) => m.hash));
      const matched = group.members.filter((m, i) => {
        const h = hashes[i];
        const n = h === undefined ? 0 : (left.get(h) ?? 0);
        if (n > 0) left.set(h!, n - 1);
        return n > 0;
      });
      if (matched.length >= 2) for (const m of matched) decided.add(m.path);
    }
    out.push(decided.size ? { ...group, decided: group.members.map((m) => m.path).filter((p) => decided.has(p)) } : group);
  }
  return { groups: out, hidden };
}

/** The group without its decided members other than the keeper: what the trash may act on. */
export function trashableGroup<G extends DecidedGroup>(group: G): G | null {
  if (!group.decided?.length) return group;
  const decided = new Set(group.decided);
  const members = group.members.filter((m) => m.path === group.keep || !decided.has(m.path));
  return members.length < 2 ? null : { ...group, members };
}
