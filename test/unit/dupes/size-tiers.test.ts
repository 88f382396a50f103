// Sizes a sliver apart (metadata, not pixels) count as one in keep-best's ranking, chained over
// a picture's photos so the ranking stays a total order: the keeper does not depend on the
// order the photos come in, every group of a picture ranks its photos alike, and a set of
// groups never trashes every copy of a picture.
import { describe, expect, it } from 'vitest';
import { compareForKeeping, type KeepCandidate } from '../../../src/core/dupes/keep-best';
import { SIZE_TIE, sizesTie, sizeTiers, withSizeTiers } from '../../../src/core/dupes/size-tiers';

function candidate(path: string, size: number, mtimeMs: number): KeepCandidate {
  return { photo: { path, width: 4000, height: 3000, size, mtimeMs, takenAt: 1, cameraMake: 'Canon', cameraModel: null, gpsLat: null, gpsLon: null }, sharpness: 0 };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Each group's keeper, the groups tiered together (one picture). */
const keepers = (groups: KeepCandidate[][]) => withSizeTiers(groups).map((g) => [...g].sort(compareForKeeping)[0]!.photo.path);

// Three versions whose sizes chain across the band: each within 0.9% of the next, the ends 1.8% apart.
const original = () => candidate('/p/IMG_2001.JPG', 3_000_000, 1_000);
const tagged = () => candidate('/p/IMG_2001 copy.JPG', 3_027_000, 2_000);
const retagged = () => candidate('/p/IMG_2001 (1).JPG', 3_054_000, 3_000);

describe('size tiers', () => {
  it('ties sizes within 1% or 512 bytes, whichever is more', () => {
    expect(sizesTie(3_000_100, 3_000_000)).toBe(true);
    expect(sizesTie(20_000, 19_500)).toBe(true);
    expect(sizesTie(20_000, 19_000)).toBe(false);
    expect(sizesTie(20_000, 20_000 - SIZE_TIE.bytes)).toBe(true);
    expect(sizesTie(20_000, 20_000 - SIZE_TIE.bytes - 1)).toBe(false);
    expect(sizesTie(3_000_000, 2_970_000)).toBe(true);
    expect(sizesTie(3_000_000, 2_960_000)).toBe(false);
  });

  it('chains sizes into tiers by the set alone, each counting as its tier\'s largest', () => {
    const tiers = sizeTiers([3_054_000, 3_000_000, 3_027_000, 1_000_000, 1_000_100]);
    expect([...tiers].sort((a, b) => b[0] - a[0])).toEqual([
      [3_054_000, 3_054_000],
      [3_027_000, 3_054_000],
      [3_000_000, 3_054_000],
      [1_000_100, 1_000_100],
      [1_000_000, 1_000_100],
    ]);
  });

  it('keeps the original over copies a sliver larger, whichever order they come in', () => {
    for (const order of permutations([original(), tagged(), retagged()])) expect(keepers([order])).toEqual(['/p/IMG_2001.JPG']);
  });

  it('ranks alike in every group of a picture, so a set of groups never trashes every copy', () => {
    // Pairs of the chain as separate groups (an exact pair inside a near group, near groups
    // joined by a similar one): each pair alone would not chain the ends.
    for (const groups of permutations([
      [original(), tagged()],
      [tagged(), retagged()],
      [retagged(), original()],
    ])) {
      const kept = keepers(groups);
      const trashed = new Set(groups.flatMap((g, i) => g.map((c) => c.photo.path).filter((p) => p !== kept[i])));
      expect(trashed.has('/p/IMG_2001.JPG')).toBe(false);
      expect(trashed.size).toBe(2);
    }
  });

  it('still keeps a file clearly larger (a re-encode at a lower quality loses to its original)', () => {
    const reencoded = candidate('/p/IMG_2001.JPG', 2_000_000, 1_000);
    const larger = candidate('/p/IMG_2001 copy.JPG', 3_000_000, 2_000);
    expect(keepers([[reencoded, larger]])).toEqual(['/p/IMG_2001 copy.JPG']);
  });
});
