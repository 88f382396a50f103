// File sizes that differ by a sliver count as one size in keep-best's ranking. Writing a tag,
// a rating or an artist into a file (exiftool, a photo manager) adds a few bytes to a few KB
// of metadata and changes no pixel, so "a larger file" must not pick such a copy over the
// camera original: within SIZE_TIE the name, the age and the path decide instead. A
// re-encode at another quality differs by far more (q95 to q85 is about a third).
//
// "Within the band" is not transitive (A ~ B and B ~ C while A and C are far apart), and a
// keeper ranking must be a total order (keep-best.ts), so sizes are put in tiers instead, over
// the photos of one picture (the groups that share photos: a picture's exact copies sit in its
// near group, near groups in similar ones): sorted by size, each size within the band of its
// tier's largest size joins the tier, the first that is not starts the next, and every photo
// of a tier counts as the tier's largest size. A tier depends only on the picture's set of
// sizes, never on the order the photos come in, so every group of the picture ranks its
// photos the same way. A tier is at most one band wide: a tier anchored on the previous size
// instead would chain without end, and a burst or a ladder of edited versions a sliver apart
// each would put the original and a re-encode a fifth smaller in one tier, where size no
// longer counts. The cost: two sizes within the band of each other may fall in two tiers (A
// ties B, but B is in the tier of a larger C that A does not tie), and then the larger wins by
// size as if there were no band; a tag's few KB on a camera's photo is far less than the band.
import { UnionFind } from './union-find';

/** Two sizes tie when they differ by at most the larger of these: 1% of the larger (a tag, a
 *  rating, an XMP packet or a rewritten metadata block on a camera's multi-megabyte photo are
 *  a fraction of that, while a re-encode at another quality differs by tens of percent), or
 *  512 bytes (a tag or two written into a small file). Not more on small files: at 20 KB a
 *  floor of a few KB would tie a re-encode with its original. */
export const SIZE_TIE = { bytes: 512, share: 0.01 } as const;

/** Whether `smaller` is within the band of `larger`. */
export function sizesTie(larger: number, smaller: number): boolean {
  return larger - smaller <= Math.max(SIZE_TIE.bytes, SIZE_TIE.share * larger);
}

/** Each of `sizes` mapped to the size it counts as: the largest of its tier, which holds the
 *  sizes within the band of that largest one. */
export function sizeTiers(sizes: Iterable<number>): Map<number, number> {
  const sorted = [...new Set(sizes)].sort((a, b) => b - a);
  const tiers = new Map<number, number>();
  let top = sorted[0] ?? 0;
  for (const size of sorted) {
    if (!sizesTie(top, size)) top = size;
    tiers.set(size, top);
  }
  return tiers;
}

type Sized = { photo: { path: string; size: number }; sizeTier?: number };

/**
 * The groups with each candidate's `sizeTier` set, tiered over each picture: groups sharing a
 * path are one picture. The candidates are copied, the groups keep their order.
 */
export function withSizeTiers<C extends Sized>(groups: readonly (readonly C[])[]): C[][] {
  const sets = new UnionFind(groups.length);
  const firstGroupOf = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const c of g) {
      const first = firstGroupOf.get(c.photo.path);
      if (first === undefined) firstGroupOf.set(c.photo.path, i);
      else sets.union(first, i);
    }
  });
  const sizesOf = new Map<number, number[]>();
  groups.forEach((g, i) => {
    const root = sets.find(i);
    const list = sizesOf.get(root) ?? [];
    for (const c of g) list.push(c.photo.size);
    sizesOf.set(root, list);
  });
  const tiersOf = new Map([...sizesOf].map(([root, sizes]) => [root, sizeTiers(sizes)]));
  return groups.map((g, i) => {
    const tiers = tiersOf.get(sets.find(i))!;
    return g.map((c) => ({ ...c, sizeTier: tiers.get(c.photo.size)! }));
  });
}
