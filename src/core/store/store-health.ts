// Is every table of the library readable? A torn write or a damaged disk can leave a data
// fragment truncated, garbled or missing, or the latest manifest (version record) truncated;
// LanceDB then fails every read of that table with a raw stream error, for good. This file
// tells such damage apart from other errors (by reading every table whole, only when a read
// failed like damage would) and words it as one line with the remedy (`shoebox repair`,
// repair.ts).
import type { Connection, Table } from '@lancedb/lancedb';
import { toLocation, type StoreLocation } from './connection';
import { withOwnConnection } from './own-connection';
import { lostConnection } from './lost-connection';
import { storeDiskFailure } from './store-disk-full';
import { errorWithoutSecrets } from '../location/location-error';

export interface DamagedTable {
  table: string;
  /** Short and human: "a data file is missing", "its latest version record is truncated". */
  reason: string;
}

export class LibraryDamagedError extends Error {
  override name = 'LibraryDamagedError';
  constructor(readonly damaged: DamagedTable[]) {
    const [first] = damaged;
    const more = damaged.length > 1 ? ` (and ${damaged.length - 1} more table${damaged.length > 2 ? 's' : ''})` : '';
    super(`library damaged: ${first?.table ?? 'a table'} cannot be read (${first?.reason ?? 'unknown'})${more}; run 'shoebox repair'`);
  }
}

/** Errors worth a health check: LanceDB's I/O and format failures, never our own messages. */
const STORE_READ_ERROR = /lance|not found|too small|fill whole buffer|magic|corrupt|protobuf|decode|end of file|no such file/i;

export function looksLikeStoreDamage(error: unknown): boolean {
  if (error instanceof LibraryDamagedError) return false;
  return error instanceof Error && STORE_READ_ERROR.test(error.message);
}

/** LanceDB's message (Rust source locations and all) as a few plain words. */
export function shortReason(message: string, where: 'open' | 'read'): string {
  const truncated = /fill whole buffer|too small|end of file|unexpected eof/i.test(message);
  if (where === 'open') return truncated ? 'its latest version record is truncated' : 'its latest version record is unreadable';
  if (/not found|no such file/i.test(message)) return 'a data file is missing';
  if (truncated) return 'a data file is truncated';
  if (/magic|not appear to be a lance file|protobuf|decode|corrupt/i.test(message)) return 'a data file is garbled';
  return 'a data file is unreadable';
}

/** Reads every row of every column of the table's current version (throws what LanceDB throws). */
export async function readWhole(table: Table): Promise<number> {
  let rows = 0;
  for await (const batch of table.query()) rows += batch.numRows;
  return rows;
}

/** Why the table cannot be opened and read whole, or null when it can. */
export async function tableProblem(conn: Connection, name: string): Promise<DamagedTable | null> {
  let table: Table;
  try {
    table = await conn.openTable(name);
  } catch (error) {
    return { table: name, reason: shortReason((error as Error).message, 'open') };
  }
  try {
    await readWhole(table);
    return null;
  } catch (error) {
    return { table: name, reason: shortReason((error as Error).message, 'read') };
  } finally {
    table.close();
  }
}

/**
 * Every damaged table of the library, through a connection of its own (so no cached handle
 * hides a file that went bad since). Reads everything: seconds at 100k photos, so it runs
 * after a read failed and in `shoebox repair`, never on a healthy path.
 */
export async function checkLibraryTables(where: StoreLocation): Promise<{ checked: string[]; damaged: DamagedTable[] }> {
  return withOwnConnection(where, { checked: [], damaged: [] }, async (conn, checked) => {
    const damaged: DamagedTable[] = [];
    for (const name of checked) {
      const problem = await tableProblem(conn, name);
      if (problem) damaged.push(problem);
    }
    return { checked, damaged };
  });
}

/** Damage this process met per library directory, until a repair clears it (the app's status shows it). */
const seen = new Map<string, LibraryDamagedError>();

export function damageSeen(libraryDir: string): LibraryDamagedError | null {
  return seen.get(libraryDir) ?? null;
}

export function clearDamageSeen(libraryDir: string): void {
  seen.delete(libraryDir);
}

/**
 * The error to report for a failed store call: a LibraryDamagedError when the library has
 * unreadable tables (checked, not guessed from the message), else the error itself.
 */
export async function explainStoreError(where: StoreLocation, error: unknown): Promise<unknown> {
  error = errorWithoutSecrets(error, toLocation(where).secrets); // LanceDB's S3 errors may echo a key
  const disk = storeDiskFailure(where, error); // a full or read-only disk: the system error, not Lance's text (no damage check)
  if (disk) return disk;
  const lost = lostConnection(where, error); // an S3 library that stopped answering: one line
  if (lost) return lost;
  if (!looksLikeStoreDamage(error)) return error;
  try {
    const { damaged } = await checkLibraryTables(where);
    if (damaged.length === 0) return error;
    const damage = new LibraryDamagedError(damaged);
    seen.set(toLocation(where).databaseUri, damage);
    return damage;
  } catch {
    return error;
  }
}
