// Which folders are auto-tagged with which label sets (`auto_tag_folders`): photos newly
// indexed under such a folder are classified with the set as they are committed.
import type { AutoTagFolderRecord } from './types';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { TAG_TABLES, autoTagFoldersSchema } from './tag-tables';
import { equals } from './sql';

export class AutoTagFoldersRepository {
  constructor(private readonly conn: LibraryConnection) {}

  /** Adding a pair again keeps its original `addedAt`. */
  async add(folder: string, set: string, addedAt = Date.now()): Promise<void> {
    const table = await this.conn.ensureTable(TAG_TABLES.autoTagFolders, autoTagFoldersSchema());
    const data = rowsToArrow(autoTagFoldersSchema(), [{ key: JSON.stringify([folder, set]), folder, set, addedAt }]);
    await table.mergeInsert('key').whenNotMatchedInsertAll().execute(data);
  }

  async remove(folder: string, set?: string): Promise<void> {
    const where = set === undefined ? equals('folder', folder) : equals('key', JSON.stringify([folder, set]));
    await (await this.conn.table(TAG_TABLES.autoTagFolders))?.delete(where);
  }

  async removeSet(set: string): Promise<void> {
    await (await this.conn.table(TAG_TABLES.autoTagFolders))?.delete(equals('set', set));
  }

  async list(): Promise<AutoTagFolderRecord[]> {
    const table = await this.conn.table(TAG_TABLES.autoTagFolders);
    if (!table) return [];
    const rows = new ColumnReader(await table.query().orderBy({ columnName: 'key', ascending: true, nullsFirst: false }).toArrow());
    return Array.from({ length: rows.length }, (_, i) => ({ folder: rows.string('folder', i), set: rows.string('set', i), addedAt: rows.number('addedAt', i) }));
  }
}
