// The report as the review pages through it: groups sharing a photo are one picture and stay
// on one page, the totals cover the whole report, and photos moved or gone leave it (with the
// groups they leave alone) without ever leaving a keeper that is not a member.
import { describe, expect, it } from 'vitest';
import { pictures, reportPage, staleMembers, summary, withoutPaths, type KeptReport } from '../../../src/core/api/dupes-report';
import { pathFromPhotoId } from '../../../src/core/api/photo-id';
import type { DuplicateGroup, DuplicateKind } from '../../../src/core/dupes/types';

const member = (p: string, width = 100) => ({ path: p, width, height: width, bytes: width * 10 });
const group = (kind: DuplicateKind, ...paths: string[]): DuplicateGroup => ({ kind, keep: paths[0]!, members: paths.map((p, i) => member(p, 100 - i)) });

// Picture A: an exact pair inside a near trio; B and C: exact pairs; D: a similar pair.
const groups = [group('exact', '/a1', '/a2'), group('exact', '/b1', '/b2'), group('exact', '/c1', '/c2'), group('near', '/a1', '/a2', '/a3'), group('similar', '/d1', '/d2')];
const kept: KeptReport = {
  scannedAt: 5,
  kinds: ['exact', 'near', 'similar'],
  photos: 20,
  seconds: 1,
  groups,
  states: new Map(groups.flatMap((g) => g.members.map((m) => [m.path, { size: m.bytes, mtimeMs: 1, hash: m.path }] as const))),
};

const pagePaths = (page: ReturnType<typeof reportPage>) => [...new Set(page.groups.flatMap((g) => g.members.map((m) => m.path)))].sort();

describe('the duplicates report, paged by picture', () => {
  it('merges groups sharing a photo into one picture, in the scan\'s order', () => {
    expect(pictures(groups).map((p) => p.map((g) => g.kind))).toEqual([['exact', 'near'], ['exact'], ['exact'], ['similar']]);
    expect(summary(groups)).toBe('4 groups, 5 photos could go');
  });

  it('serves a page of pictures with all their groups, and the whole report\'s totals', () => {
    const first = reportPage(kept, 0, 2);
    expect(first).toMatchObject({ scannedAt: 5, total: 4, removable: 5, offset: 0, photos: 20 });
    expect(pagePaths(first)).toEqual(['/a1', '/a2', '/a3', '/b1', '/b2']);
    const second = reportPage(kept, 2, 2);
    expect(pagePaths(second)).toEqual(['/c1', '/c2', '/d1', '/d2']);
    expect(second).toMatchObject({ total: 4, offset: 2 });
    for (const g of second.groups) {
      expect(g.members.map((m) => pathFromPhotoId(m.id))).toEqual(g.members.map((m) => m.path));
      expect(pathFromPhotoId(g.keep)).toBe(g.members[0]!.path);
    }
    expect(reportPage(kept, 4, 2)).toMatchObject({ total: 4, offset: 4, groups: [] });
  });

  it('drops photos that went, the groups they leave with one member, and hands a gone keeper\'s place to the next best', () => {
    const after = withoutPaths(kept, new Set(['/a1', '/b2']));
    expect(after.groups.map((g) => [g.kind, g.keep, g.members.map((m) => m.path)])).toEqual([
      ['exact', '/c1', ['/c1', '/c2']],
      ['near', '/a2', ['/a2', '/a3']],
      ['similar', '/d1', ['/d1', '/d2']],
    ]);
    expect(after.states.has('/a1')).toBe(false);
    expect(after.photos).toBe(18);
    expect(reportPage(after, 0, 10)).toMatchObject({ total: 3, removable: 3 });
    // The kept report itself never changes: pages served from it stay consistent.
    expect(kept.groups).toBe(groups);
    expect(withoutPaths(kept, new Set())).toBe(kept);
  });

  it('calls stale a member whose library row is gone or differs from the one scanned', () => {
    const rows = new Map(kept.states);
    rows.delete('/b2');
    rows.set('/c1', { ...rows.get('/c1')!, mtimeMs: 2 });
    rows.set('/d1', { ...rows.get('/d1')!, hash: 'other' });
    expect([...staleMembers(kept, ['/a1', '/b1', '/b2', '/c1', '/d1'], rows)].sort()).toEqual(['/b2', '/c1', '/d1']);
  });
});
