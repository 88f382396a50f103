// The baseline near-duplicate detection is measured against: a plain 64-bit whole-frame
// pHash (as the imagehash library computes it: the whole frame squashed to 32x32 grey, DCT,
// the 8x8 lowest frequencies DC included, each above or below their median) and union-find
// grouping of every pair within a Hamming distance. Same thumbnails as Shoebox's signatures.
import sharp from 'sharp';
import { AreaSampler, greyFromRgb } from '../../src/core/dupes/raster';
import { UnionFind } from '../../src/core/dupes/union-find';

const N = 32;
const COS = Float64Array.from({ length: N * N }, (_, i) => {
  const u = Math.floor(i / N);
  const x = i % N;
  return Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N)) * (u === 0 ? Math.sqrt(1 / N) : Math.sqrt(2 / N));
});

/** 64-bit pHash as two 32-bit words. */
export async function phash64(jpeg: Uint8Array): Promise<[number, number]> {
  const { data, info } = await sharp(jpeg).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const sampler = new AreaSampler(greyFromRgb(data, info.width, info.height, info.channels), info.width, info.height);
  const grid = sampler.sample(0, 0, info.width, info.height, N, N);
  const block: number[] = [];
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) s += COS[v * N + y]! * COS[u * N + x]! * grid[y * N + x]!;
      block.push(s);
    }
  }
  const sorted = [...block].sort((a, b) => a - b);
  const median = (sorted[31]! + sorted[32]!) / 2;
  const words: [number, number] = [0, 0];
  block.forEach((c, i) => {
    if (c > median) words[i >> 5] = (words[i >> 5]! | (1 << (i & 31))) >>> 0;
  });
  return words;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

/** Groups (as index lists) of union-find over all pairs within `maxDistance`. */
export function phashGroups(hashes: readonly [number, number][], maxDistance: number): number[][] {
  const uf = new UnionFind(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    for (let j = i + 1; j < hashes.length; j++) {
      const d = popcount(hashes[i]![0] ^ hashes[j]![0]) + popcount(hashes[i]![1] ^ hashes[j]![1]);
      if (d <= maxDistance) uf.union(i, j);
    }
  }
  return uf.groups();
}
