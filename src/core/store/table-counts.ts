// How many rows each table of a library holds: what a copy of a library (api/copy-library.ts)
// compares between the source and the copy.
import type { StoreLocation } from './connection';
import { withOwnConnection } from './own-connection';

export async function tableRowCounts(where: StoreLocation): Promise<Map<string, number>> {
  return withOwnConnection(where, new Map<string, number>(), async (conn, names) => {
    const counts = new Map<string, number>();
    for (const name of names) {
      const table = await conn.openTable(name);
      try {
        counts.set(name, await table.countRows());
      } finally {
        table.close();
      }
    }
    return counts;
  });
}
