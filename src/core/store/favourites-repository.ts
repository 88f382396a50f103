// Favourites (`favourites`): one row per photo content the user marked, keyed by content hash
// like tags, so a favourite follows its photo through moves and renames and identical copies
// share it. The table is small (what a user marks by hand) and read for every page the app
// shows, so its hashes are kept in memory per table version: a page costs a version check,
// not a read (on S3 a version check is one small request, a read several).
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { TAG_TABLES, favouritesSchema } from './tag-tables';
import { chunkForPredicate, inList } from './sql';

const NONE: ReadonlySet<string> = new Set();

export class FavouritesRepository {
  private cached: { version: number; hashes: Promise<ReadonlySet<string>> } | null = null;

  constructor(private readonly conn: LibraryConnection) {}

  /** Marks (favourite) or unmarks the contents, in one commit each way; marking again keeps the first time. */
  async set(hashes: readonly string[], favourite: boolean, at = Date.now()): Promise<void> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return;
    if (favourite) {
      const data = rowsToArrow(favouritesSchema(), unique.map((hash) => ({ hash, favouredAt: at })));
      const table = await this.conn.table(TAG_TABLES.favourites);
      // The first favourites make the table in the same commit: no empty version for a reader to meet.
      if (!table) await this.conn.createTable(TAG_TABLES.favourites, data);
      else await table.mergeInsert('hash').whenNotMatchedInsertAll().execute(data);
      return;
    }
    const table = await this.conn.table(TAG_TABLES.favourites);
    if (!table) return;
    // One delete per predicate chunk; a selection of thousands is one or two.
    for (const chunk of chunkForPredicate(unique)) await table.delete(inList('hash', chunk));
  }

  /** Every favourite content hash (shared: callers must not change it). */
  async hashes(): Promise<ReadonlySet<string>> {
    const table = await this.conn.table(TAG_TABLES.favourites);
    if (!table) return NONE;
    const version = await table.version();
    if (this.cached?.version !== version) {
      const hashes = table
        .query()
        .select(['hash'])
        .toArrow()
        .then((batch) => {
          const rows = new ColumnReader(batch);
          return new Set(Array.from({ length: rows.length }, (_, i) => rows.string('hash', i)));
        });
      this.cached = { version, hashes };
      hashes.catch(() => {
        if (this.cached?.hashes === hashes) this.cached = null; // a failed read is not kept
      });
    }
    return this.cached.hashes;
  }
}
