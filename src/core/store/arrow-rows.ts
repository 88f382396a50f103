// Plain objects <-> Arrow record batches. Writes are built column by column from our own
// schemas (schema.ts). LanceDB matches columns by name, so a table whose columns were added
// by a migration, in another order, takes the same batches as a freshly created one.
//
// Never hand LanceDB's own Arrow objects (table.schema(), query results) to our builders
// or the reverse for `instanceof`-checked arguments: LanceDB is CommonJS and loads
// apache-arrow's CJS build, we load its ESM build, and the two have distinct classes.
// Data crosses by IPC, which is fine; reading results uses duck-typed methods only.
import { DataType, Float32, RecordBatch, Struct, Table, makeData, vectorFromArray, type Data, type Field, type Schema, type Vector } from 'apache-arrow';

type Row = object;

function fieldValue(row: Row, name: string): unknown {
  return (row as Record<string, unknown>)[name] ?? null;
}

function vectorColumn(field: Field, rows: readonly Row[]) {
  if (!DataType.isFixedSizeList(field.type)) throw new Error(`${field.name} is not a fixed-size list`);
  const dimension = field.type.listSize;
  const flat = new Float32Array(rows.length * dimension);
  rows.forEach((row, i) => {
    const value = fieldValue(row, field.name);
    if (!(value instanceof Float32Array) || value.length !== dimension) {
      const got = value instanceof Float32Array ? `length ${value.length}` : typeof value;
      throw new Error(`${field.name} of row ${i} must be a Float32Array of length ${dimension} (got ${got})`);
    }
    flat.set(value, i * dimension);
  });
  const child = makeData({ type: new Float32(), length: flat.length, nullCount: 0, data: flat });
  return makeData({ type: field.type, length: rows.length, nullCount: 0, child });
}

/** One Arrow table holding `rows` (at least one), shaped exactly like `schema`. Missing fields are null. */
export function rowsToArrow(schema: Schema, rows: readonly Row[]): Table {
  if (rows.length === 0) throw new Error('rowsToArrow needs at least one row');
  const children = schema.fields.map((field): Data => {
    if (DataType.isFixedSizeList(field.type)) return vectorColumn(field, rows);
    const column = vectorFromArray(
      rows.map((row) => fieldValue(row, field.name)),
      field.type,
    );
    const [only, ...rest] = column.data;
    if (!only || rest.length > 0) throw new Error(`Column ${field.name} was built in ${column.data.length} chunks`);
    return only;
  });
  const struct = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new Table([new RecordBatch(schema, struct)]);
}

/** Typed access to the columns of a query result; absent columns read as null. */
export class ColumnReader {
  readonly length: number;
  private readonly columns = new Map<string, Vector | null>();

  constructor(private readonly table: Table) {
    this.length = table.numRows;
  }

  has(name: string): boolean {
    return this.column(name) !== null;
  }

  string(name: string, row: number): string {
    const value = this.value(name, row);
    if (typeof value !== 'string') throw new Error(`Column ${name} row ${row} is not a string`);
    return value;
  }

  optionalString(name: string, row: number): string | null {
    const value = this.value(name, row);
    return typeof value === 'string' ? value : null;
  }

  number(name: string, row: number): number {
    const value = this.optionalNumber(name, row);
    if (value === null) throw new Error(`Column ${name} row ${row} is not a number`);
    return value;
  }

  optionalNumber(name: string, row: number): number | null {
    const value = this.value(name, row);
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    return null;
  }

  /** A copy of one row of a fixed-size-list<float32> column. */
  float32Array(name: string, row: number): Float32Array {
    const value = this.value(name, row) as Vector<Float32> | null;
    if (value === null) throw new Error(`Column ${name} row ${row} is null`);
    return Float32Array.from(value.toArray());
  }

  private value(name: string, row: number): unknown {
    return this.column(name)?.get(row) ?? null;
  }

  private column(name: string): Vector | null {
    let column = this.columns.get(name);
    if (column === undefined) {
      column = this.table.getChild(name);
      this.columns.set(name, column);
    }
    return column;
  }
}
