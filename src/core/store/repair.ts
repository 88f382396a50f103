// `shoebox repair`: brings every unreadable table back to a state LanceDB can read (see
// store-health.ts for what damage looks like). Lance keeps each commit as a version, so a
// table goes back to its last version that reads whole:
//  - a data fragment truncated, garbled or deleted: the newest readable version is checked
//    out and restored (a new commit; the damaged version stays on disk until maintenance
//    cleans old versions up);
//  - the latest manifest truncated (a torn commit): that manifest is moved aside, and the
//    one before it becomes the latest;
//  - no version reads (old versions already cleaned up): the table folder is moved aside
//    and the table starts again empty ("rebuilt"); the writer's next open recreates it.
// Nothing is deleted: whatever is moved aside goes to `<library>/.damaged/<time>/`.
// What the restored tables lack comes back from the files on disk: photos lost from a
// photos table are pending again (the next `index` embeds them), library folders lost from
// `folders` are re-added from the photos' folders, and a lost `meta` is written again.
// Must run as the library's writer (holding the writer lock), with the store's other users
// sharing this process's connection (LibraryConnection), or none.
import fs from 'node:fs';
import path from 'node:path';
import type { Table } from '@lancedb/lancedb';
import { LibraryConnection, type StoreLocation } from './connection';
import { FoldersRepository } from './folders-repository';
import { SCHEMA_VERSION, createLibrary } from './migrations';
import { isPhotosTable } from './model-key';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { TABLES, metaSchema } from './schema';
import { clearDamageSeen, readWhole, shortReason } from './store-health';

export interface TableRepair {
  table: string;
  /** ok: read whole as it was; restored: back at an earlier version; rebuilt: started empty. */
  state: 'ok' | 'restored' | 'rebuilt';
  /** Why it needed repair (store-health.ts's short reason). */
  reason?: string;
  /** The version it is back at (restored). */
  restoredTo?: number;
  /** Rows it held and holds now; before is null when the damaged version could not say. */
  rowsBefore?: number | null;
  rowsAfter?: number;
  /** rowsBefore - rowsAfter when known (never below 0). */
  rowsLost?: number | null;
}

export interface StoreRepairReport {
  checked: number;
  repaired: number;
  tables: TableRepair[];
  /** Library folders re-added from the photos' rows (the `folders` table lost them). */
  foldersReadded: string[];
  /** Where damaged files were moved; null when none was moved. */
  movedAside: string | null;
}

const MANIFEST = /^(\d+)\.manifest$/;
/** Lance's v2 manifest names count down from u64::MAX, so the newest sorts first. */
const U64_MAX = 2n ** 64n - 1n;

/** The version a manifest file holds, for both Lance naming schemes. */
export function manifestVersion(file: string): bigint {
  const n = BigInt(MANIFEST.exec(file)![1]!);
  return n > 2n ** 63n ? U64_MAX - n : n;
}

/** A table's files on disk: what is set aside goes to `<library>/.damaged/<time>/`. */
class DiskTableFiles implements TableFiles {
  private dir: string | null = null;
  constructor(private readonly libraryDir: string) {}

  movedAside(): string | null {
    return this.dir;
  }

  /** Going back a version writes a new one and deletes nothing: the files stay as they are. */
  async keepBeforeRestore(): Promise<void> {}

  dropUnreadableManifests(conn: LibraryConnection, name: string): Promise<{ restoredTo: number; rowsAfter: number } | null> {
    return dropUnreadableManifests(conn, name, path.join(conn.libraryDir, `${name}.lance`), this);
  }

  async setAside(conn: LibraryConnection, name: string): Promise<void> {
    this.move(path.join(conn.libraryDir, `${name}.lance`));
  }

  /** Moves a file or folder under the library into `.damaged/<time>/`, keeping its relative path. */
  move(full: string): void {
    this.dir ??= path.join(this.libraryDir, '.damaged', new Date().toISOString().replace(/[:.]/g, '-'));
    const target = path.join(this.dir, path.relative(this.libraryDir, full));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(full, target);
  }
}

