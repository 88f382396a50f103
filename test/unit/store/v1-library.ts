// Builds a library as schema v1 wrote it (see src/core/store/migrations.ts, "History"):
// `mtime` in seconds in photos and failures, no `orientation` and no `thumbKey` in photos.
// The layout is spelled out here, independently of the current schema code.
import { connect } from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, Float64, Int32, Schema, Utf8 } from 'apache-arrow';
import { rowsToArrow } from '../../../src/core/store/arrow-rows';
import { photosTableName } from '../../../src/core/store/model-key';

export interface V1Photo {
  path: string;
  folder: string;
  size: number;
  mtime: number;
  hash: string;
  width: number;
  height: number;
  takenAt: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  gpsLat: number | null;
  gpsLon: number | null;
  modelId: string;
  vector: Float32Array;
  indexedAt: number;
}

export interface V1Failure {
  path: string;
  folder: string;
  size: number;
  mtime: number;
  reason: string;
  failedAt: number;
}

const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const float = (name: string, nullable = false) => new Field(name, new Float64(), nullable);
const int = (name: string) => new Field(name, new Int32(), false);

function v1PhotosSchema(modelId: string, dimension: number): Schema {
  return new Schema(
    [
      text('path'),
      text('folder'),
      float('size'),
      float('mtime'),
      text('hash'),
      int('width'),
      int('height'),
      float('takenAt', true),
      text('cameraMake', true),
      text('cameraModel', true),
      float('gpsLat', true),
      float('gpsLon', true),
      text('modelId'),
      new Field('vector', new FixedSizeList(dimension, new Field('item', new Float32(), true)), false),
      float('indexedAt'),
    ],
    new Map([['shoebox.modelId', modelId]]),
  );
}

export async function writeV1Library(
  dir: string,
  content: { model: { id: string; dimension: number }; photos: V1Photo[]; failures: V1Failure[]; folders: string[]; schemaVersion?: number },
): Promise<void> {
  const db = await connect(dir);
  const meta = new Schema([text('key'), text('value')]);
  await db.createTable('meta', rowsToArrow(meta, [{ key: 'schemaVersion', value: String(content.schemaVersion ?? 1) }]));
  const folders = new Schema([text('path'), float('addedAt')]);
  const foldersTable = await db.createEmptyTable('folders', folders);
  if (content.folders.length) await foldersTable.add(rowsToArrow(folders, content.folders.map((path) => ({ path, addedAt: 1_600_000_000_000 }))));
  const failures = new Schema([text('path'), text('folder'), float('size'), float('mtime'), text('reason'), float('failedAt')]);
  const failuresTable = await db.createEmptyTable('failures', failures);
  if (content.failures.length) await failuresTable.add(rowsToArrow(failures, content.failures));
  const photos = v1PhotosSchema(content.model.id, content.model.dimension);
  const photosTable = await db.createEmptyTable(photosTableName(content.model.id), photos);
  // Two commits, so the migration meets more than one fragment.
  const half = Math.ceil(content.photos.length / 2);
  for (const part of [content.photos.slice(0, half), content.photos.slice(half)]) if (part.length) await photosTable.add(rowsToArrow(photos, part));
  db.close();
}
