// A duplicates picture too large to have been checked photo by photo is the core's call, made on
// the picture both front ends show (its groups together, each photo once), never on one engine
// group: a similar group of 45 and a near group of 8 sharing 3 photos are one picture of 50,
// which the app's confirmation will not move without its "yes" ticked (as `shoebox dupes
// --trash --yes` will not without --allow-large-groups: the plan names it, api-dupes-large.test.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { reportPage, type KeptReport } from '../../../src/core/api/dupes-report';
import { largePictures } from '../../../src/core/api/dupes-large';
import { photoId } from '../../../src/core/api/photo-id';
import type { DuplicateGroup, DuplicateKind } from '../../../src/core/dupes/types';
import { LARGE_DUPLICATE_GROUP } from '../../../src/shared/api';
import { duplicateSets } from '../../../src/renderer/components/dupes/duplicate-sets';
import { trashSelection } from '../../../src/renderer/components/dupes/review-selection';
import { TrashDialog } from '../../../src/renderer/components/dupes/TrashDialog';

const file = (i: number) => `/p/s${String(i).padStart(2, '0')}.jpg`;
const group = (kind: DuplicateKind, from: number, to: number): DuplicateGroup => {
  const paths = Array.from({ length: to - from + 1 }, (_, i) => file(from + i));
  return { kind, keep: paths[0]!, members: paths.map((p, i) => ({ path: p, width: 100 - i, height: 100, bytes: 1000 })) };
};
const keptOf = (groups: DuplicateGroup[]): KeptReport => ({
  scannedAt: 1,
  kinds: ['near', 'similar'],
  photos: 100,
  seconds: 1,
  groups,
  states: new Map(groups.flatMap((g) => g.members.map((m) => [m.path, { size: m.bytes, mtimeMs: 1, hash: m.path }] as const))),
});

// s00..s44 similar shots, s42..s49 edited versions of s42: no group of 50, one picture of 50.
const chained = [group('similar', 0, 44), group('near', 42, 49)];

describe('a large duplicates picture', () => {
  it('is measured by the core on the picture, its groups together, each photo once', () => {
    expect(Math.max(...chained.map((g) => g.members.length))).toBeLessThan(LARGE_DUPLICATE_GROUP);
    expect(largePictures(chained)).toEqual([{ keep: file(0), kinds: ['near', 'similar'], members: Array.from({ length: 50 }, (_, i) => file(i)) }]);
    // One photo fewer (s42..s48): a picture of 49 is not large.
    expect(largePictures([group('similar', 0, 44), group('near', 42, 48)])).toEqual([]);
    // Every page names the whole report's large pictures, by the id the app knows the picture by.
    const report = keptOf([group('near', 60, 61), ...chained]);
    expect(reportPage(report, 0, 1).largePictures).toEqual([{ keep: photoId(file(0)), photos: 50 }]);
    expect(reportPage(report, 1, 1).pictures[0]!.keep).toBe(photoId(file(0)));
  });

  it('takes the explicit yes in the app once it takes part in the move', () => {
    const page = reportPage(keptOf(chained), 0, 25);
    const [set] = duplicateSets(page.pictures);
    // Similar shots start held back; the user unticks Skip on the picture.
    const included = { [set!.key]: { keep: set!.key, skip: false, held: true as const } };
    const selection = trashSelection([set!], included, {}, page.largePictures);
    expect(selection.members).toHaveLength(49);
    expect(selection.largeGroups).toEqual([50]);
    // Left skipped, it moves nothing and asks nothing.
    expect(trashSelection([set!], {}, {}, page.largePictures).largeGroups).toEqual([]);

    const moveButton = (html: string) => html.match(/<button[^>]*>Move to trash<\/button>/)![0];
    const asking = renderToStaticMarkup(<TrashDialog paths={selection.members.map((m) => m.path)} groups={1} unseen={0} bytes={selection.bytes} largeGroups={selection.largeGroups} onConfirm={() => {}} onCancel={() => {}} />);
    expect(asking).toContain('One group has 50 photos.');
    expect(asking).toMatch(/<input type="checkbox"\/> Yes, move photos of this large group too/);
    expect(moveButton(asking)).toContain('disabled=""');
    const small = renderToStaticMarkup(<TrashDialog paths={['/p/a copy.jpg']} groups={1} unseen={0} bytes={1000} onConfirm={() => {}} onCancel={() => {}} />);
    expect(small).not.toContain('type="checkbox"');
    expect(moveButton(small)).not.toContain('disabled');
  });
});
