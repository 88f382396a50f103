// Schema versions and the migrations between them. The version lives in the `meta` table
// (row `schemaVersion`); a library without `meta` is new. Every open reads it first:
//  - newer than this code knows: refused with one line, for readers and the writer alike;
//  - older: the writer migrates step by step, writing the new version after each step;
//    a reader never writes, and reads the older layout through the repositories'
//    fallbacks (see `legacyPhotoColumns`).
// Each migration is idempotent (it inspects the table before changing it), because a crash
// between two of its commits leaves the old version number with part of the work done.
//
// History
//  v1  photos__* and failures kept `mtime` in seconds; photos had no `orientation` and no
//      `thumbKey`.
//  v2  `mtime` (s) became `mtimeMs` (ms), as fs.stat reports it; photos gained a nullable
//      `orientation` (EXIF tag 1-8) and `thumbKey` ('' for rows migrated from v1: no
//      thumbnail recorded yet, so the library regenerates it).
//  v3  photos gained a nullable `takenOffset` (EXIF OffsetTimeOriginal, minutes east of UTC),
//      and `takenAt` became the camera's clock read as UTC for every new row (before, a row
//      with an EXIF offset held the instant). Rows from v2 keep what they hold, offset null.
//  v4  photos gained a nullable `durationMs`: a row with one is a video (its poster frame's
//      vector and thumbnail; its other frames in `video_frames__<model key>`).
import type { Table } from '@lancedb/lancedb';
import type { LibraryConnection } from './connection';
import { isPhotosTable } from './model-key';
import { TABLES, failuresSchema, foldersSchema, metaSchema } from './schema';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { equals } from './sql';

export const SCHEMA_VERSION = 4;
const VERSION_KEY = 'schemaVersion';

export class LibraryTooNewError extends Error {
  constructor(found: number) {
    super(
      `This library uses schema v${found}, written by a newer Shoebox; this version reads up to v${SCHEMA_VERSION}. Update Shoebox to open it.`,
    );
    this.name = 'LibraryTooNewError';
  }
}

/** The on-disk schema version, or null for an empty directory (a library yet to be created). */
export async function readSchemaVersion(conn: LibraryConnection): Promise<number | null> {
  const meta = await conn.table(TABLES.meta);
  if (!meta) {
    const tables = await conn.tableNames();
    // Listed but not loadable yet: another device is creating the library on object storage.
    if (tables.length === 0 || tables.includes(TABLES.meta)) return null;
    throw new Error(`Not a Shoebox library: it has tables (${tables.slice(0, 3).join(', ')}) but no ${TABLES.meta} table.`);
  }
  const rows = new ColumnReader(await meta.query().where(equals('key', VERSION_KEY)).toArrow());
  const value = rows.length > 0 ? rows.string('value', 0) : '';
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) throw new Error(`The library's schema version is unreadable (${JSON.stringify(value)}).`);
  return version;
}

async function writeSchemaVersion(conn: LibraryConnection, version: number): Promise<void> {
  const data = rowsToArrow(metaSchema(), [{ key: VERSION_KEY, value: String(version) }]);
  const meta = await conn.ensureTable(TABLES.meta, metaSchema());
  await meta.mergeInsert('key').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
}

/**
 * Marks an empty directory as a library at the current version: `meta` is created with its
 * version row in one commit, so a library either has a readable version or no `meta` at
 * all. The other tables are created by the writer's open (`ensureTables`), every time.
 */
export async function createLibrary(conn: LibraryConnection): Promise<void> {
  await conn.createTable(TABLES.meta, rowsToArrow(metaSchema(), [{ key: VERSION_KEY, value: String(SCHEMA_VERSION) }]));
}

/** Creates the model-independent tables that are missing (writer only; idempotent). */
export async function ensureTables(conn: LibraryConnection): Promise<void> {
  await conn.ensureTable(TABLES.folders, foldersSchema());
  await conn.ensureTable(TABLES.failures, failuresSchema());
}

interface Migration {
  from: number;
  describe: string;
  run(conn: LibraryConnection): Promise<void>;
}

async function columnNames(table: Table): Promise<Set<string>> {
  return new Set((await table.schema()).fields.map((f) => f.name));
}

/** v1 `mtime` (seconds) -> v2 `mtimeMs` (milliseconds), in two idempotent commits. */
async function mtimeToMilliseconds(table: Table): Promise<void> {
  let columns = await columnNames(table);
  if (!columns.has('mtimeMs') && columns.has('mtime')) {
    await table.addColumns([{ name: 'mtimeMs', valueSql: 'CAST(`mtime` AS DOUBLE) * 1000.0' }]);
    columns = await columnNames(table);
  }
  if (columns.has('mtime')) await table.dropColumns(['mtime']);
}

const migrations: Migration[] = [
  {
    from: 1,
    describe: 'mtime in milliseconds; photos gain orientation and thumbKey',
    async run(conn) {
      for (const name of await conn.tableNames()) {
        if (!isPhotosTable(name) && name !== TABLES.failures) continue;
        const table = await conn.table(name);
        if (!table) continue;
        await mtimeToMilliseconds(table);
        if (isPhotosTable(name)) {
          const columns = await columnNames(table);
          // SQL, not an Arrow Field: LanceDB instanceof-checks Fields against its own apache-arrow.
          if (!columns.has('orientation')) await table.addColumns([{ name: 'orientation', valueSql: 'CAST(NULL AS INT)' }]);
          if (!columns.has('thumbKey')) await table.addColumns([{ name: 'thumbKey', valueSql: "''" }]);
        }
      }
    },
  },
  {
    from: 2,
    describe: 'photos gain takenOffset',
    async run(conn) {
      for (const name of await conn.tableNames()) {
        if (!isPhotosTable(name)) continue;
        const table = await conn.table(name);
        if (table && !(await columnNames(table)).has('takenOffset')) await table.addColumns([{ name: 'takenOffset', valueSql: 'CAST(NULL AS INT)' }]);
      }
    },
  },
  {
    from: 3,
    describe: 'photos gain durationMs (videos)',
    async run(conn) {
      for (const name of await conn.tableNames()) {
        if (!isPhotosTable(name)) continue;
        const table = await conn.table(name);
        if (table && !(await columnNames(table)).has('durationMs')) await table.addColumns([{ name: 'durationMs', valueSql: 'CAST(NULL AS DOUBLE)' }]);
      }
    },
  },
];

/** Brings a writable library from `version` to SCHEMA_VERSION. */
export async function migrate(conn: LibraryConnection, version: number): Promise<void> {
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new Error(`No migration from schema v${v} (library too old for this Shoebox).`);
    try {
      await step.run(conn);
    } catch (error) {
      throw new Error(`Migrating the library from schema v${v} to v${v + 1} (${step.describe}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    await writeSchemaVersion(conn, v + 1);
  }
}
