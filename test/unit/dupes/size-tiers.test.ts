// Sizes a sliver apart (metadata, not pixels) count as one in keep-best's ranking, in tiers
// over a picture's photos (each at most a band wide) so the ranking stays a total order: the keeper does not depend on the
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

// An original and two copies a tag or two made a few KB larger: all within 1% of the largest.
const original = () => candidate('/p/IMG_2001.JPG', 3_000_000, 1_000);
const tagged = () => candidate('/p/IMG_2001 copy.JPG', 3_004_000, 2_000);
const retagged = () => candidate('/p/IMG_2001 (1).JPG', 3_009_000, 3_000);

// Three versions whose sizes chain across the band: each within 0.9% of the next, the ends 1.8% apart.
const chainA = () => candidate('/p/IMG_3001.JPG', 3_000_000, 1_000);
const chainB = () => candidate('/p/IMG_3001 copy.JPG', 3_027_000, 2_000);
const chainC = () => candidate('/p/IMG_3001 (1).JPG', 3_054_000, 3_000);

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

  it("makes tiers by the set alone, each at most a band below its largest size, which each counts as", () => {
    const sizes = [3_054_000, 3_000_000, 3_027_000, 1_000_000, 1_000_100];
    const expected = [
      [3_054_000, 3_054_000],
      [3_027_000, 3_054_000],
      [3_000_000, 3_000_000], // within the band of 3_027_000, not of its tier's 3_054_000
      [1_000_100, 1_000_100],
      [1_000_000, 1_000_100],
    ];
    for (const order of permutations(sizes)) expect([...sizeTiers(order)].sort((a, b) => b[0] - a[0])).toEqual(expected);
  });

  it('keeps the original over copies a sliver larger, whichever order they come in', () => {
    for (const order of permutations([original(), tagged(), retagged()])) expect(keepers([order])).toEqual(['/p/IMG_2001.JPG']);
  });

  it('ranks alike in every group of a picture, so a set of groups never trashes every copy', () => {
    // Pairs as separate groups (an exact pair inside a near group, near groups joined by a
    // similar one), of sizes within a band and of sizes that chain across it (A ~ B, B ~ C,
    // A and C apart): one photo of each picture is kept in every group, whatever the order.
    for (const [a, b, c, survivor] of [
      [original, tagged, retagged, '/p/IMG_2001.JPG'],
      [chainA, chainB, chainC, '/p/IMG_3001 copy.JPG'],
    ] as const) {
      for (const groups of permutations([
        [a(), b()],
        [b(), c()],
        [c(), a()],
      ])) {
        const kept = keepers(groups);
        const trashed = new Set(groups.flatMap((g, i) => g.map((c) => c.photo.path).filter((p) => p !== kept[i])));
        expect(trashed.has(survivor)).toBe(false);
        expect(trashed.size).toBe(2);
      }
    }
  });

  it('still keeps a file clearly larger (a re-encode at a lower quality loses to its original)', () => {
    const reencoded = candidate('/p/IMG_2001.JPG', 2_000_000, 1_000);
    const larger = candidate('/p/IMG_2001 copy.JPG', 3_000_000, 2_000);
    expect(keepers([[reencoded, larger]])).toEqual(['/p/IMG_2001 copy.JPG']);
  });

  it('keeps the original over a re-encode a fifth smaller, with a ladder of versions a sliver apart between them', () => {
    // A burst, or edited versions exported one after another: sizes from 5.0 MB down to 4.0 MB
    // in steps of 0.9%, each within the band of the next. Chained, they would make one tier
    // from the original to the re-encode, and the re-encode (older, not named like a copy)
    // would be kept; a tier is at most a band wide, so the original's larger size counts.
    const original5 = candidate('/p/IMG_4001.JPG', 5_000_000, 2_000);
    const reencoded4 = candidate('/p/IMG_4001_q85.JPG', 4_000_000, 1_000);
    const steps = 25; // 0.89% each
    const ladder = Array.from({ length: steps - 1 }, (_, k) => candidate(`/p/IMG_4001_v${k + 1}.JPG`, Math.round(5_000_000 * 0.8 ** ((k + 1) / steps)), 3_000));
    const sizes = [original5, ...ladder, reencoded4].map((c) => c.photo.size);
    sizes.slice(1).forEach((size, i) => expect(sizesTie(sizes[i]!, size)).toBe(true));
    // The pair's own group with the ladder's (one picture), and the ladder's group alone.
    expect(keepers([[reencoded4, original5], [...ladder, reencoded4, original5]])).toEqual(['/p/IMG_4001.JPG', '/p/IMG_4001.JPG']);
    expect(keepers([[reencoded4, ...ladder.reverse(), original5]])).toEqual(['/p/IMG_4001.JPG']);
  });
});
