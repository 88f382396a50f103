// The library's LanceDB connection and its table handles.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Connection, Table } from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import { LibraryLocation } from '../location/library-location';
import { checkS3Reachable } from '../location/s3-client';
import { unfinishedCopyProbe } from '../location/unfinished-copy';

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

/** A library location, or a local folder's path (the tests' and repair's shorthand). */
export type StoreLocation = LibraryLocation | string;

export function toLocation(where: StoreLocation): LibraryLocation {
  return typeof where === 'string' ? LibraryLocation.local(where) : where;
}

/** How long an S3 library's table list is reused (tableNames). */
const LISTING_TTL_MS = 1000;

/** Open connections by location and mode, shared by the stores of one process. */
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
  /** Its entry in `shared`, which later acquirers share until detach() or the last release(). */
  private entry: Promise<LibraryConnection> | undefined;

  private constructor(
    private conn: Connection | null,
    readonly readOnly: boolean,
    private readonly key: string,
    readonly location: LibraryLocation,
  ) {}

  /** The local folder, or the S3 URI (s3://bucket/prefix) of an S3 library: safe to print. */
  get libraryDir(): string {
    return this.location.databaseUri;
  }

  /** The shared connection for this location and mode; `release()` it when done. */
  static async acquire(where: StoreLocation, readOnly: boolean): Promise<LibraryConnection> {
    const location = toLocation(where);
    // An S3 library by URI and endpoint: the same bucket/prefix on two servers is two libraries.
    const key = `${readOnly ? 'r' : 'w'}:${location.kind === 'local' ? resolve(location.databaseUri) : location.describe()}`;
    const existing = shared.get(key);
    if (existing) {
      const conn = await existing;
      conn.refs++;
      return conn;
    }
    const opening = LibraryConnection.open(location, readOnly, key);
    shared.set(key, opening);
    try {
      const conn = await opening;
      conn.entry = opening;
      return conn;
    } catch (error) {
      shared.delete(key);
      throw error;
    }
  }

  private static async open(location: LibraryLocation, readOnly: boolean, key: string): Promise<LibraryConnection> {
    // An S3 bucket that is down, missing or refuses the keys: one clear line now, not
    // LanceDB's retries for minutes. In the same request: a prefix holding a copy still being
    // made is not opened (a writer's commits would mix into the copy, whose resume removes
    // what it did not write; a reader would see tables half there). copy-library's own checks
    // of its target use connections of their own.
    if (location.kind === 's3') await checkS3Reachable(location, unfinishedCopyProbe(location));
    const conn = new LibraryConnection(null, readOnly, key, location);
    await conn.connection();
    return conn;
  }

  /**
   * A read-only connection re-checks each table's latest version on every read
   * (readConsistencyInterval 0), so a reader in another process sees the writer's commits.
   * A reader of a local library does not connect until the directory exists (connecting
   * would create it): until then it reads as an empty library. An S3 prefix needs no
   * creating: an empty one lists no tables.
   */
  private async connection(): Promise<Connection | null> {
    const local = this.location.kind === 'local';
    if (this.conn || (this.readOnly && local && !existsSync(this.libraryDir))) return this.conn;
    const { connect } = await loadLanceDb();
    const storageOptions = local ? {} : { storageOptions: { ...this.location.storageOptions } };
    this.conn = await connect(this.location.databaseUri, { ...(this.readOnly ? { readConsistencyInterval: 0 } : {}), ...storageOptions });
    return this.conn;
  }

  /**
   * On object storage listing the tables is a request (~50 ms on a LAN gateway) that every
   * search would otherwise make, asking for tables a library may not have (video frames): the
   * list is kept for a second, as the vector cache keeps versions, and dropped on this
   * connection's own creates and drops.
   */
  private listed: { names: string[]; at: number } | null = null;

  async tableNames(): Promise<string[]> {
    const remote = this.location.kind === 's3';
    if (remote && this.listed && performance.now() - this.listed.at < LISTING_TTL_MS) return this.listed.names;
    const names = await this.listTables();
    if (remote) this.listed = { names, at: performance.now() };
    return names;
  }

  private async listTables(): Promise<string[]> {
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
    // A table this process is creating (the first favourite, the first tag): its folder is
    // listed before its first version is committed, so opening it now would fail; wait for it.
    // Not while the creator itself looks for a leftover (createIfMissing).
    const creating = this.creating.get(name);
    if (creating && !this.checkingLeftover.has(name)) return creating;
    if (!(await this.tableNames()).includes(name)) return null;
    const table = await this.openListed(name);
    if (table) this.handles.set(name, table);
    return table;
  }

  /**
   * Opens a table the listing named. On object storage a table's folder is listed as soon as
   * its first file is written, before its first version is committed: a reader that comes
   * in between (another device creating the library) reads it as not there yet.
   */
  private async openListed(name: string): Promise<Table | null> {
    try {
      return await this.conn!.openTable(name);
    } catch (error) {
      const message = String((error as Error)?.message);
      if (this.readOnly && /exists but could not be loaded|was not found|not found/i.test(message)) return null;
      // The writer finds a table whose creation was cut short (a kill -9 between its first file
      // and its first version): it has no version, so no row anyone could see. Its leftovers
      // are removed and the table is created again; the writer lock/lease says no one else
      // is creating it.
      if (!this.readOnly && (this.checkingLeftover.has(name) || !this.creating.has(name)) && /_versions/.test(message) && /not found/i.test(message)) {
        this.listed = null;
        await this.conn!.dropTable(name).catch(() => {});
        return null;
      }
      throw error;
    }
  }

  /** Creates the table empty if it is missing; returns its handle. */
  /** Creations in flight, so two callers at once (two videos' frames) make one table, and neither takes the other's for a leftover. */
  private readonly creating = new Map<string, Promise<Table>>();

  async ensureTable(name: string, schema: Schema): Promise<Table> {
    const pending = this.creating.get(name);
    if (pending) return pending;
    const creation = this.createIfMissing(name, schema);
    this.creating.set(name, creation);
    try {
      return await creation;
    } finally {
      if (this.creating.get(name) === creation) this.creating.delete(name);
    }
  }

  /** The one creator's own look for a leftover (it may remove one; another caller meanwhile may not). */
  private readonly checkingLeftover = new Set<string>();

  private async createIfMissing(name: string, schema: Schema): Promise<Table> {
    this.checkingLeftover.add(name);
    const existing = await this.table(name).finally(() => this.checkingLeftover.delete(name));
    if (existing) return existing;
    this.listed = null;
    const table = await this.writer().createEmptyTable(name, schema, { mode: 'create', existOk: true });
    this.handles.set(name, table);
    return table;
  }

  /** Creates a table holding `data` in one commit (fails if it exists). Registered as a
   *  creation in flight, like ensureTable's: a read meanwhile waits for it, and is never taken
   *  for a leftover of a cut-short creation (which would be dropped). */
  async createTable(name: string, data: import('apache-arrow').Table): Promise<Table> {
    const pending = this.creating.get(name);
    if (pending) await pending.catch(() => {});
    const creation = (async () => {
      this.listed = null;
      const table = await this.writer().createTable(name, data, { mode: 'create' });
      this.handles.set(name, table);
      return table;
    })();
    this.creating.set(name, creation);
    try {
      return await creation;
    } finally {
      if (this.creating.get(name) === creation) this.creating.delete(name);
    }
  }

  /** Closes and forgets the table's handle: the next `table()` opens it again (repair.ts moves files under it). */
  forget(name: string): void {
    this.handles.get(name)?.close();
    this.handles.delete(name);
  }

  async dropTable(name: string): Promise<void> {
    this.handles.get(name)?.close();
    this.handles.delete(name);
    this.listed = null;
    await this.writer().dropTable(name);
  }

  /**
   * Later acquirers open a connection of their own; this one serves those holding it until
   * their release(). A writer that gave the library back (LibraryService.handBackIfIdle) is
   * detached: the next writer must see what other devices commit meanwhile, which this
   * connection's reads (not re-checking versions) would not.
   */
  detach(): void {
    if (this.entry && shared.get(this.key) === this.entry) shared.delete(this.key);
    this.entry = undefined;
  }

  /** Drops this user's reference; the last one closes the tables and the connection. */
  release(): void {
    if (--this.refs > 0) return;
    this.detach();
    for (const table of this.handles.values()) table.close();
    this.handles.clear();
    this.conn?.close();
  }

  private writer(): Connection {
    if (this.readOnly || !this.conn) throw new Error('The library is open read-only');
    return this.conn;
  }
}
