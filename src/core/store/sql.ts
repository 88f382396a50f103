// SQL literals and predicates for LanceDB `where`/`delete` filters. LanceDB parses filters
// with DataFusion's SQL dialect: a string literal is single-quoted and a quote inside it is
// doubled; backslashes, newlines and any unicode stand for themselves. Every value that
// reaches a predicate goes through `sqlString`, never through string interpolation.
import { sep } from 'node:path';
import type { CameraPair } from './camera-values';
import type { PhotoFilter } from './types';
import { filterUtcOffset, PHOTO_INSTANT_SQL, photoDateSql } from './photo-date';

/** A SQL string literal for `value`. Rejects NUL, which no path or id may contain. */
export function sqlString(value: string): string {
  if (value.includes('\0')) throw new Error(`Cannot use a string containing NUL in a query: ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted column name (our names are camelCase, which SQL would otherwise fold). */
export function column(name: string): string {
  return `\`${name}\``;
}

/** `col = 'value'` */
export function equals(col: string, value: string): string {
  return `${column(col)} = ${sqlString(value)}`;
}

/** `col IN ('a', 'b', ...)`; callers chunk long lists with `chunkForPredicate`. */
export function inList(col: string, values: readonly string[]): string {
  if (values.length === 0) return 'false';
  return `${column(col)} IN (${values.map(sqlString).join(', ')})`;
}

/**
 * Rows whose `path` lies under `folder`, respecting the folder boundary: `/a/b` matches
 * `/a/b/x.jpg` and `/a/b/c/y.jpg` but not `/a/bc/x.jpg`. `starts_with` is a plain prefix
 * test, so LIKE's `%` and `_` in folder names need no escaping.
 */
export function underFolder(folder: string, pathColumn = 'path', separator: string = sep): string {
  const prefix = folder.endsWith(separator) ? folder : folder + separator;
  return `starts_with(${column(pathColumn)}, ${sqlString(prefix)})`;
}

/** Predicates above this many characters are split: DataFusion plans an IN list per value. */
const MAX_PREDICATE_CHARS = 256 * 1024;
const MAX_VALUES_PER_PREDICATE = 4096;

/**
 * Splits values into groups small enough for one predicate each. A typical call (a scan's
 * batch of removals) fits in one group, so it is one predicate and one commit.
 */
export function chunkForPredicate(values: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const value of values) {
    const cost = value.length + 4;
    if (current.length > 0 && (current.length >= MAX_VALUES_PER_PREDICATE || chars + cost > MAX_PREDICATE_CHARS)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(value);
    chars += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** A SQL number literal; only finite numbers (NaN or Infinity would be a filter nobody meant). */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot use ${value} in a query`);
  return String(value);
}

/** `(a) AND (b) ...`; 'true' for no predicates. */
export function allOf(predicates: readonly string[]): string {
  if (predicates.length === 0) return 'true';
  return predicates.length === 1 ? predicates[0]! : predicates.map((p) => `(${p})`).join(' AND ');
}

/** `col` is one of `values`, as one IN list per chunk joined by OR; 'false' for none. */
export function inAnyChunk(col: string, values: readonly string[]): string {
  const chunks = chunkForPredicate([...new Set(values)]);
  if (chunks.length === 0) return 'false';
  return chunks.length === 1 ? inList(col, chunks[0]!) : chunks.map((chunk) => `(${inList(col, chunk)})`).join(' OR ');
}

/**
 * Case-insensitive substring test. `strpos` is a plain search, so `%`, `_` and quotes in
 * `needle` need no escaping beyond the literal's own; a NULL column never matches.
 */
export function containsIgnoringCase(expression: string, needle: string): string {
  return `strpos(lower(${expression}), ${sqlString(needle.toLowerCase())}) > 0`;
}

/** `col` equals `value`, or IS NULL for a missing value. */
function equalsOrNull(col: string, value: string | null): string {
  return value === null ? `${column(col)} IS NULL` : equals(col, value);
}

/**
 * Rows whose (cameraMake, cameraModel) is one of `pairs`, as equalities grouped by make, so
 * that the bitmap indexes on both columns answer it (camera-values.ts); 'false' for none.
 */
export function cameraPairsPredicate(pairs: readonly CameraPair[]): string {
  if (pairs.length === 0) return 'false';
  const byMake = new Map<string | null, (string | null)[]>();
  for (const p of pairs) byMake.set(p.make, [...(byMake.get(p.make) ?? []), p.model]);
  const groups = [...byMake].map(([make, models]) => {
    const named = models.filter((m): m is string => m !== null);
    const modelParts = [...(named.length ? [inList('cameraModel', named)] : []), ...(named.length < models.length ? [`${column('cameraModel')} IS NULL`] : [])];
    const model = modelParts.length === 1 ? modelParts[0]! : `(${modelParts.join(' OR ')})`;
    return `(${equalsOrNull('cameraMake', make)} AND ${model})`;
  });
  return groups.length === 1 ? groups[0]! : `(${groups.join(' OR ')})`;
}

/**
 * The predicate for a photo filter (types.ts `PhotoFilter`), or undefined when it filters
 * nothing. Fields combine with AND; NULL columns never match a condition on them (a date
 * bound reads a photo's date taken, else its file time: photo-date.ts).
 * `cameras`: the camera substring already resolved to the library's matching (make, model)
 * pairs (camera-values.ts), which indexes answer; without it, a substring test on every row.
 */
export function photoFilterPredicate(filter: PhotoFilter, cameras?: readonly CameraPair[]): string | undefined {
  const parts: string[] = [];
  if (filter.folder !== undefined) parts.push(underFolder(filter.folder));
  // A photo's date as the timeline dates it: taken, else its file time (photo-date.ts).
  if (filter.takenFrom !== undefined || filter.takenBefore !== undefined) {
    const date = photoDateSql(filterUtcOffset(filter));
    if (filter.takenFrom !== undefined) parts.push(`${date} >= ${sqlNumber(filter.takenFrom)}`);
    if (filter.takenBefore !== undefined) parts.push(`${date} < ${sqlNumber(filter.takenBefore)}`);
  }
  if (filter.takenFromInstant !== undefined) parts.push(`${PHOTO_INSTANT_SQL} >= ${sqlNumber(filter.takenFromInstant)}`);
  if (filter.takenBeforeInstant !== undefined) parts.push(`${PHOTO_INSTANT_SQL} < ${sqlNumber(filter.takenBeforeInstant)}`);
  if (filter.camera !== undefined && cameras !== undefined) parts.push(cameraPairsPredicate(cameras));
  else if (filter.camera !== undefined) {
    // One test on "make model" finds a substring of either and one spanning both ("canon
    // eos" in make "Canon" + model "EOS R5"); concat skips a NULL part.
    parts.push(containsIgnoringCase(`concat(${column('cameraMake')}, ' ', ${column('cameraModel')})`, filter.camera));
  }
  if (filter.hasGps === true) parts.push(`${column('gpsLat')} IS NOT NULL AND ${column('gpsLon')} IS NOT NULL`);
  if (filter.hasGps === false) parts.push(`${column('gpsLat')} IS NULL OR ${column('gpsLon')} IS NULL`);
  if (filter.paths !== undefined) parts.push(inAnyChunk('path', filter.paths));
  if (filter.hashes !== undefined) parts.push(inAnyChunk('hash', filter.hashes));
  return parts.length > 0 ? allOf(parts) : undefined;
}
