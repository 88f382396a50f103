// How the user turned photos to show (Rotate, as every photo app's): one row per turned
// content, keyed by hash like the marks, so a rotation follows its photo through moves and
// renames, copies share it, and every device of a shared library sees it. The file is never
// touched: the images the app is served are turned (core/api/image-files.ts). Small (what a
// user turns by hand): read whole, kept in memory per table version (per-version-read.ts).
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { chunkForPredicate, inList } from './sql';
import { PerVersionRead } from './per-version-read';
import { TAG_TABLES, rotationsSchema } from './tag-tables';
import { oneAtATime } from '../../base/one-at-a-time';
import { addTurns } from '../../shared/rotation';

export class RotationsRepository {
  private readonly turns: PerVersionRead<ReadonlyMap<string, number>>;
  // A rotation is relative to how the photo shows now: two at once must not both start from it.
  private readonly queue = oneAtATime();

  constructor(private readonly conn: LibraryConnection) {
    this.turns = new PerVersionRead(conn, TAG_TABLES.rotations, async (table) => {
      const rows = new ColumnReader(await table.query().select(['hash', 'turns']).toArrow());
      return new Map(Array.from({ length: rows.length }, (_, i) => [rows.string('hash', i), rows.number('turns', i)] as const));
    }, new Map());
  }

  /** Every turned content's clockwise quarter turns (1-3) by hash (shared: callers must not change it). */
  all(): Promise<ReadonlyMap<string, number>> {
    return this.turns.get();
  }

  /** Turns these contents by `turns` quarter turns clockwise, or with 'reset' back to their files' own. */
  rotate(hashes: readonly string[], turns: number | 'reset'): Promise<void> {
    return this.queue(async () => {
      const unique = [...new Set(hashes)];
      if (unique.length === 0) return;
      const now = await this.all();
      const next = unique.map((hash) => ({ hash, turns: turns === 'reset' ? 0 : addTurns(now.get(hash) ?? 0, turns) }));
      const upright = next.filter((r) => r.turns === 0).map((r) => r.hash);
      const turned = next.filter((r) => r.turns !== 0).map((r) => ({ ...r, rotatedAt: Date.now() }));
      const table = await this.conn.table(TAG_TABLES.rotations);
      if (turned.length > 0) {
        const data = rowsToArrow(rotationsSchema(), turned);
        // The first rotation makes the table in the same commit: no empty version for a reader to meet.
        if (!table) await this.conn.createTable(TAG_TABLES.rotations, data);
        else await table.mergeInsert('hash').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
      }
      if (table && upright.length > 0) for (const chunk of chunkForPredicate(upright)) await table.delete(inList('hash', chunk));
    });
  }
}
