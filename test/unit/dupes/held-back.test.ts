// Which groups the duplicates trash holds back is the core's call (similar shots: other photos,
// not copies), marked on the report, and the app follows the marks: such a picture starts
// skipped, with everything sharing a photo with it; copies and edited versions start marked.
import { describe, expect, it } from 'vitest';
import { reportPage, withHeldMarks, type KeptReport } from '../../../src/core/api/dupes-report';
import type { DuplicateGroup, DuplicateKind } from '../../../src/core/dupes/types';
import { duplicateSets } from '../../../src/renderer/components/dupes/duplicate-sets';
import { choiceOf, trashSelection } from '../../../src/renderer/components/dupes/review-selection';

const member = (p: string, width: number) => ({ path: p, width, height: width, bytes: width * 10 });
const group = (kind: DuplicateKind, ...paths: string[]): DuplicateGroup => ({ kind, keep: paths[0]!, members: paths.map((p, i) => member(p, 100 - i)) });

// Picture A: exact copies and a similar shot of them; B: exact copies only; C: similar shots only.
const groups = [group('exact', '/a1', '/a2'), group('exact', '/b1', '/b2'), group('similar', '/a1', '/s1'), group('similar', '/c1', '/c2')];
const kept: KeptReport = {
  scannedAt: 1,
  kinds: ['exact', 'similar'],
  photos: 10,
  seconds: 1,
  groups,
  states: new Map(groups.flatMap((g) => g.members.map((m) => [m.path, { size: m.bytes, mtimeMs: 1, hash: m.path }] as const))),
};

describe('pictures held back from the duplicates trash', () => {
  it('are marked by the core on every group of a picture with similar shots, and on the picture', () => {
    expect(withHeldMarks(groups).map((g) => [g.members[0]!.path, g.kind, g.held === true])).toEqual([
      ['/a1', 'exact', true],
      ['/b1', 'exact', false],
      ['/a1', 'similar', true],
      ['/c1', 'similar', true],
    ]);
    const page = reportPage(kept, 0, 25);
    expect(page.groups.map((g) => g.held === true)).toEqual([true, true, false, true]);
    expect(page.pictures.map((p) => [p.members[0]!.path, p.held === true])).toEqual([
      ['/a1', true],
      ['/b1', false],
      ['/c1', true],
    ]);
  });

  it('start skipped in the app, the rest marked to go; unticking Skip includes one', () => {
    const sets = duplicateSets(reportPage(kept, 0, 25).pictures);
    expect(sets.map((s) => choiceOf({}, s).skip)).toEqual([true, false, true]);
    // The Move button: only the copy of B; A's exact copy stays with its similar shot.
    expect(trashSelection(sets, {}).members.map((m) => m.path)).toEqual(['/b2']);
    const c = sets[2]!;
    const unticked = { [c.key]: { keep: c.key, skip: false, held: true as const } };
    expect(trashSelection(sets, unticked).members.map((m) => m.path)).toEqual(['/b2', '/c2']);
  });
});
