// Pages of a vector search are slices of one order (nearest first, equal distances by path)
// whatever order LanceDB gives equal distances in: here a fake that orders each tie afresh on
// every query, as LanceDB may from one offset/limit to the next.
import { describe, expect, it } from 'vitest';
import { nextFloat32, stablePage, type RangeQuery, type RankedRow } from '../../../src/core/store/tie-stable-page';
import { rng } from '../../helpers/seeded-random';

/** Rows at a few distances, many of them tied, paths in no particular order. */
function rows(): RankedRow[] {
  const distances = [0.1, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.3, 0.5, 0.5, 0.5, 0.7, 0.9, 0.9];
  return distances.map((distance, i) => ({ path: `/p/${String.fromCharCode(110 - i * 3)}${i}.jpg`, distance }));
}

/** A query over `all` that shuffles each run of equal distances anew on every call. */
function shufflingQuery(all: readonly RankedRow[], seed: number): { query: RangeQuery; calls: () => number } {
  const random = rng(seed);
  let calls = 0;
  const query: RangeQuery = async ({ offset, limit, lower, upper }) => {
    calls++;
    const inRange = all.filter((r) => (lower === undefined || r.distance >= lower) && (upper === undefined || r.distance < upper));
    const shuffled = inRange.map((r) => ({ r, key: random() })).sort((a, b) => a.r.distance - b.r.distance || a.key - b.key).map((x) => x.r);
    return shuffled.slice(offset, offset + limit);
  };
  return { query, calls: () => calls };
}

const byDistanceThenPath = (a: RankedRow, b: RankedRow) => a.distance - b.distance || (a.path < b.path ? -1 : 1);

describe('stablePage', () => {
  it('gives every page as a slice of one order, however each query orders a tie', async () => {
    const all = rows();
    const order = [...all].sort(byDistanceThenPath).map((r) => r.path);
    for (let seed = 1; seed <= 5; seed++) {
      const { query } = shufflingQuery(all, seed);
      for (const limit of [1, 2, 3, 5, 20]) {
        for (let offset = 0; offset <= all.length + 1; offset++) {
          const page = (await stablePage(query, offset, limit)).map((r) => r.path);
          expect(page, `offset ${offset}, limit ${limit}, seed ${seed}`).toEqual(order.slice(offset, offset + limit));
        }
      }
    }
  });

  it('asks once when no tie crosses the edges of the page', async () => {
    const all = rows();
    const { query, calls } = shufflingQuery(all, 9);
    // Rows 7..8 (0.3, then the first 0.5): the rows either side are at other distances.
    expect((await stablePage(query, 7, 1)).map((r) => r.distance)).toEqual([0.3]);
    expect(calls()).toBe(1);
  });

  it('reads a tie larger than its first read whole', async () => {
    const all = Array.from({ length: 300 }, (_, i) => ({ path: `/big/${String(299 - i).padStart(3, '0')}.jpg`, distance: 0.4 }));
    const { query } = shufflingQuery(all, 3);
    expect((await stablePage(query, 150, 2)).map((r) => r.path)).toEqual(['/big/150.jpg', '/big/151.jpg']);
  });

  it('bounds a range to one float32 distance', () => {
    for (const x of [0, 0.25, 1.5, -0.5, Math.fround(0.1)]) {
      const next = nextFloat32(x);
      expect(next).toBeGreaterThan(x);
      expect(Math.fround(next)).toBe(next);
      // Nothing representable in float32 lies between them.
      expect(Math.fround((x + next) / 2) === x || Math.fround((x + next) / 2) === next).toBe(true);
    }
  });
});
