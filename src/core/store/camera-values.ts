// The camera filter, answered by indexes. A user types a substring ("nikon", "eos 80"); a
// substring test cannot use an index, so LanceDB would evaluate it on every row before
// ranking (about 20 ms at 100k photos, 10x that at 1M). A library holds few distinct
// cameras (tens, rarely hundreds), so the substring is matched against those in JavaScript
// and becomes exact (make, model) equalities that the bitmap indexes on both columns answer
// (about 3-5 ms at 100k; bench "search-filters").
//
// The distinct pairs are read once per table version (one scan of two columns, ~60 ms at
// 100k). The writer also adds the pairs it writes to an up-to-date cache, so the app (the
// writer, which also searches) does not rescan after each commit while it indexes. Pairs of
// deleted photos may linger until the next rescan: harmless, an equality nobody matches.
import type { Table } from '@lancedb/lancedb';
import { ColumnReader } from './arrow-rows';

export interface CameraPair {
  make: string | null;
  model: string | null;
}

const key = (p: CameraPair) => JSON.stringify([p.make, p.model]);

/** Matches what the substring predicate did: case-insensitive, over "make model" with a missing part left out. */
export function cameraMatches(pair: CameraPair, needle: string): boolean {
  return `${pair.make ?? ''} ${pair.model ?? ''}`.toLowerCase().includes(needle.toLowerCase());
}

export class CameraValues {
  private cached: { version: number; pairs: Map<string, CameraPair> } | null = null;

  /** The table's pairs whose "make model" contains `needle` (case-insensitive). */
  async matching(table: Table, needle: string): Promise<CameraPair[]> {
    return [...(await this.pairs(table)).values()].filter((p) => cameraMatches(p, needle));
  }

  /**
   * The writer's note after a commit that moved the table from `before` to `after`: when
   * the cache was current, the new pairs join it and it stays current.
   */
  noteWrite(before: number, after: number, written: readonly CameraPair[]): void {
    if (!this.cached || this.cached.version !== before) return;
    for (const p of written) this.cached.pairs.set(key(p), { make: p.make, model: p.model });
    this.cached.version = after;
  }

  private async pairs(table: Table): Promise<Map<string, CameraPair>> {
    const version = await table.version();
    if (this.cached?.version === version) return this.cached.pairs;
    const rows = new ColumnReader(await table.query().select(['cameraMake', 'cameraModel']).toArrow());
    const pairs = new Map<string, CameraPair>();
    for (let i = 0; i < rows.length; i++) {
      const pair = { make: rows.optionalString('cameraMake', i), model: rows.optionalString('cameraModel', i) };
      const k = key(pair);
      if (!pairs.has(k)) pairs.set(k, pair);
    }
    this.cached = { version, pairs };
    return pairs;
  }
}
