// The library's LanceDB connection and its table handles.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Connection, Table } from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';

type LanceDb = typeof import('@lancedb/lancedb');
let lancedb: Promise<LanceDb> | undefined;

/**
 * LanceDB's native logger reads LANCEDB_LOG once, when the module loads, and by default
 * prints warnings such as "No existing dataset ... it will be created" for every new table.
 * The store reports its own errors, so the module is loaded lazily with errors-only logging
 * unless the user asked for more (LANCEDB_LOG=debug shoebox ...).
 */
export function loadLanceDb(): Promise<LanceDb> {
  process.env.LANCEDB_LOG ??= 'error';
  lancedb ??= import('@lancedb/lancedb');
  return lancedb;
}

/** Open connections by directory and mode, shared by the stores of one process. */
const shared = new Map<string, Promise<LibraryConnection>>();

/**
 * One connection and one handle per table, shared by every repository and by every store
 * that the process opens on the same directory in the same mode (say, the active model's
 * and a re-embedding model's): a handle does not see commits made through another handle
 * (the writer connects without re-checking versions, for speed), so all reads and writes
 * of a table go through one handle.
 */
export class LibraryConnection {
  private readonly handles = new Map<string, Table>();
  private refs = 1;

  private constructor(
    private conn: Connection | null,
    readonly readOnly: boolean,
    private readonly key: string,
    readonly libraryDir: string,
  ) {}

  /** The shared connection for this directory and mode; `release()` it when done. */
  static async acquire(libraryDir: string, readOnly: boolean): Promise<LibraryConnection> {
    const key = `${readOnly ? 'r' : 'w'}:${resolve(libraryDir)}`;
    const existing = shared.get(key);
    if (existing) {
      const conn = await existing;
      conn.refs++;
      return conn;
    }
    const opening = LibraryConnection.open(libraryDir, readOnly, key);
    shared.set(key, opening);
    try {
      return await opening;
    } catch (error) {
      shared.delete(key);
      throw error;
    }
  }

  private static async open(libraryDir: string, readOnly: boolean, key: string): Promise<LibraryConnection> {
    const conn = new LibraryConnection(null, readOnly, key, libraryDir);
    await conn.connection();
    return conn;
  }

  /**
   * A read-only connection re-checks each table's latest version on every read
   * (readConsistencyInterval 0), so a reader in another process sees the writer's commits.
   * A reader does not connect until the directory exists (connecting would create it):
   * until then it reads as an empty library.
   */
  private async connection(): Promise<Connection | null> {
    if (this.conn || (this.readOnly && !existsSync(this.libraryDir))) return this.conn;
    const { connect } = await loadLanceDb();
    this.conn = await connect(this.libraryDir, this.readOnly ? { readConsistencyInterval: 0 } : {});
    return this.conn;
  }

  async tableNames(): Promise<string[]> {
    const conn = await this.connection();
    if (!conn) return [];
    const names: string[] = [];
    const pageSize = 1000;
    for (;;) {
      const page = await conn.tableNames({ startAfter: names.at(-1), limit: pageSize });
      names.push(...page);
      if (page.length < pageSize) return names;
    }
  }

  /** The table's shared handle, or null when it does not exist (yet). */
  async table(name: string): Promise<Table | null> {
    const cached = this.handles.get(name);
    if (cached) return cached;
    if (!(await this.tableNames()).includes(name)) return null;
    const table = await this.conn!.openTable(name);
    this.handles.set(name, table);
    return table;
  }

  /** Creates the table empty if it is missing; returns its handle. */
  async ensureTable(name: string, schema: Schema): Promise<Table> {
    const existing = await this.table(name);
    if (existing) return existing;
    const table = await this.writer().createEmptyTable(name, schema, { mode: 'create', existOk: true });
    this.handles.set(name, table);
    return table;
  }

  /** Creates a table holding `data` in one commit (fails if it exists). */
  async createTable(name: string, data: import('apache-arrow').Table): Promise<Table> {
    const table = await this.writer().createTable(name, data, { mode: 'create' });
    this.handles.set(name, table);
    return table;
  }

  /** Closes and forgets the table's handle: the next `table()` opens it again (repair.ts moves files under it). */
  forget(name: string): void {
    this.handles.get(name)?.close();
    this.handles.delete(name);
  }

  async dropTable(name: string): Promise<void> {
    this.handles.get(name)?.close();
    this.handles.delete(name);
    await this.writer().dropTable(name);
  }

  /** Drops this user's reference; the last one closes the tables and the connection. */
  release(): void {
    if (--this.refs > 0) return;
    shared.delete(this.key);
    for (const table of this.handles.values()) table.close();
    this.handles.clear();
    this.conn?.close();
  }

  private writer(): Connection {
    if (this.readOnly || !this.conn) throw new Error('The library is open read-only');
    return this.conn;
  }
}
