// How many photos a model build has embedded in a library: the rows of the photos table that
// build would open (model-tables.ts chooseModelTables: the id's own tables when they hold its
// weights' vectors or ones from before fingerprints it would adopt, else tables of its own, none
// yet for a build that never indexed here). Read as a reader does: no store opened, no model
// loaded, nothing written, so the settings screen can ask it of every installed model.
//
// The id alone does not say it (LibraryStore.modelTables counts an id by its fullest build):
// after other weights are imported under an id used before, the id's tables still hold the
// first weights' photos, and a switch to the new build embeds every one of them again.
import type { StoreLocation } from './connection';
import { LibraryConnection } from './connection';
import { photosTableName } from './model-key';
import { chooseModelTables, type TablesModel } from './model-tables';

export async function buildPhotoCount(where: StoreLocation, model: Omit<TablesModel, 'dimension'>): Promise<number> {
  const conn = await LibraryConnection.acquire(where, true);
  try {
    const { key } = await chooseModelTables(conn, { ...model, dimension: 0 });
    const table = await conn.table(photosTableName(model.id, key));
    return table ? await table.countRows() : 0;
  } finally {
    conn.release();
  }
}
