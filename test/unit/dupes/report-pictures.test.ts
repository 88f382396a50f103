// The app's review shows the pictures the core made, in the order `shoebox dupes` lists them:
// the renderer lays them out and never regroups (a regrouping of its own once put a picture
// whose near group came later behind the pictures after it).
import { describe, expect, it } from 'vitest';
import { pictures, reportPage, type KeptReport } from '../../../src/core/api/dupes-report';
import { photoId } from '../../../src/core/api/photo-id';
import type { DuplicateGroup, DuplicateKind } from '../../../src/core/dupes/types';
import { duplicateSets } from '../../../src/renderer/components/dupes/duplicate-sets';
import { duplicatePicture } from '../../../src/shared/duplicate-picture';

const member = (p: string, width: number) => ({ path: p, width, height: width, bytes: width * 10 });
const group = (kind: DuplicateKind, ...paths: string[]): DuplicateGroup => ({ kind, keep: paths[0]!, members: paths.map((p, i) => member(p, 100 - i)) });
const keptOf = (groups: DuplicateGroup[]): KeptReport => ({
  scannedAt: 1,
  kinds: ['exact', 'near'],
  photos: 10,
  seconds: 1,
  groups,
  states: new Map(groups.flatMap((g) => g.members.map((m) => [m.path, { size: m.bytes, mtimeMs: 1, hash: m.path }] as const))),
});

describe("the review's pictures", () => {
  // The scan's order: A's exact copies, C's, then A's edited versions (A's near group).
  const groups = [group('exact', '/a1', '/a2'), group('exact', '/c1', '/c2'), group('near', '/a1', '/a2', '/a3')];

  it('come from the core in the order `shoebox dupes` lists them, each photo once, and the app shows them so', () => {
    const page = reportPage(keptOf(groups), 0, 25);
    // What the CLI prints: one block per picture, in pictures() order, each made by duplicatePicture.
    const cli = pictures(groups).map((set) => duplicatePicture(set, (m) => m.path));
    expect(cli.map((p) => p.keep)).toEqual(['/a1', '/c1']);
    expect(page.pictures.map((p) => p.keep)).toEqual(cli.map((p) => photoId(p.keep)));
    expect(page.pictures.map((p) => p.members.map((m) => m.path))).toEqual(cli.map((p) => p.members.map((m) => m.path)));
    expect(page.pictures.map((p) => p.kinds)).toEqual([['exact', 'near'], ['exact']]);

    const sets = duplicateSets(page.pictures);
    expect(sets.map((s) => s.members[0]!.path)).toEqual(['/a1', '/c1']);
    expect(sets.map((s) => s.members.map((m) => m.path))).toEqual([['/a1', '/a2', '/a3'], ['/c1', '/c2']]);
  });

  it('are laid out as sent: the app merges and reorders nothing itself', () => {
    const page = reportPage(keptOf(groups), 0, 25);
    const reversed = [...page.pictures].reverse();
    expect(duplicateSets(reversed).map((s) => s.key)).toEqual(reversed.map((p) => p.keep));
    // Two pictures sent apart stay apart, even were they to share a photo.
    const [a, c] = page.pictures;
    const sharing = { ...c!, members: [...c!.members, a!.members[0]!] };
    expect(duplicateSets([a!, sharing])).toHaveLength(2);
  });
});
