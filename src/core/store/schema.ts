// Arrow schemas of the library's tables at the current schema version (see migrations.ts for
// the history). Times and sizes are Float64: epoch milliseconds keep fs.stat's fractional
// mtimeMs exactly, and Float64 reads back as a JS number where Int64 would be a BigInt.
import { DataType, Field, FixedSizeList, Float32, Float64, Int32, Schema, Utf8 } from 'apache-arrow';

export const TABLES = {
  meta: 'meta',
  folders: 'folders',
  failures: 'failures',
} as const;

/** Schema metadata keys on each photos table: which model's vectors it holds. */
export const MODEL_ID_METADATA = 'shoebox.modelId';
export const DIMENSION_METADATA = 'shoebox.dimension';
/** Which weights made the vectors (models/weights-fingerprint.ts; store/model-tables.ts): in
 *  the schema metadata of a table created with it, on the vector column's of one adopted later. */
export const WEIGHTS_METADATA = 'shoebox.weights';

export const VECTOR_COLUMN = 'vector';

const text = (name: string, nullable = false): Field => new Field(name, new Utf8(), nullable);
const float = (name: string, nullable = false): Field => new Field(name, new Float64(), nullable);
const int = (name: string, nullable = false): Field => new Field(name, new Int32(), nullable);

export function vectorType(dimension: number): FixedSizeList<Float32> {
  return new FixedSizeList(dimension, new Field('item', new Float32(), true));
}

export function photosSchema(modelId: string, dimension: number, weights?: string): Schema {
  return new Schema(
    [
      text('path'),
      text('folder'),
      float('size'),
      float('mtimeMs'),
      text('hash'),
      int('width'),
      int('height'),
      float('takenAt', true),
      text('cameraMake', true),
      text('cameraModel', true),
      float('gpsLat', true),
      float('gpsLon', true),
      int('orientation', true),
      text('modelId'),
      new Field(VECTOR_COLUMN, vectorType(dimension), false),
      text('thumbKey'),
      float('indexedAt'),
      // Schema v3; last, where the migration's added column sits too.
      int('takenOffset', true),
      // Schema v4: a video's length (null for photos).
      float('durationMs', true),
    ],
    new Map([
      [MODEL_ID_METADATA, modelId],
      [DIMENSION_METADATA, String(dimension)],
      ...(weights ? [[WEIGHTS_METADATA, weights] as const] : []),
    ]),
  );
}

export function failuresSchema(): Schema {
  return new Schema([text('path'), text('folder'), float('size'), float('mtimeMs'), text('reason'), float('failedAt')]);
}

export function foldersSchema(): Schema {
  return new Schema([text('path'), float('addedAt')]);
}

/** Key/value rows; `schemaVersion` is the one every open reads first. */
export function metaSchema(): Schema {
  return new Schema([text('key'), text('value')]);
}

/** The fixed vector length of a photos table's schema, or null if it has no vector column. */
export function vectorDimension(schema: Schema): number | null {
  const field = schema.fields.find((f) => f.name === VECTOR_COLUMN);
  return field && DataType.isFixedSizeList(field.type) ? field.type.listSize : null;
}
