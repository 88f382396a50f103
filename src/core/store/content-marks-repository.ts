// Marks the user puts on photo contents by hand: favourites (`favourites`) and the archive
// (`archived`). One row per marked content, keyed by content hash like tags, so a mark follows
// its photo through moves and renames and identical copies share it. Each table is small (what
// a user marks by hand) and read for every page the app shows: its hashes are kept in memory
// per table version (per-version-read.ts).
import type { Schema } from 'apache-arrow';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { chunkForPredicate, inList } from './sql';
import { PerVersionRead } from './per-version-read';

const NONE: ReadonlySet<string> = new Set();

export class ContentMarksRepository {
  private readonly marked: PerVersionRead<ReadonlySet<string>>;

  /** `timeColumn`: the schema's column that keeps when a content was marked. */
  constructor(
    private readonly conn: LibraryConnection,
    private readonly tableName: string,
    private readonly schema: () => Schema,
    private readonly timeColumn: string,
  ) {
    this.marked = new PerVersionRead(conn, tableName, async (table) => {
      const rows = new ColumnReader(await table.query().select(['hash']).toArrow());
      return new Set(Array.from({ length: rows.length }, (_, i) => rows.string('hash', i)));
    }, NONE);
  }

  /** Marks or unmarks the contents, in one commit each way; marking again keeps the first time. */
  async set(hashes: readonly string[], marked: boolean, at = Date.now()): Promise<void> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return;
    if (marked) {
      const data = rowsToArrow(this.schema(), unique.map((hash) => ({ hash, [this.timeColumn]: at })));
      const table = await this.conn.table(this.tableName);
      // The first mark makes the table in the same commit: no empty version for a reader to meet.
      if (!table) await this.conn.createTable(this.tableName, data);
      else await table.mergeInsert('hash').whenNotMatchedInsertAll().execute(data);
      return;
    }
    const table = await this.conn.table(this.tableName);
    if (!table) return;
    // One delete per predicate chunk; a selection of thousands is one or two.
    for (const chunk of chunkForPredicate(unique)) await table.delete(inList('hash', chunk));
  }

  /** Every marked content hash (shared: callers must not change it). */
  hashes(): Promise<ReadonlySet<string>> {
    return this.marked.get();
  }
}
