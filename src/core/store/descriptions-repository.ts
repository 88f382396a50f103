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
    if (text === null || text.trim() === '') {
      const table = await this.conn.table(TAG_TABLES.descriptions);
      if (table) for (const chunk of chunkForPredicate(unique)) await table.delete(inList('hash', chunk));
      return;
    }
    await this.write(new Map(unique.map((hash) => [hash, text])), 'replace');
  }

  /** Gives each content without a description its own (trimmed; blank ones left out), in one
   *  commit that only inserts: one written meanwhile stays. Resolves to how many were added. */
  add(texts: ReadonlyMap<string, string>): Promise<number> {
    return this.write(texts, 'insert');
  }

  private async write(texts: ReadonlyMap<string, string>, how: 'replace' | 'insert'): Promise<number> {
    const now = Date.now();
    const rows = [...texts].filter(([, text]) => text.trim() !== '').map(([hash, text]) => ({ hash, text: text.trim(), describedAt: now }));
    if (rows.length === 0) return 0;
    const data = rowsToArrow(descriptionsSchema(), rows);
    const table = await this.conn.table(TAG_TABLES.descriptions);
    // The first description makes the table in the same commit: no empty version for a reader to meet.
    if (!table) {
      await this.conn.createTable(TAG_TABLES.descriptions, data);
      return rows.length;
    }
    const merge = table.mergeInsert('hash');
    return (await (how === 'replace' ? merge.whenMatchedUpdateAll() : merge).whenNotMatchedInsertAll().execute(data)).numInsertedRows;
  }
}
