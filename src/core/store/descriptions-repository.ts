// Descriptions the user writes on photos (as Google Photos' "Add a description"): one row per
// described content, keyed by hash like the marks, so a description follows its photo through
// moves and renames, copies share it, and every device of a shared library sees it. Small (what
// a user writes by hand): read whole, kept in memory per table version (per-version-read.ts).
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { chunkForPredicate, inList } from './sql';
import { PerVersionRead } from './per-version-read';
import { TAG_TABLES, descriptionsSchema } from './tag-tables';

export class DescriptionsRepository {
  private readonly texts: PerVersionRead<ReadonlyMap<string, string>>;

  constructor(private readonly conn: LibraryConnection) {
    this.texts = new PerVersionRead(conn, TAG_TABLES.descriptions, async (table) => {
      const rows = new ColumnReader(await table.query().select(['hash', 'text']).toArrow());
      return new Map(Array.from({ length: rows.length }, (_, i) => [rows.string('hash', i), rows.string('text', i)] as const));
    }, new Map());
  }

  /** Every description by content hash (shared: callers must not change it). */
  all(): Promise<ReadonlyMap<string, string>> {
    return this.texts.get();
  }

  /** Sets these contents' description in one commit, or with null (or only spaces) removes it. */
  async set(hashes: readonly string[], text: string | null): Promise<void> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return;
    const table = await this.conn.table(TAG_TABLES.descriptions);
    if (text === null || text.trim() === '') {
      if (table) for (const chunk of chunkForPredicate(unique)) await table.delete(inList('hash', chunk));
      return;
    }
    const data = rowsToArrow(descriptionsSchema(), unique.map((hash) => ({ hash, text: text.trim(), describedAt: Date.now() })));
    // The first description makes the table in the same commit: no empty version for a reader to meet.
    if (!table) await this.conn.createTable(TAG_TABLES.descriptions, data);
    else await table.mergeInsert('hash').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
  }
}
