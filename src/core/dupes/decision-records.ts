// Recording, listing and undoing duplicate decisions over a library: what LibraryApi and
// `shoebox dupes decisions|undo|keep-both` share. Photos are looked up in the library so a
// decision names the contents the user saw (decisions.ts says why by content).
import type { PhotoLookups } from '../store/types';

/** Decisions are by content: they read the rows' hashes. */
type DecisionStore = Pick<PhotoLookups, 'photosByPath' | 'photoStates'>;
import { changeDecisions, decisionsFile, libraryDecisions, loadDecisions, newDecisionId, type DecisionsTarget } from './decisions-file';
import type { LibraryFiles } from '../location/library-files';

/** Where the decisions are: a home (its duplicate-decisions.json) or a library's files. */
export type DecisionsHome = string | LibraryFiles;

function decisionsOf(where: DecisionsHome): DecisionsTarget {
  return typeof where === 'string' ? decisionsFile(where) : libraryDecisions(where);
}
import { applyDecisions, sameContents, type DecidedGroup, type DecisionKind, type DecisionMember, type DuplicateDecision } from './decisions';
import type { DuplicateGroup } from './types';
import { duplicateDecisionId } from '../../shared/duplicate-decision-id';

/** A decision as listed: `applies` is false once one of its contents is no longer in the
 *  library (a file shows another picture or was removed), and it then hides nothing. */
export type ListedDecision = DuplicateDecision & { applies: boolean };

/** Records that these photos (paths in the library) are `kind`; the same contents decided
 *  again give back the decision already recorded. */
export async function recordDecision(home: DecisionsHome, store: DecisionStore, paths: readonly string[], kind: DecisionKind): Promise<DuplicateDecision> {
  const unique = [...new Set(paths)];
  if (unique.length < 2) throw new Error('a duplicate decision needs two or more different photos');
  const rows = await store.photosByPath(unique);
  const missing = unique.find((p) => !rows.has(p));
  if (missing !== undefined) throw new Error(`not a photo in the library: ${missing}`);
  const members: DecisionMember[] = unique.map((p) => ({ hash: rows.get(p)!.hash, path: p }));
  members.sort(byHashThenPath);
  return changeDecisions(decisionsOf(home), (decisions) => {
    const same = decisions.find((d) => d.kind === kind && sameContents(d.members, members));
    if (same) return { decisions: null, value: same };
    const made: DuplicateDecision = { id: newDecisionId(new Set(decisions.map((d) => d.id))), kind, decidedAt: Date.now(), members };
    return { decisions: [...decisions, made], value: made };
  });
}

function byHashThenPath(a: DecisionMember, b: DecisionMember): number {
  return a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Every decision, oldest first, with whether it still applies to the library. */
export async function listDecisions(home: DecisionsHome, store: DecisionStore, onProblem: (message: string) => void): Promise<ListedDecision[]> {
  const decisions = await loadDecisions(decisionsOf(home), onProblem);
  if (decisions.length === 0) return [];
  const held = new Map<string, number>();
  for (const row of (await store.photoStates()).values()) held.set(row.hash, (held.get(row.hash) ?? 0) + 1);
  // As many files of each content as were decided about (two kept copies need both still there).
  const applies = (d: DuplicateDecision) => [...new Set(d.members.map((m) => m.hash))].every((h) => (held.get(h) ?? 0) >= d.members.filter((m) => m.hash === h).length);
  return decisions.map((d) => ({ ...d, applies: applies(d) }));
}

/** Forgets a decision; its groups show again at the next look. An unknown id is an error;
 *  the id is taken in either case (duplicateDecisionId), as every front end passes it on. */
export async function undoDecision(home: DecisionsHome, typed: string): Promise<DuplicateDecision> {
  const id = duplicateDecisionId(typed);
  return changeDecisions(decisionsOf(home), (decisions) => {
    const found = decisions.find((d) => d.id === id);
    if (!found) throw new Error(`no duplicate decision ${JSON.stringify(id)} (shoebox dupes decisions lists them)`);
    return { decisions: decisions.filter((d) => d !== found), value: found };
  });
}

/**
 * A decision follows a file another program rewrote while it shows the same picture
 * (library/content-changes.ts): the member that was this file names the new content. That is
 * the member recorded at the file's path, else (the file renamed since the decision) one of
 * its content whose recorded path holds that content no more: a byte-identical copy the
 * decision also names, still where it was, keeps its member. Run before the new row is
 * committed, and again after a crash, without effect once done (the member is there already).
 */
export async function carryDecisionsToNewContent(home: DecisionsHome, store: Pick<PhotoLookups, 'photosByPath'>, changes: readonly { path: string; from: string; to: string }[]): Promise<void> {
  if (changes.length === 0) return;
  const file = decisionsOf(home);
  const fromHashes = new Set(changes.map((c) => c.from));
  // Most libraries have no decision naming a rewritten file: only a change writes.
  const touched = (await loadDecisions(file, () => {})).flatMap((d) => d.members.filter((m) => fromHashes.has(m.hash)));
  if (touched.length === 0) return;
  const rows = await store.photosByPath([...new Set(touched.map((m) => m.path))]);
  const stillThere = (m: DecisionMember) => rows.get(m.path)?.hash === m.hash;
  await changeDecisions(file, (decisions) => {
    let changed = false;
    const next = decisions.map((d) => {
      const members = d.members.map((m) => ({ ...m }));
      let followed = false;
      for (const c of changes) {
        if (members.some((m) => m.path === c.path && m.hash === c.to)) continue; // carried already
        const member = members.find((m) => m.hash === c.from && m.path === c.path) ?? members.find((m) => m.hash === c.from && m.path !== c.path && !stillThere(m));
        if (!member) continue;
        Object.assign(member, { hash: c.to, path: c.path });
        followed = true;
      }
      changed ||= followed;
      return followed ? { ...d, members: members.sort(byHashThenPath) } : d;
    });
    return { decisions: changed ? next : null, value: undefined };
  });
}

/** A scan's groups less those a decision covers (the CLI's view; the app filters per page). */
export async function groupsAfterDecisions(home: DecisionsHome, store: DecisionStore, groups: readonly DuplicateGroup[], onProblem: (message: string) => void): Promise<{ groups: DecidedGroup[]; hidden: DuplicateGroup[] }> {
  const decisions = await loadDecisions(decisionsOf(home), onProblem);
  if (decisions.length === 0 || groups.length === 0) return { groups: [...groups], hidden: [] };
  const rows = await store.photoStates();
  return applyDecisions(groups, decisions, (p) => rows.get(p)?.hash);
}
