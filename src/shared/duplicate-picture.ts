// One picture of a duplicates report, as a person reviews it. The engine reports a picture's
// exact copies as an exact group and again inside its near group (and near groups inside
// similar ones): the groups sharing a photo are one picture, listed once, each photo once,
// with one keeper. Written once for every front end (the app's review, `shoebox dupes`).
import type { DuplicateKind } from './api';

/** Every kind a scan looks for, in the order a picture's kinds are said. */
export const DUPLICATE_KINDS: readonly DuplicateKind[] = ['exact', 'near', 'similar'];
/** What a scan looks for unless asked otherwise (`shoebox dupes` without --mode, the app's boxes
 *  before any is touched): copies and edited versions; similar shots are opt-in. */
export const DEFAULT_DUPLICATE_KINDS: readonly DuplicateKind[] = ['exact', 'near'];
const DUPLICATE_KIND_LABELS: Record<DuplicateKind, string> = { exact: 'exact copies', near: 'edited versions', similar: 'similar shots' };

/** A group as both front ends have it: members named by `key` (an id in the app, a path in the CLI). */
export interface PictureGroup<M> {
  kind: DuplicateKind;
  keep: string;
  members: readonly M[];
  decided?: readonly string[];
}

export interface DuplicatePicture<M> {
  kinds: DuplicateKind[];
  /** The keeper of the picture's largest group: the best of all its photos. */
  keep: string;
  /** Where that largest group, the keeper's, is in the groups given. */
  widest: number;
  /** Each photo once: the keeper first, then in the engine's keep-best order. */
  members: M[];
  /** Members a remembered "not duplicates" covers (others joined them since): they stay. */
  decided: string[];
}

/** The groups of one picture (groups sharing a photo) as one. */
export function duplicatePicture<M>(groups: readonly PictureGroup<M>[], key: (member: M) => string): DuplicatePicture<M> {
  const widestFirst = [...groups].sort((a, b) => b.members.length - a.members.length);
  const members = new Map<string, M>();
  for (const g of widestFirst) for (const m of g.members) if (!members.has(key(m))) members.set(key(m), m);
  return {
    kinds: DUPLICATE_KINDS.filter((k) => groups.some((g) => g.kind === k)),
    keep: widestFirst[0]!.keep,
    widest: groups.indexOf(widestFirst[0]!),
    members: [...members.values()],
    decided: [...new Set(groups.flatMap((g) => g.decided ?? []))],
  };
}

/** "exact copies and edited versions", "exact copies, edited versions and similar shots": in the kinds' order. */
export function duplicateKindsText(kinds: readonly DuplicateKind[]): string {
  const words = DUPLICATE_KINDS.filter((k) => kinds.includes(k)).map((k) => DUPLICATE_KIND_LABELS[k]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}
