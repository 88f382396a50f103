// How many rows each table of a library holds, through a connection of its own: what a copy
// of a library (api/copy-library.ts) compares between the source and the copy.
import { existsSync } from 'node:fs';
import { loadLanceDb, toLocation, type StoreLocation } from './connection';

export async function tableRowCounts(where: StoreLocation): Promise<Map<string, number>> {
  const location = toLocation(where);
  const counts = new Map<string, number>();
  if (location.kind === 'local' && !existsSync(location.databaseUri)) return counts;
  const { connect } = await loadLanceDb();
  const conn = await connect(location.databaseUri, { readConsistencyInterval: 0, storageOptions: { ...location.storageOptions } });
  try {
    const names: string[] = [];
    for (;;) {
      const page = await conn.tableNames({ startAfter: names.at(-1), limit: 1000 });
      names.push(...page);
      if (page.length < 1000) break;
    }
    for (const name of names) {
      const table = await conn.openTable(name);
      try {
        counts.set(name, await table.countRows());
      } finally {
        table.close();
      }
    }
    return counts;
  } finally {
    conn.close();
  }
}
