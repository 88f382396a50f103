// What the user set by hand on a photo, kept by content (keyed by hash like the marks, so an
// edit follows its photo through moves, renames and a re-index, identical copies share it, and
// every device of a shared library sees it): the date taken (`taken_edits`) and the place
// (`place_edits`). The photo rows carry the edited values (every view, filter and sort reads
// them there); the edit's table is what lets an index run write a new row of an edited content
// with the user's values, a restore put the file's back, and an index run repair rows a crash
// left behind. Each table keeps, per content, the row columns set, the file's own values of
// them (`file<Column>`) and when. Small (what a user edits by hand): read whole, kept in memory
// per table version (per-version-read.ts).
import type { Table } from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { chunkForPredicate, inList, sqlNumber } from './sql';
import { isPhotosTable } from './model-key';
import { PerVersionRead } from './per-version-read';

/** One kind of edit: its table and the photo-row columns it sets (numbers or null). */
export interface EditKind {
  table: string;
  schema: () => Schema;
  columns: readonly string[];
}

/** Every edit: the content and when; the kind's columns and their `file<Column>` beside. */
export interface ContentEdit {
  hash: string;
  editedAt: number;
}

type Values = Record<string, number | null>;

/** The column keeping the file's own value of a row column: takenAt → fileTakenAt. */
export const fileColumn = (column: string) => `file${column[0]!.toUpperCase()}${column.slice(1)}`;

/** The edit's values, as the row columns they set. */
function setValues(kind: EditKind, edit: ContentEdit): Values {
  return Object.fromEntries(kind.columns.map((c) => [c, (edit as unknown as Values)[c] ?? null]));
}

/** The file's own values the edit kept, as the row columns they go back to. */
function fileValues(kind: EditKind, edit: ContentEdit): Values {
  return Object.fromEntries(kind.columns.map((c) => [c, (edit as unknown as Values)[fileColumn(c)] ?? null]));
}

/** The file's own values as the edit's `file<Column>` fields. */
function asFileFields(kind: EditKind, values: Values): Values {
  return Object.fromEntries(kind.columns.map((c) => [fileColumn(c), values[c] ?? null]));
}

/** Every row of these contents, in every model's photos table, takes these values (finite numbers, else an error before anything is written). */
async function writeRows(conn: LibraryConnection, hashes: readonly string[], values: Values): Promise<void> {
  const valuesSql = Object.fromEntries(Object.entries(values).map(([c, v]) => [c, v === null ? 'NULL' : sqlNumber(v)]));
  const chunks = chunkForPredicate([...new Set(hashes)]);
  for (const name of (await conn.tableNames()).filter(isPhotosTable)) {
    const table = await conn.table(name);
    if (!table) continue;
    for (const chunk of chunks) await table.update({ where: inList('hash', chunk), valuesSql });
  }
}

/** Contents grouped by the values their rows take, so each group is one update per table. */
async function writeGrouped(conn: LibraryConnection, items: readonly { hash: string; values: Values }[]): Promise<void> {
  const groups = new Map<string, { values: Values; hashes: string[] }>();
  for (const { hash, values } of items) {
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? { values, hashes: [] };
    group.hashes.push(hash);
    groups.set(key, group);
  }
  for (const group of groups.values()) await writeRows(conn, group.hashes, group.values);
}

export class ContentEdits<E extends ContentEdit> {
  private readonly edits: PerVersionRead<ReadonlyMap<string, E>>;

  constructor(
    private readonly conn: LibraryConnection,
    private readonly kind: EditKind,
  ) {
    const columns = [...kind.columns, ...kind.columns.map(fileColumn)];
    this.edits = new PerVersionRead(conn, kind.table, async (table) => {
      const rows = new ColumnReader(await table.query().toArrow());
      const out = new Map<string, E>();
      for (let i = 0; i < rows.length; i++) {
        const hash = rows.string('hash', i);
        const values = Object.fromEntries(columns.map((c) => [c, rows.optionalNumber(c, i)]));
        out.set(hash, { hash, ...values, editedAt: rows.number('editedAt', i) } as unknown as E);
      }
      return out;
    }, new Map());
  }

  /** Every edit by content hash (shared: callers must not change it). */
  all(): Promise<ReadonlyMap<string, E>> {
    return this.edits.get();
  }

