// A library table's version, read straight from LanceDB in a connection of its own: how many
// commits the table has had (0: not made yet). Tests use it to check that a batch is one write.
import { connect } from '@lancedb/lancedb';

export async function tableVersion(libraryDir: string, table: string): Promise<number> {
  const db = await connect(libraryDir);
  try {
    if (!(await db.tableNames()).includes(table)) return 0;
    const t = await db.openTable(table);
    try {
      return await t.version();
    } finally {
      t.close();
    }
  } finally {
    db.close();
  }
}
