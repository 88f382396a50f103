// A page of a vector search as a slice of ONE total order: nearest first, equal distances by
// path. LanceDB orders equal distances (exact copies, flat colour images) as it happens to meet
// them, differently from one offset/limit to the next, so paging through a tie shows one photo
// twice and drops another. The vector cache (vector-rows.ts) ranks in this order already.
//
// Cheap in the common case: the page is asked with one row more on each side; only when such a
// row ties with the page's first or last one is the tie read whole (a distance range holding
// that distance alone) and sorted by path. A page lying wholly inside a tie that goes on both
// sides also counts the rows before the tie (their distances only).

/** A row of a vector query: its path and its distance as LanceDB computed it (float32). */
export interface RankedRow {
  path: string;
  distance: number;
}

/** The rows in [lower, upper) (a bound left out: open), nearest first, from `offset`, at most `limit`. */
export type RangeQuery = (range: { offset: number; limit: number; lower?: number; upper?: number }) => Promise<RankedRow[]>;

/** How many rows of a tie are asked for first; asked again four times as many while they fill it. */
const FIRST_TIE_READ = 64;

/** Rows `offset`..`offset + limit` of the order nearest first, then by path. */
export async function stablePage(query: RangeQuery, offset: number, limit: number): Promise<RankedRow[]> {
  if (limit === 0) return [];
  const from = offset > 0 ? offset - 1 : 0;
  const asked = offset + limit + 1 - from;
  const window = await query({ offset: from, limit: asked });
  const end = offset + limit;
  const page: RankedRow[] = [];
  for (let s = 0; s < window.length; ) {
    const distance = window[s]!.distance;
    let e = s + 1;
    while (e < window.length && window[e]!.distance === distance) e++;
    const runStart = from + s;
    const runEnd = from + e;
    if (runEnd > offset && runStart < end) {
      // The run may go on past the window's edge: then it is read whole.
      const openBefore = s === 0 && from > 0;
      const openAfter = e === window.length && window.length === asked;
      let tie = window.slice(s, e);
      let start = runStart;
      if (openBefore || openAfter) {
        tie = await wholeTie(query, distance, tie);
        if (openBefore) start = openAfter ? (await query({ offset: 0, limit: from, upper: distance })).length : runEnd - tie.length;
      }
      tie.sort(byPath);
      page.push(...tie.slice(Math.max(offset, start) - start, Math.min(end, start + tie.length) - start));
    }
    s = e;
  }
  return page;
}

/** Every row at exactly `distance` (`seen`: those met already, kept should a re-read miss one). */
async function wholeTie(query: RangeQuery, distance: number, seen: readonly RankedRow[]): Promise<RankedRow[]> {
  const upper = nextFloat32(distance);
  for (let limit = Math.max(FIRST_TIE_READ, seen.length * 2); ; limit *= 4) {
    const rows = await query({ offset: 0, limit, lower: distance, upper });
    if (rows.length < limit) return [...new Map([...seen, ...rows].map((r) => [r.path, r])).values()];
  }
}

function byPath(a: RankedRow, b: RankedRow): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

const float = new Float32Array(1);
const bits = new Uint32Array(float.buffer);

/** The next float32 above `x` (a float32 value): [x, nextFloat32(x)) holds x alone. */
export function nextFloat32(x: number): number {
  float[0] = x;
  if (x === 0) bits[0] = 1;
  else bits[0] = bits[0]! + (x > 0 ? 1 : -1);
  return float[0]!;
}