  /**
   * Keeps these edits, then every row of their contents takes them. Their `file<Column>` fields
   * are the rows' values now, kept to restore, unless the content was edited before (its rows
   * show the earlier edit; the file's own values were kept then).
   */
  async set(edits: readonly Omit<E, 'editedAt'>[]): Promise<void> {
    if (edits.length === 0) return;
    const earlier = await this.all();
    const now = Date.now();
    const kept = edits.map((e) => {
      const before = earlier.get(e.hash);
      return { ...e, ...(before ? asFileFields(this.kind, fileValues(this.kind, before)) : {}), editedAt: now } as unknown as E;
    });
    // The edit first: a crash before the rows take it leaves the user's values recorded (repair).
    await this.put(kept);
    await writeGrouped(this.conn, kept.map((e) => ({ hash: e.hash, values: setValues(this.kind, e) })));
  }

  /** Puts the files' own values back on these contents' rows and forgets their edits. */
  async restore(hashes: readonly string[]): Promise<void> {
    const edits = await this.all();
    const restored = [...new Set(hashes)].flatMap((h) => edits.get(h) ?? []);
    // The rows first: a crash before the edit is forgotten leaves it to restore again.
    await writeGrouped(this.conn, restored.map((e) => ({ hash: e.hash, values: fileValues(this.kind, e) })));
    await this.remove(restored.map((e) => e.hash));
  }

  /**
   * Gives the kept values to rows that do not show them (what a crash between keeping an edit
   * and rewriting its rows leaves): one small query per table and chunk of edited hashes, none
   * when nothing was edited. Resolves to the number of contents rewritten.
   */
  async repair(): Promise<number> {
    const edits = await this.all();
    if (edits.size === 0) return 0;
    const stale = new Map<string, E>();
    const chunks = chunkForPredicate([...edits.keys()]);
    for (const name of (await this.conn.tableNames()).filter(isPhotosTable)) {
      const table = await this.conn.table(name);
      if (!table) continue;
      for (const chunk of chunks) {
        const rows = new ColumnReader(await table.query().where(inList('hash', chunk)).select(['hash', ...this.kind.columns]).toArrow());
        for (let i = 0; i < rows.length; i++) {
          const edit = edits.get(rows.string('hash', i))!;
          const want = setValues(this.kind, edit);
          if (this.kind.columns.some((c) => rows.optionalNumber(c, i) !== want[c])) stale.set(edit.hash, edit);
        }
      }
    }
    await writeGrouped(this.conn, [...stale.values()].map((e) => ({ hash: e.hash, values: setValues(this.kind, e) })));
    return stale.size;
  }

  /** Rows about to be written, with the user's values where their content was edited. */
  apply<T extends { hash: string }>(rows: T[], edits: ReadonlyMap<string, E>): T[] {
    return applyEdits(this.kind, rows, edits);
  }

  private async put(edits: readonly E[]): Promise<void> {
    const data = rowsToArrow(this.kind.schema(), edits);
    const table = await this.conn.table(this.kind.table);
    // The first edit makes the table in the same commit: no empty version for a reader to meet.
    if (!table) await this.conn.createTable(this.kind.table, data);
    else {
      await this.widenNullable(table);
      await table.mergeInsert('hash').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
    }
  }

  /** Columns the kind's schema allows null in, and a table made by an older version does not
   *  (place_edits before places could be removed), are made nullable first: a schema change of
   *  their metadata only, no rows rewritten; idempotent, so a crash in between is harmless. */
  private async widenNullable(table: Table): Promise<void> {
    if (this.widened) return;
    const onDisk = new Map((await table.schema()).fields.map((f) => [f.name, f.nullable]));
    const widen = this.kind.schema().fields.filter((f) => f.nullable && onDisk.get(f.name) === false);
    if (widen.length) await table.alterColumns(widen.map((f) => ({ path: f.name, nullable: true })));
    this.widened = true;
  }

  private widened = false;

  private async remove(hashes: readonly string[]): Promise<void> {
    const table = await this.conn.table(this.kind.table);
    if (!table || hashes.length === 0) return;
    for (const chunk of chunkForPredicate([...new Set(hashes)])) await table.delete(inList('hash', chunk));
  }
}

/** Rows with the user's values where their content was edited (the store's and the fakes' commit). */
export function applyEdits<T extends { hash: string }>(kind: EditKind, rows: T[], edits: ReadonlyMap<string, ContentEdit>): T[] {
  if (edits.size === 0) return rows;
  return rows.map((row) => {
    const edit = edits.get(row.hash);
    return edit ? { ...row, ...setValues(kind, edit) } : row;
  });
}
