// The library's photos whatever the active model has embedded so far. Browsing, `list`,
// `status` and a photo's metadata and thumbnail do not depend on embeddings, but each model
// has its own photos table, and a new model's fills up over hours: listing only it made the
// library look empty during a switch. So listings, counts and lookups by path read the
// active model's table and add the photos only other models' tables hold (their rows carry
// the same metadata and thumbnail key; their vectors are never read here). Search, vectors
// and "what is left to embed" stay the active model's.
//
// Every photos table holds only photos of the library (a removed photo or folder is deleted
// from all of them), so this union by path, the active model's row first, is the library.
// Nothing is copied, so there is nothing to undo after a crash and no extra write per photo.
// Cost: none with a single photos table (the usual case); otherwise one read of each table's
// `path` column whenever a table changed (cached by table versions), and pages that merge
// the two sorted path lists.
import { isAtOrInside } from '../../base/path-inside';
import type { LibraryConnection } from './connection';
import { isPhotosTable } from './model-key';
import { ColumnReader } from './arrow-rows';
import { chunkForPredicate, inList } from './sql';
import { pathColumn, summariesFrom, type PhotosRepository } from './photos-repository';
import type { PhotoDates, PhotoSummary } from './types';

export class LibraryPhotos {
  private cached: { key: string; extra: Map<string, string> } | null = null;

  constructor(
    private readonly conn: LibraryConnection,
    private readonly active: PhotosRepository,
  ) {}

  /** Photos ordered by path (stable pages), embedded by the active model or not. */
  async list(options: { folder?: string; limit?: number; offset?: number } = {}): Promise<PhotoSummary[]> {
    const extra = this.under(await this.extra(), options.folder);
    if (extra.length === 0) return this.active.list(options);
    if (options.limit === 0) return [];
    const merged = [...(await this.active.paths(options.folder)), ...extra].sort(byPath);
    const offset = options.offset ?? 0;
    const page = merged.slice(offset, options.limit === undefined ? undefined : offset + options.limit);
    const rows = await this.byPaths(page);
    return page.flatMap((p) => rows.get(p) ?? []);
  }

  /** Every photo's path, hash, times and position, unordered: the active model's rows, then the others'. */
  async dates(): Promise<PhotoDates[]> {
    const extra = [...(await this.extra()).keys()];
    const active = await this.active.dates();
    if (extra.length === 0) return active;
    const rows = await this.byPaths(extra);
    return [...active, ...extra.flatMap((p) => {
      const row = rows.get(p);
      // A video's length too: the timeline's Videos view and its count read it here.
      return row ? [{ path: row.path, hash: row.hash, takenAt: row.takenAt, mtimeMs: row.mtimeMs, indexedAt: row.indexedAt, gpsLat: row.gpsLat, gpsLon: row.gpsLon, ...(row.durationMs != null ? { durationMs: row.durationMs } : {}) }] : [];
    })];
  }

  async count(options: { folder?: string } = {}): Promise<number> {
    const extra = this.under(await this.extra(), options.folder);
    return (await this.active.count(options.folder === undefined ? {} : { folder: options.folder })) + extra.length;
  }

  /** The rows of these paths: the active model's, else another model's. */
  async byPaths(paths: readonly string[]): Promise<Map<string, PhotoSummary>> {
    const found = await this.active.byPaths(paths);
    const rest = paths.filter((p) => !found.has(p));
    if (rest.length === 0) return found;
    const extra = await this.extra();
    const byTable = new Map<string, string[]>();
    for (const p of rest) {
      const name = extra.get(p);
      if (name !== undefined) byTable.set(name, [...(byTable.get(name) ?? []), p]);
    }
    for (const [name, list] of byTable) {
      const table = await this.conn.table(name);
      if (table) for (const row of await summariesFrom(table, list)) found.set(row.path, row);
    }
    return found;
  }

  /**
   * Every path of the library holding each of these contents, whichever model's table has the
   * photo: what a content's marks, tags and pins reach, and what an import or the trash must
   * count as held, while a model switch has not embedded every photo yet. A path is the
   * library's row of it, as listings see it: the active model's row, else the one other table
   * `extra` picks; another table's older row of a path (the file rewritten since that model
   * indexed it) does not hold its old content any more. One query per table and chunk.
   */
  async pathsByHash(hashes: readonly string[]): Promise<Map<string, string[]>> {
    const wanted = [...new Set(hashes)];
    const found = new Map<string, string[]>();
    if (wanted.length === 0) return found;
    const extra = await this.extra();
    const tables = [this.active.tableName, ...new Set(extra.values())];
    for (const name of tables) {
      const table = await this.conn.table(name);
      if (!table) continue;
      const own = (p: string) => (name === this.active.tableName ? true : extra.get(p) === name);
      for (const chunk of chunkForPredicate(wanted)) {
        const rows = new ColumnReader(await table.query().select(['path', 'hash']).where(inList('hash', chunk)).toArrow());
        for (let i = 0; i < rows.length; i++) {
          const p = rows.string('path', i);
          if (!own(p)) continue;
          const hash = rows.string('hash', i);
          const paths = found.get(hash);
          if (!paths) found.set(hash, [p]);
          else if (!paths.includes(p)) paths.push(p);
        }
      }
    }
    return found;
  }

  /** Paths only other models' tables hold: none, and no read, with a single photos table. */
  async otherModelsOnly(): Promise<Set<string>> {
    return new Set((await this.extra()).keys());
  }

  /**
   * Every model's photos table with its version: changes whenever any of them is written,
   * which is when this union can change (another device indexing with its model, a library
   * read without a model, whose own table does not exist).
   */
  async version(): Promise<string> {
    const names = (await this.conn.tableNames()).filter(isPhotosTable).sort();
    const versions = await Promise.all(names.map(async (n) => `${n}@${(await (await this.conn.table(n))?.version()) ?? 0}`));
    return versions.join(',');
  }

  /** Paths other models' tables hold and the active one does not, each with a table that has it. */
  private async extra(): Promise<Map<string, string>> {
    const names = (await this.conn.tableNames()).filter((n) => isPhotosTable(n) && n !== this.active.tableName);
    if (names.length === 0) return new Map();
    const tables = await Promise.all([this.active.tableName, ...names].map(async (n) => [n, await this.conn.table(n)] as const));
    const key = JSON.stringify(await Promise.all(tables.map(async ([n, t]) => [n, t ? await t.version() : 0])));
    if (this.cached?.key === key) return this.cached.extra;
    const embedded = new Set(await this.active.paths());
    const extra = new Map<string, string>();
    for (const [name, table] of tables.slice(1)) {
      if (!table) continue;
      for (const p of await pathColumn(table)) if (!embedded.has(p) && !extra.has(p)) extra.set(p, name);
    }
    this.cached = { key, extra };
    return extra;
  }

  private under(extra: Map<string, string>, folder: string | undefined): string[] {
    if (folder === undefined) return [...extra.keys()];
    return [...extra.keys()].filter((p) => isAtOrInside(p, folder));
  }
}

/** The order LanceDB's orderBy('path') gives: by UTF-8 bytes, which code-unit order matches outside surrogates. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
