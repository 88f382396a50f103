// `shoebox status` is the health check: it must say that a table is damaged even when the table
// is none of those it counts (favourites, tags, decisions), as every command that reads that
// table does. The whole-table check (store-health.ts: checkLibraryTables) reads every vector of
// every photo, seconds at 100k photos, so it is not run on a healthy path. This probe is the
// cheap part of it: every table opened (its latest version record) and one column of every row
// read, which opens every data file (a truncated, missing or garbled one fails there). Only
// when that fails does the whole check run, through the same door as every other failed read
// (explainStoreError): same one line, and the damage is remembered as the app's status shows it.
import type { Table } from '@lancedb/lancedb';
import { withOwnConnection } from '../store/own-connection';
import { explainStoreError, LibraryDamagedError } from '../store/store-health';
import type { StoreLocation } from '../store/connection';

/** Tables looked at together: enough to hide S3's round trips, few enough for a local disk. */
const PROBE_TABLES_AT_ONCE = 4;

/** Reads one column of every row: every data file of the table's current version is opened. */
async function readOneColumn(table: Table): Promise<void> {
  const [first] = (await table.schema()).fields;
  const query = first ? table.query().select([first.name]) : table.query();
  for await (const batch of query) void batch;
}

/** The library's damage as every command words it, or null when every table reads. */
export async function probeLibraryDamage(where: StoreLocation): Promise<LibraryDamagedError | null> {
  const failure = await withOwnConnection<unknown>(where, null, async (conn, tables) => {
    // A few tables at a time: on S3 each open and read is a few round trips, one after another
    // took seconds; the first failure found is the one explained (the full check names them all).
    let found: unknown = null;
    const queue = [...tables];
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined && found === null; name = queue.shift()) {
        try {
          const table = await conn.openTable(name);
          try {
            await readOneColumn(table);
          } finally {
            table.close();
          }
        } catch (error) {
          found ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: PROBE_TABLES_AT_ONCE }, worker));
    return found;
  });
  if (failure === null) return null;
  const explained = await explainStoreError(where, failure);
  return explained instanceof LibraryDamagedError ? explained : null;
}
