// Dates taken the user set by hand, one row per photo content (keyed by hash like the marks,
// so an edit follows its photo through moves, renames and a re-index, identical copies share
// it, and every device of a shared library sees it). The photo rows carry the edited date
// (every view, filter and sort reads it there); this table is what lets an index run write
// a new row of an edited content with the user's date, and a restore put the file's back.
// Small (what a user edits by hand): read whole, kept in memory per table version
// (per-version-read.ts).
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { chunkForPredicate, inList } from './sql';
import { TAG_TABLES, takenEditsSchema } from './tag-tables';
import { isPhotosTable } from './model-key';
import { PerVersionRead } from './per-version-read';
import type { TakenEdit } from './types';

const NONE: ReadonlyMap<string, TakenEdit> = new Map();

export class TakenEditsRepository {
  private readonly edits: PerVersionRead<ReadonlyMap<string, TakenEdit>>;

  constructor(private readonly conn: LibraryConnection) {
    this.edits = new PerVersionRead(conn, TAG_TABLES.takenEdits, async (table) => {
      const rows = new ColumnReader(await table.query().toArrow());
      const out = new Map<string, TakenEdit>();
      for (let i = 0; i < rows.length; i++) {
        const hash = rows.string('hash', i);
        out.set(hash, {
          hash,
          takenAt: rows.number('takenAt', i),
          takenOffset: rows.optionalNumber('takenOffset', i),
          fileTakenAt: rows.optionalNumber('fileTakenAt', i),
          fileTakenOffset: rows.optionalNumber('fileTakenOffset', i),
          editedAt: rows.number('editedAt', i),
        });
      }
      return out;
    }, NONE);
  }

  /** Every edit by content hash (shared: callers must not change it). */
  all(): Promise<ReadonlyMap<string, TakenEdit>> {
    return this.edits.get();
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
  const chunks = chunkForPredicate([...new Set(hashes)]);
  for (const name of (await conn.tableNames()).filter(isPhotosTable)) {
    const table = await conn.table(name);
    if (!table) continue;
    for (const chunk of chunks) await table.update({ where: inList('hash', chunk), valuesSql });
  }
}

/**
 * Contents with a row (in any model's table) whose date is not their edit's: what a crash
 * between keeping an edit and rewriting its rows leaves (setTakenAt keeps the edit first).
 * One small query per table and chunk of edited hashes; nothing when nothing was edited.
 */
export async function staleEditedContents(conn: LibraryConnection, edits: ReadonlyMap<string, TakenEdit>): Promise<TakenEdit[]> {
  if (edits.size === 0) return [];
  const stale = new Map<string, TakenEdit>();
  const chunks = chunkForPredicate([...edits.keys()]);
  for (const name of (await conn.tableNames()).filter(isPhotosTable)) {
    const table = await conn.table(name);
    if (!table) continue;
    for (const chunk of chunks) {
      const rows = new ColumnReader(await table.query().where(inList('hash', chunk)).select(['hash', 'takenAt', 'takenOffset']).toArrow());
      for (let i = 0; i < rows.length; i++) {
        const edit = edits.get(rows.string('hash', i))!;
        if (rows.optionalNumber('takenAt', i) !== edit.takenAt || rows.optionalNumber('takenOffset', i) !== edit.takenOffset) stale.set(edit.hash, edit);
      }
    }
  }
  return [...stale.values()];
}

/** Rows about to be written with the user's dates where their content was edited. */
export function withTakenEdits<T extends { hash: string; takenAt: number | null; takenOffset?: number | null }>(rows: T[], edits: ReadonlyMap<string, TakenEdit>): T[] {
  if (edits.size === 0) return rows;
  return rows.map((row) => {
    const edit = edits.get(row.hash);
    return edit ? { ...row, takenAt: edit.takenAt, takenOffset: edit.takenOffset } : row;
  });
}

/** A content and the date its rows are to take. */
export interface DatedContent {
  hash: string;
  takenAt: number | null;
  takenOffset: number | null;
}

/** Groups contents by the date their rows take, so each date is one update per table. */
export function byDate(items: readonly DatedContent[]): { takenAt: number | null; takenOffset: number | null; hashes: string[] }[] {
  const groups = new Map<string, { takenAt: number | null; takenOffset: number | null; hashes: string[] }>();
  for (const { hash, takenAt, takenOffset } of items) {
    const key = `${takenAt}|${takenOffset}`;
    const group = groups.get(key) ?? { takenAt, takenOffset, hashes: [] };
    group.hashes.push(hash);
    groups.set(key, group);
  }
  return [...groups.values()];
}
