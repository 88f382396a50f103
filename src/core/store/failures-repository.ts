// Files that could not be indexed (`failures` table), keyed by path. The library retries a
// failure only when the file's size or mtime changes, so a row is replaced, never duplicated.
import type { FailureRecord } from './types';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { TABLES, failuresSchema } from './schema';
import { chunkForPredicate, inList, underFolder } from './sql';

export class FailuresRepository {
  constructor(private readonly conn: LibraryConnection) {}

  async record(records: FailureRecord[]): Promise<void> {
    if (records.length === 0) return;
    const data = rowsToArrow(failuresSchema(), [...new Map(records.map((r) => [r.path, r])).values()]);
    const table = await this.conn.ensureTable(TABLES.failures, failuresSchema());
    await table.mergeInsert('path').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
  }

  async clear(paths: string[]): Promise<void> {
    await this.delete(chunkForPredicate([...new Set(paths)]).map((chunk) => inList('path', chunk)));
  }

  /** Clears the failures matching a SQL predicate on the failures table (sql.ts). */
  async clearWhere(predicate: string): Promise<void> {
    await this.delete([predicate]);
  }

  private async delete(predicates: string[]): Promise<void> {
    if (predicates.length === 0) return;
    const table = await this.conn.table(TABLES.failures);
    for (const predicate of predicates) await table?.delete(predicate);
  }

  /** Failures ordered by path, optionally under one folder. */
  async list(folder?: string): Promise<FailureRecord[]> {
    const table = await this.conn.table(TABLES.failures);
    if (!table) return [];
    let query = table.query().orderBy({ columnName: 'path', ascending: true, nullsFirst: false });
    if (folder !== undefined) query = query.where(underFolder(folder));
    const rows = new ColumnReader(await query.toArrow());
    return Array.from({ length: rows.length }, (_, i) => ({
      path: rows.string('path', i),
      folder: rows.string('folder', i),
      size: rows.number('size', i),
      // v1 kept seconds in `mtime` (migrations.ts); an unmigrated library is read in ms.
      mtimeMs: rows.optionalNumber('mtimeMs', i) ?? rows.number('mtime', i) * 1000,
      reason: rows.string('reason', i),
      failedAt: rows.number('failedAt', i),
    }));
  }
}
