// What "Move to trash" covers in the paged review: the groups on the pages looked at since
// the report last changed, each with its keeper or skipped; never a group on a page not opened.
import { describe, expect, it } from 'vitest';
import { LARGE_DUPLICATE_GROUP } from '../../../src/shared/api';
import type { DuplicateSet } from '../../../src/renderer/components/dupes/duplicate-sets';
import { choiceOf, notePage, NOTHING_REVIEWED, reviewedSets, trashSelection } from '../../../src/renderer/components/dupes/review-selection';

const set = (key: string, ...others: string[]): DuplicateSet => ({
  key,
  kinds: ['exact'],
  suggested: key,
  members: [key, ...others].map((id) => ({ id, path: `/p/${id}.jpg`, width: 10, height: 10, bytes: 100 })),
  decided: [],
  held: false,
});

describe('the paged review\'s trash selection', () => {
  it('covers every page looked at, each group once, and starts afresh with a new report', () => {
    let reviewed = notePage(NOTHING_REVIEWED, 1, 0, [set('a', 'a2'), set('b', 'b2')]);
    reviewed = notePage(reviewed, 1, 2, [set('c', 'c2', 'c3')]);
    // Page 1 shown again after a group left it: the group moved up counts once.
    reviewed = notePage(reviewed, 1, 0, [set('a', 'a2'), set('c', 'c2', 'c3')]);
    expect(reviewedSets(reviewed).map((s) => s.key).sort()).toEqual(['a', 'c']);
    expect(reviewedSets(notePage(reviewed, 2, 0, [set('d', 'd2')])).map((s) => s.key)).toEqual(['d']);
  });

  it('moves every member but the keeper of each group not skipped, and says how many groups', () => {
    const sets = [set('a', 'a2'), set('b', 'b2'), set('c', 'c2', 'c3')];
    const selection = trashSelection(sets, { b: { keep: 'b', skip: true }, c: { keep: 'c3', skip: false }, gone: { keep: 'x', skip: false } });
    expect(selection.members.map((m) => m.id)).toEqual(['a2', 'c', 'c2']);
    expect(selection).toMatchObject({ groups: 2, keepers: ['a', 'c3'], bytes: 300 });
    // A keeper chosen that is no longer in the group falls back to the suggestion.
    expect(trashSelection([set('a', 'a2')], { a: { keep: 'zz', skip: false } }).keepers).toEqual(['a']);
  });

  it('never moves a hard link of the photo kept (the core marks the same file): whichever of them is kept', () => {
    const linked = set('a', 'a2', 'a3');
    linked.members[0] = { ...linked.members[0]!, sameFileAs: ['a2'] };
    linked.members[1] = { ...linked.members[1]!, sameFileAs: ['a'] };
    expect(trashSelection([linked], {}).members.map((m) => m.id)).toEqual(['a3']);
    expect(trashSelection([linked], { a: { keep: 'a2', skip: false } }).members.map((m) => m.id)).toEqual(['a3']);
    // Kept elsewhere: both names go (the file is freed only then).
    expect(trashSelection([linked], { a: { keep: 'a3', skip: false } }).members.map((m) => m.id)).toEqual(['a', 'a2']);
  });

  it('never moves the photos an earlier "not duplicates" covers, whoever is kept', () => {
    // a and a2 were said to be different pictures; a3 (a new copy of one of them) joined since.
    const joined = { ...set('a', 'a2', 'a3'), decided: ['a', 'a2'] };
    expect(trashSelection([joined], {}).members.map((m) => m.id)).toEqual(['a3']);
    expect(trashSelection([joined], { a: { keep: 'a3', skip: false } }).members.map((m) => m.id)).toEqual([]);
  });

  it('names the groups the core calls too large to have been checked photo by photo, so the confirmation can warn', () => {
    const others = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const huge = set('h', ...others(LARGE_DUPLICATE_GROUP - 1, 'h'));
    const small = set('s', 's2');
    const large = [{ keep: 'h', photos: LARGE_DUPLICATE_GROUP }];
    expect(trashSelection([small, huge], {}, {}, large).largeGroups).toEqual([LARGE_DUPLICATE_GROUP]);
    // The measure is the core's (DuplicateReport.largePictures): the review counts nothing itself.
    expect(trashSelection([small, huge], {}).largeGroups).toEqual([]);
    // A skipped large group moves nothing and needs no warning.
    expect(trashSelection([small, huge], { h: { keep: 'h', skip: true } }, {}, large).largeGroups).toEqual([]);
  });
});

describe('a group the core holds back (similar shots) in the review', () => {
  const similar = (s: DuplicateSet): DuplicateSet => ({ ...s, kinds: [...s.kinds, 'similar'], held: true });

  it('starts skipped, and goes once the user unticks Skip on it', () => {
    const group = similar(set('a', 'a2'));
    expect(choiceOf({}, group).skip).toBe(true);
    expect(trashSelection([group], {}).members).toEqual([]);
    const unticked = { a: { keep: 'a', skip: false, held: true as const } };
    expect(choiceOf(unticked, group).skip).toBe(false);
    // What the Move button counts: the group's other photo goes (it stayed at 0, held again).
    expect(trashSelection([group], unticked).members.map((m) => m.id)).toEqual(['a2']);
    // A choice read again is the same choice.
    expect(choiceOf({ a: choiceOf(unticked, group) }, group)).toEqual(choiceOf(unticked, group));
    // Said to be no duplicates just now: nothing of it goes.
    expect(trashSelection([group], unticked, { a: 'a2' }).members).toEqual([]);
  });

  it('keeps a skip the user chose before, whatever joined the group since', () => {
    const before = set('a', 'a2');
    const chosen = { a: { keep: 'a', skip: true } };
    expect(choiceOf(chosen, { ...before, kinds: ['exact', 'near'] }).skip).toBe(true);
    expect(choiceOf(chosen, similar(before)).skip).toBe(true);
  });

  it('is held again when similar shots join a group the user had let go', () => {
    const before = set('a', 'a2');
    const chosen = { a: { keep: 'a', skip: false } };
    expect(choiceOf(chosen, { ...before, kinds: ['exact', 'near'] }).skip).toBe(false);
    expect(choiceOf(chosen, similar(before)).skip).toBe(true);
  });
});