export async function repairLibraryStore(libraryDir: string): Promise<StoreRepairReport> {
  if (!fs.existsSync(libraryDir)) return { checked: 0, repaired: 0, tables: [], foldersReadded: [], movedAside: null };
  return repairEachTable(libraryDir, new DiskTableFiles(libraryDir));
}

/**
 * Where a repair keeps and changes a table's files: in the library folder (here) or as objects
 * (repair-s3.ts). Only these steps differ; which step a damage calls for is repairTable's.
 */
export interface TableFiles {
  /** Before a table that opens but does not read whole goes back a version. */
  keepBeforeRestore(name: string): Promise<void>;
  /** A table that does not open: its newest manifests set aside, one at a time, until a version reads whole. */
  dropUnreadableManifests(conn: LibraryConnection, name: string): Promise<{ restoredTo: number; rowsAfter: number } | null>;
  /** No version reads: the table set aside (kept), to start again empty. */
  setAside(conn: LibraryConnection, name: string): Promise<void>;
  /** Where damaged files were kept; null when none was. */
  movedAside(): string | null;
}

/**
 * The repair's steps, wherever the library lives: each table repaired (its damaged files kept
 * first), then the library's meta and folders made whole again, and the damage seen forgotten.
 */
export async function repairEachTable(where: StoreLocation, files: TableFiles): Promise<StoreRepairReport> {
  const report: StoreRepairReport = { checked: 0, repaired: 0, tables: [], foldersReadded: [], movedAside: null };
  const conn = await LibraryConnection.acquire(where, false);
  try {
    for (const name of await conn.tableNames()) {
      const result = await repairTable(conn, name, files);
      report.tables.push(result);
      if (result.state !== 'ok') report.repaired++;
    }
    report.checked = report.tables.length;
    const repaired = new Set(report.tables.filter((t) => t.state !== 'ok').map((t) => t.table));
    if (repaired.has(TABLES.meta) && !(await conn.tableNames()).includes(TABLES.meta)) await rewriteMeta(conn);
    if (repaired.has(TABLES.folders)) report.foldersReadded = await readdFolders(conn);
    report.movedAside = files.movedAside();
    clearDamageSeen(typeof where === 'string' ? where : where.databaseUri);
    return report;
  } finally {
    conn.release();
  }
}

/** One table checked and, where damaged, repaired: back to its last readable version, else started empty. */
export async function repairTable(conn: LibraryConnection, name: string, files: TableFiles): Promise<TableRepair> {
  let table: Table | null;
  try {
    table = await conn.table(name);
  } catch (error) {
    // The latest manifest cannot be read: manifests set aside, newest first, until one opens.
    const reason = shortReason((error as Error).message, 'open');
    conn.forget(name);
    const restored = await files.dropUnreadableManifests(conn, name);
    if (restored) return { table: name, state: 'restored', reason, ...restored, rowsBefore: null, rowsLost: null };
    return rebuild(conn, name, files, reason, null);
  }
  if (!table) return { table: name, state: 'ok' };
  try {
    await readWhole(table);
    return { table: name, state: 'ok' };
  } catch (error) {
    const reason = shortReason((error as Error).message, 'read');
    const rowsBefore = await table.countRows().catch(() => null);
    await files.keepBeforeRestore(name);
    const restored = await restoreLastReadable(table);
    if (restored) return { table: name, state: 'restored', reason, ...restored, rowsBefore, rowsLost: lost(rowsBefore, restored.rowsAfter) };
    return rebuild(conn, name, files, reason, rowsBefore);
  }
}

/** No version reads: the table is set aside; the writer's next open recreates what it needs. */
async function rebuild(conn: LibraryConnection, name: string, files: TableFiles, reason: string, rowsBefore: number | null): Promise<TableRepair> {
  conn.forget(name);
  await files.setAside(conn, name);
  return { table: name, state: 'rebuilt', reason, rowsBefore, rowsAfter: 0, rowsLost: rowsBefore };
}

