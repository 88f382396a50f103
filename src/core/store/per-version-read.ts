// A small table read whole and kept in memory per table version (the content marks, the dates
// and places set by hand, the descriptions): read for every page the app shows, so a page costs a version check, not a read
// (on S3 a version check is one small request, a read several). A failed read is not kept.
import type { Table } from '@lancedb/lancedb';
import type { LibraryConnection } from './connection';

export class PerVersionRead<T> {
  private cached: { version: number; value: Promise<T> } | null = null;

  /** `read`: the whole table to its value; `none`: the value while the table does not exist. */
  constructor(
    private readonly conn: LibraryConnection,
    private readonly tableName: string,
    private readonly read: (table: Table) => Promise<T>,
    private readonly none: T,
  ) {}

  /** The value at the table's current version (shared: callers must not change it). */
  async get(): Promise<T> {
    const table = await this.conn.table(this.tableName);
    if (!table) return this.none;
    const version = await table.version();
    if (this.cached?.version !== version) {
      const value = this.read(table);
      this.cached = { version, value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached = null;
      });
    }
    return this.cached.value;
  }
}
