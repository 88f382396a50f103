// Small tables of named JSON documents: label sets (`label_sets`) and smart albums
// (`albums`). The store only keeps the text; the feature folders validate it.
import type { Schema } from 'apache-arrow';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { equals } from './sql';

export interface NamedJson {
  name: string;
  json: string;
  updatedAt: number;
}

export class NamedJsonRepository {
  constructor(
    private readonly conn: LibraryConnection,
    private readonly tableName: string,
    private readonly schema: () => Schema,
  ) {}

  /** Inserts or replaces by name, in one commit. */
  async put(record: NamedJson): Promise<void> {
    const table = await this.conn.ensureTable(this.tableName, this.schema());
    const data = rowsToArrow(this.schema(), [{ name: record.name, json: record.json, updatedAt: record.updatedAt }]);
    await table.mergeInsert('name').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
  }

  async get(name: string): Promise<NamedJson | null> {
    const table = await this.conn.table(this.tableName);
    if (!table) return null;
    return read(new ColumnReader(await table.query().where(equals('name', name)).limit(1).toArrow()))[0] ?? null;
  }

  async list(): Promise<NamedJson[]> {
    const table = await this.conn.table(this.tableName);
    if (!table) return [];
    return read(new ColumnReader(await table.query().orderBy({ columnName: 'name', ascending: true, nullsFirst: false }).toArrow()));
  }

  async remove(name: string): Promise<void> {
    await (await this.conn.table(this.tableName))?.delete(equals('name', name));
  }
}

function read(rows: ColumnReader): NamedJson[] {
  return Array.from({ length: rows.length }, (_, i) => ({ name: rows.string('name', i), json: rows.string('json', i), updatedAt: rows.number('updatedAt', i) }));
}
