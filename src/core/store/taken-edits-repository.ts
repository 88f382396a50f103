// Dates taken the user set by hand, one row per photo content (keyed by hash like the marks,
// so an edit follows its photo through moves, renames and a re-index, identical copies share
// it, and every device of a shared library sees it). The photo rows carry the edited date
// (every view, filter and sort reads it there); this table is what lets an index run write
// a new row of an edited content with the user's date, and a restore put the file's back.
// Small (what a user edits by hand): read whole, kept in memory per table version.
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { chunkForPredicate, inList } from './sql';
import { TAG_TABLES, takenEditsSchema } from './tag-tables';
import { isPhotosTable } from './model-key';
import type { TakenEdit } from './types';

const NONE: ReadonlyMap<string, TakenEdit> = new Map();

export class TakenEditsRepository {
  private cached: { version: number; edits: Promise<ReadonlyMap<string, TakenEdit>> } | null = null;

  constructor(private readonly conn: LibraryConnection) {}

  /** Every edit by content hash (shared: callers must not change it). */
  async all(): Promise<ReadonlyMap<string, TakenEdit>> {
    const table = await this.conn.table(TAG_TABLES.takenEdits);
    if (!table) return NONE;
    const version = await table.version();
    if (this.cached?.version !== version) {
      const edits = table
        .query()
        .toArrow()
        .then((batch) => {
          const rows = new ColumnReader(batch);
          const out = new Map<string, TakenEdit>();
          for (let i = 0; i < rows.length; i++) {
            out.set(rows.string('hash', i), {
              hash: rows.string('hash', i),
              takenAt: rows.number('takenAt', i),
              takenOffset: rows.optionalNumber('takenOffset', i),
              fileTakenAt: rows.optionalNumber('fileTakenAt', i),
              fileTakenOffset: rows.optionalNumber('fileTakenOffset', i),
              editedAt: rows.number('editedAt', i),
            });
          }
          return out;
        });
      this.cached = { version, edits };
      edits.catch(() => {
        if (this.cached?.edits === edits) this.cached = null; // a failed read is not kept
      });
    }
    return this.cached.edits;
  }

  /** Writes these edits (one commit), replacing the contents' earlier ones. */
  async put(edits: readonly TakenEdit[]): Promise<void> {
    if (edits.length === 0) return;
    const data = rowsToArrow(takenEditsSchema(), edits);
    const table = await this.conn.table(TAG_TABLES.takenEdits);
    // The first edit makes the table in the same commit: no empty version for a reader to meet.
    if (!table) await this.conn.createTable(TAG_TABLES.takenEdits, data);
    else await table.mergeInsert('hash').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
  }

  async remove(hashes: readonly string[]): Promise<void> {
    const table = await this.conn.table(TAG_TABLES.takenEdits);
    if (!table || hashes.length === 0) return;
    for (const chunk of chunkForPredicate([...new Set(hashes)])) await table.delete(inList('hash', chunk));
  }
}

/** Every row of these contents, in every model's photos table, takes this date and offset. */
export async function writeTakenAt(conn: LibraryConnection, hashes: readonly string[], takenAt: number | null, takenOffset: number | null): Promise<void> {
  const valuesSql = { takenAt: takenAt === null ? 'NULL' : String(takenAt), takenOffset: takenOffset === null ? 'NULL' : String(Math.round(takenOffset)) };
  for (const name of (await conn.tableNames()).filter(isPhotosTable)) {
    const table = await conn.table(name);
    if (!table) continue;
    for (const chunk of chunkForPredicate([...new Set(hashes)])) await table.update({ where: inList('hash', chunk), valuesSql });
  }
}

/** Rows about to be written with the user's dates where their content was edited. */
export function withTakenEdits<T extends { hash: string; takenAt: number | null; takenOffset?: number | null }>(rows: T[], edits: ReadonlyMap<string, TakenEdit>): T[] {
  if (edits.size === 0) return rows;
  return rows.map((row) => {
    const edit = edits.get(row.hash);
    return edit ? { ...row, takenAt: edit.takenAt, takenOffset: edit.takenOffset } : row;
  });
}

/** Groups contents by the date their rows take, so each date is one update per table. */
export function byDate<T>(items: readonly T[], date: (item: T) => [number | null, number | null], hash: (item: T) => string): { takenAt: number | null; takenOffset: number | null; hashes: string[] }[] {
  const groups = new Map<string, { takenAt: number | null; takenOffset: number | null; hashes: string[] }>();
  for (const item of items) {
    const [takenAt, takenOffset] = date(item);
    const key = `${takenAt}|${takenOffset}`;
    const group = groups.get(key) ?? { takenAt, takenOffset, hashes: [] };
    group.hashes.push(hash(item));
    groups.set(key, group);
  }
  return [...groups.values()];
}