export function lost(before: number | null, after: number): number | null {
  return before === null ? null : Math.max(0, before - after);
}

/** Checks out older versions, newest first, and restores the first that reads whole. */
export async function restoreLastReadable(table: Table): Promise<{ restoredTo: number; rowsAfter: number } | null> {
  const latest = await table.version();
  const versions = (await table.listVersions()).map((v) => v.version).filter((v) => v < latest).sort((a, b) => b - a);
  for (const version of versions) {
    try {
      await table.checkout(version);
      const rowsAfter = await readWhole(table);
      await table.restore();
      return { restoredTo: version, rowsAfter };
    } catch {
      // This version shares the damage (or its manifest went too): try an older one.
    }
  }
  await table.checkoutLatest().catch(() => {});
  return null;
}

async function dropUnreadableManifests(
  conn: LibraryConnection,
  name: string,
  tableDir: string,
  aside: DiskTableFiles,
): Promise<{ restoredTo: number; rowsAfter: number } | null> {
  const versionsDir = path.join(tableDir, '_versions');
  const manifests = () =>
    fs
      .readdirSync(versionsDir)
      .filter((f) => MANIFEST.test(f))
      .sort((a, b) => (manifestVersion(b) > manifestVersion(a) ? 1 : -1));
  // The hint names the newest version; Lance lists the folder when it is gone.
  const hint = path.join(versionsDir, 'latest_version_hint.json');
  if (fs.existsSync(hint)) aside.move(hint);
  for (let files = manifests(); files.length > 1; files = manifests()) {
    aside.move(path.join(versionsDir, files[0]!));
    conn.forget(name);
    try {
      const table = await conn.table(name);
      if (!table) return null;
      const rowsAfter = await readWhole(table);
      return { restoredTo: await table.version(), rowsAfter };
    } catch {
      // This version is unreadable too (or its data is): the one before, then.
    }
  }
  conn.forget(name);
  return null;
}

/**
 * A `meta` rebuilt from nothing: the oldest schema version the other tables' layout shows
 * (v1 kept `mtime`; v2 photos lack `takenOffset`; v3 photos lack `durationMs`), so the migrations
 * run again from there.
 */
async function rewriteMeta(conn: LibraryConnection): Promise<void> {
  let version = SCHEMA_VERSION;
  for (const name of (await conn.tableNames()).filter((n) => isPhotosTable(n) || n === TABLES.failures)) {
    const table = await conn.table(name);
    if (!table) continue;
    const fields = new Set((await table.schema()).fields.map((f) => f.name));
    if (fields.has('mtime')) version = Math.min(version, 1);
    else if (isPhotosTable(name) && !fields.has('takenOffset')) version = Math.min(version, 2);
    else if (isPhotosTable(name) && !fields.has('durationMs')) version = Math.min(version, 3);
  }
  if (version === SCHEMA_VERSION) return createLibrary(conn);
  await conn.createTable(TABLES.meta, rowsToArrow(metaSchema(), [{ key: 'schemaVersion', value: String(version) }]));
}

/** Library folders that photos rows still name but `folders` lost; added back (nothing else knows them). */
async function readdFolders(conn: LibraryConnection): Promise<string[]> {
  const folders = new FoldersRepository(conn);
  const known = new Set((await folders.list()).map((f) => f.path));
  const found = new Set<string>();
  for (const name of (await conn.tableNames()).filter(isPhotosTable)) {
    const table = await conn.table(name);
    if (!table) continue;
    const rows = new ColumnReader(await table.query().select(['folder']).toArrow());
    for (let i = 0; i < rows.length; i++) found.add(rows.string('folder', i));
  }
  const missing = [...found].filter((f) => !known.has(f)).sort();
  for (const folder of missing) await folders.add(folder);
  return missing;
}
