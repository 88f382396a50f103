// A connection of the library's database of its own, with every table's name: for reads that
// must not go through a cached handle (a file may have gone bad since), or of another library
// than the one open (a copy's target). Closed once `use` settles.
import { existsSync } from 'node:fs';
import type { Connection } from '@lancedb/lancedb';
import { loadLanceDb, toLocation, type StoreLocation } from './connection';

/** `use`'s answer; `empty` for a local library whose folder does not exist (no tables yet). */
export async function withOwnConnection<T>(where: StoreLocation, empty: T, use: (conn: Connection, tables: string[]) => Promise<T>): Promise<T> {
  const location = toLocation(where);
  if (location.kind === 'local' && !existsSync(location.databaseUri)) return empty;
  const { connect } = await loadLanceDb();
  const conn = await connect(location.databaseUri, { readConsistencyInterval: 0, storageOptions: { ...location.storageOptions } });
  try {
    const names: string[] = [];
    for (;;) {
      const page = await conn.tableNames({ startAfter: names.at(-1), limit: 1000 });
      names.push(...page);
      if (page.length < 1000) break;
    }
    return await use(conn, names);
  } finally {
    conn.close();
  }
}
