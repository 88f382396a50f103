// Remembered "not duplicates": which groups a decision hides (all members covered, contents
// counted), which members it marks when others joined, what the trash may still move, and
// the decisions file (a change never writes over a file it could not read).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions, trashableGroup, type DuplicateDecision } from '../../../src/core/dupes/decisions';
import { carryDecisionsToNewContent } from '../../../src/core/dupes/decision-records';
import { changeDecisions, DecisionsReader, loadDecisions } from '../../../src/core/dupes/decisions-file';
import type { PhotoLookups } from '../../../src/core/store/types';
import type { DuplicateGroup } from '../../../src/core/dupes/types';
import { tempDir } from '../../helpers/images';

/** Files named by content: "a", "a'" and "a''" are copies of content a. */
const hashOf = (file: string) => file.replace(/'+$/, '');
const group = (kind: DuplicateGroup['kind'], ...files: string[]): DuplicateGroup => ({ kind, keep: files[0]!, members: files.map((p) => ({ path: p, width: 1, height: 1, bytes: 1 })) });
const decision = (id: string, ...files: string[]): DuplicateDecision => ({ id, kind: 'not-duplicates', decidedAt: 0, members: files.map((p) => ({ hash: hashOf(p), path: `/then/${p}` })) });

describe('applying duplicate decisions', () => {
  it('hides a group all of whose contents one decision holds, whatever the files are called now', () => {
    const { groups, hidden } = applyDecisions([group('near', 'a', 'b'), group('near', 'c', 'd')], [decision('00000001', 'b', 'a')], hashOf);
    expect(hidden.map((g) => g.members.map((m) => m.path))).toEqual([['a', 'b']]);
    expect(groups.map((g) => g.members.map((m) => m.path))).toEqual([['c', 'd']]);
  });

  it('counts copies: two kept copies do not cover a third, which shows with the two marked', () => {
    const kept = [decision('00000001', 'a', "a'")];
    expect(applyDecisions([group('exact', 'a', "a'")], kept, hashOf).groups).toEqual([]);
    const { groups } = applyDecisions([group('exact', 'a', "a'", "a''")], kept, hashOf);
    expect(groups).toEqual([{ ...group('exact', 'a', "a'", "a''"), decided: ['a', "a'"] }]);
  });

  it('shows a group with a new member, marks only members a decision covers two or more of, and never hides across decisions', () => {
    const decisions = [decision('00000001', 'a', 'b'), decision('00000002', 'c', 'd')];
    const { groups, hidden } = applyDecisions([group('near', 'a', 'b', 'e'), group('near', 'a', 'c'), group('similar', 'a', 'b', 'c', 'd')], decisions, hashOf);
    expect(hidden).toEqual([]);
    expect(groups.map((g) => g.decided)).toEqual([['a', 'b'], undefined, ['a', 'b', 'c', 'd']]);
  });

  it('never hides a group with a member of unknown content', () => {
    expect(applyDecisions([group('near', 'a', 'b')], [decision('00000001', 'a', 'b')], (p) => (p === 'b' ? undefined : p)).hidden).toEqual([]);
  });

  it('lets the trash act only on the keeper and the members no decision covers', () => {
    expect(trashableGroup({ ...group('exact', 'a', "a'", "a''"), decided: ['a', "a'"] })!.members.map((m) => m.path)).toEqual(['a', "a''"]);
    expect(trashableGroup({ ...group('near', 'e', 'a', 'b'), decided: ['a', 'b'] })).toBeNull();
    expect(trashableGroup(group('near', 'a', 'b'))).toEqual(group('near', 'a', 'b'));
  });
});

describe('the decisions file', () => {
  it('keeps changes, re-reads only when the file changed, and refuses to write over a file it cannot read', async () => {
    const file = path.join(tempDir('shoebox-decisions-'), 'duplicate-decisions.json');
    const problems: string[] = [];
    const reader = new DecisionsReader(file, (m) => problems.push(m));
    expect(await reader.read()).toEqual([]);
    await changeDecisions(file, (list) => ({ decisions: [...list, decision('0000000a', 'a', 'b')], value: null }));
    const first = await reader.read();
    expect(first.map((d) => d.id)).toEqual(['0000000a']);
    expect(await reader.read()).toBe(first);
    // Two changes at once: both land.
    await Promise.all(['0000000b', '0000000c'].map((id) => changeDecisions(file, (list) => ({ decisions: [...list, decision(id, 'c', 'd')], value: null }))));
    expect((await loadDecisions(file, (m) => problems.push(m))).map((d) => d.id)).toEqual(['0000000a', '0000000b', '0000000c']);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['duplicate-decisions.json']);

    fs.writeFileSync(file, '{"version": 1, "decisions": [tru');
    expect(await loadDecisions(file, (m) => problems.push(m))).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^the duplicate decisions in .* are unusable \(.*\): they are ignored until the file is fixed or removed$/)]);
    await expect(changeDecisions(file, (list) => ({ decisions: list, value: null }))).rejects.toThrow(/JSON/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"version": 1, "decisions": [tru');
  });
});

describe('a decision following a rewritten file', () => {
  /** A library of files (path → content), and a decision recorded as the user made it. */
  async function setUp(files: Record<string, string>, decided: string[]) {
    const home = tempDir('shoebox-decisions-carry-');
    const rows = new Map(Object.entries(files).map(([p, hash]) => [p, { hash }]));
    const store = { photosByPath: async (paths: string[]) => new Map(paths.flatMap((p) => (rows.has(p) ? [[p, rows.get(p)!] as const] : []))) } as unknown as Pick<PhotoLookups, 'photosByPath'>;
    await changeDecisions(path.join(home, 'duplicate-decisions.json'), () => ({ decisions: [{ id: '00000001', kind: 'not-duplicates', decidedAt: 0, members: decided.map((p) => ({ hash: files[p]!, path: p })) }], value: undefined }));
    const members = async () => (await loadDecisions(path.join(home, 'duplicate-decisions.json'), () => {}))[0]!.members.map((m) => `${m.path}:${m.hash}`).sort();
    return { home, store, members };
  }

  it('moves the rewritten file’s own member once, however often it is carried (a crash before the commit)', async () => {
    const { home, store, members } = await setUp({ '/p': 'a', '/q': 'a' }, ['/p', '/q']);
    const change = [{ path: '/p', from: 'a', to: 'a2' }];
    await carryDecisionsToNewContent(home, store, change);
    await carryDecisionsToNewContent(home, store, change);
    expect(await members()).toEqual(['/p:a2', '/q:a']);
  });

  it('leaves a copy’s member where it is when another copy of its content, not in the decision, is rewritten', async () => {
    const { home, store, members } = await setUp({ '/a': 'a', '/c': 'c', '/d': 'a' }, ['/a', '/c']);
    await carryDecisionsToNewContent(home, store, [{ path: '/d', from: 'a', to: 'a2' }]);
    expect(await members()).toEqual(['/a:a', '/c:c']);
  });

  it('follows a file renamed since the decision', async () => {
    const { home, store, members } = await setUp({ '/old name': 'a', '/c': 'c' }, ['/old name', '/c']);
    const renamed = { photosByPath: async (paths: string[]) => new Map((await store.photosByPath(paths.filter((p) => p !== '/old name'))).entries()) };
    await carryDecisionsToNewContent(home, renamed, [{ path: '/new name', from: 'a', to: 'a2' }]);
    expect(await members()).toEqual(['/c:c', '/new name:a2']);
  });
});
