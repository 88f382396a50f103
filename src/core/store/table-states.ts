// Each table of a library with its rows and version: what a copy of a library
// (api/copy-library.ts) compares between the source and the copy.
import type { StoreLocation } from './connection';
import { withOwnConnection } from './own-connection';

export interface TableState {
  rows: number;
  version: number;
}

export async function tableStates(where: StoreLocation): Promise<Map<string, TableState>> {
  return withOwnConnection(where, new Map<string, TableState>(), async (conn, names) => {
    const states = new Map<string, TableState>();
    for (const name of names) {
      const table = await conn.openTable(name);
      try {
        states.set(name, { rows: await table.countRows(), version: await table.version() });
      } finally {
        table.close();
      }
    }
    return states;
  });
}

/** The library's table names (LanceDB's listing: nothing is opened), none where there is no library. */
export function tableNames(where: StoreLocation): Promise<string[]> {
  return withOwnConnection(where, [] as string[], async (_conn, names) => names);
}
