// What "Move to trash" covers when the review is paged: the groups on the pages the user has
// looked at since the report last changed (a scan, or a move to the trash), with the keeper
// chosen or the group skipped on each. Groups on pages never opened are never moved: the user
// cannot have checked them.
import type { DuplicateMemberInfo, LargeDuplicatePicture } from '../../../shared/api';
import type { DuplicateSet } from './duplicate-sets';
import { sameFileAsKept } from './member-text';

export interface Choice {
  keep: string;
  skip: boolean;
  /** Made on a set the core held back (DuplicateSet.held): a choice made on copies alone does
   *  not let go of the same keeper's group once the core holds it (similar shots joined it). */
  held?: true;
}

/** The pages seen at one report version, each with its groups as last shown. */
export interface ReviewedPages {
  version: number;
  /** By page offset; the most recently shown page last. */
  pages: ReadonlyMap<number, readonly DuplicateSet[]>;
  /** The whole report's large pictures as the last page shown came with them
   *  (DuplicateReport.largePictures): kept with the pages, so a page that fails to load again
   *  leaves the confirmation asking. */
  large: readonly LargeDuplicatePicture[];
}

export const NOTHING_REVIEWED: ReviewedPages = { version: -1, pages: new Map(), large: [] };

/** `reviewed` plus a page as just shown, with the report's large pictures as it came with
 *  them; a new report version starts afresh. */
export function notePage(reviewed: ReviewedPages, version: number, offset: number, sets: readonly DuplicateSet[], large: readonly LargeDuplicatePicture[] = []): ReviewedPages {
  const pages = new Map(reviewed.version === version ? reviewed.pages : []);
  pages.delete(offset);
  pages.set(offset, sets);
  return { version, pages, large };
}

/** Every group seen, once (a group that moved to another page counts as last shown). */
export function reviewedSets(reviewed: ReviewedPages): DuplicateSet[] {
  const byKey = new Map<string, DuplicateSet>();
  for (const sets of reviewed.pages.values()) for (const set of sets) byKey.set(set.key, set);
  return [...byKey.values()];
}

/**
 * The user's choice for a group; one naming a photo no longer in it falls back to the
 * suggestion. A group the core holds back (similar shots: src/core/dupes/held-back.ts, as
 * `shoebox dupes --trash` leaves it out) starts skipped until the user unticks "Skip" on it.
 * Every other group starts marked.
 */
export function choiceOf(choices: Readonly<Record<string, Choice>>, set: DuplicateSet): Choice {
  const c = choices[set.key];
  // A skip the user chose stays whatever joined the group since.
  const choice = { keep: c && set.members.some((m) => m.id === c.keep) ? c.keep : set.suggested, skip: (c?.skip ?? false) || heldForSimilarShots(c, set) };
  // Made on a held set: read again, the choice is the same one.
  return c?.held ? { ...choice, held: true } : choice;
}

/** Skipped because the core holds the group back and the user has not chosen since it did. */
export function heldForSimilarShots(c: Choice | undefined, set: DuplicateSet): boolean {
  return set.held && !c?.held;
}

export interface TrashSelection {
  /** Groups with at least one photo to move. */
  groups: number;
  members: DuplicateMemberInfo[];
  /** The keeper of every group taking part, so the engine knows which photo stays. */
  keepers: string[];
  bytes: number;
  /** Sizes of the pictures taking part that the core names large (DuplicateReport.largePictures):
   *  the confirmation warns and asks for an explicit yes (similar look-alikes can chain into one
   *  group of hundreds). */
  largeGroups: number[];
}

/**
 * `saidNotDuplicates`: the groups just said to be no duplicates (by key), which count as skipped.
 * `large`: the report's large pictures as the core measured them (the app does not count them
 * itself: `shoebox dupes --trash` asks about the very same pictures).
 */
export function trashSelection(
  sets: readonly DuplicateSet[],
  choices: Readonly<Record<string, Choice>>,
  saidNotDuplicates: Readonly<Record<string, unknown>> = {},
  large: readonly LargeDuplicatePicture[] = [],
): TrashSelection {
  const chosen = sets.filter((s) => !saidNotDuplicates[s.key] && !choiceOf(choices, s).skip).map((set) => ({ set, keep: choiceOf(choices, set).keep }));
  // Photos the user said are not duplicates stay (the engine refuses them too), and so does
  // a hard link of the kept one (the same file: moving it frees nothing; the core marks it).
  const going = chosen.map(({ set, keep }) => ({ set, members: set.members.filter((m) => m.id !== keep && !set.decided.includes(m.id) && !sameFileAsKept(m, keep)) }));
  const members = going.flatMap((g) => g.members);
  // A set's key is its picture's keeper id, as the core names a large picture.
  const photosOf = new Map(large.map((p) => [p.keep, p.photos]));
  return {
    groups: chosen.filter(({ set }) => set.members.length > 1).length,
    members,
    keepers: chosen.map((c) => c.keep),
    bytes: members.reduce((n, m) => n + m.bytes, 0),
    largeGroups: going.flatMap(({ set, members: moving }) => (moving.length > 0 ? (photosOf.get(set.key) ?? []) : [])),
  };
}
