// Watched folders (`folders` table). Removing a folder's photos and failures is the store's
// job (index.ts), which deletes those first and the folder row last: a crash in between
// leaves the folder listed, so removing it again finishes the work.
import type { FolderRecord } from './types';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { TABLES, foldersSchema } from './schema';
import { equals } from './sql';

export class FoldersRepository {
  constructor(private readonly conn: LibraryConnection) {}

  /** Adds the folder; adding it again keeps its original `addedAt`. */
  async add(path: string, addedAt = Date.now()): Promise<void> {
    const data = rowsToArrow(foldersSchema(), [{ path, addedAt }]);
    const table = await this.conn.ensureTable(TABLES.folders, foldersSchema());
    await table.mergeInsert('path').whenNotMatchedInsertAll().execute(data);
  }

  async remove(path: string): Promise<void> {
    await (await this.conn.table(TABLES.folders))?.delete(equals('path', path));
  }

  async list(): Promise<FolderRecord[]> {
    const table = await this.conn.table(TABLES.folders);
    if (!table) return [];
    const query = table.query().orderBy({ columnName: 'path', ascending: true, nullsFirst: false });
    const rows = new ColumnReader(await query.toArrow());
    return Array.from({ length: rows.length }, (_, i) => ({ path: rows.string('path', i), addedAt: rows.number('addedAt', i) }));
  }
}
