// Which tables hold the vectors of the model being opened: its id's own (`photos__<model key>`
// and the video frames and embedded turns beside it), or, when those were made by other
// weights, tables of this build's own (model-key.ts weightsKey).
//
// A model's id alone does not identify its vectors: a model removed and a different one
// imported under the same id used to be handed the old one's embeddings (a wrong dimension
// failed every search; the same dimension mixed two models silently), and nothing re-embedded.
// Giving another build tables of its own, rather than clearing the id's, means:
// - its index run embeds every photo (status counts them pending), and search, "similar" and
//   albums read only vectors these weights made (an empty table until then: "index first");
// - nothing is deleted: switching back to the first build finds its vectors as they were;
// - two devices sharing a library (on S3) with different builds of one id each write their
//   own tables and never overwrite each other's vectors.
// What is the user's (tags decided, albums, favourites, descriptions, dates and places set by
// hand) is kept by content hash outside these tables, and stays.
import type { Schema } from 'apache-arrow';
import type { LibraryConnection } from './connection';
import { modelKey, photosTableName, weightsKey } from './model-key';
import { VECTOR_COLUMN, WEIGHTS_METADATA, vectorDimension } from './schema';

export interface ModelTablesChoice {
  /** The key in the names of the tables to use (model-key.ts). */
  key: string;
  /** The id's own table holds vectors of no recorded weights, and this writer records these. */
  adopt: boolean;
}

/** The weights recorded for a photos table's vectors, if any. */
export function recordedWeights(schema: Schema): string | undefined {
  return schema.metadata.get(WEIGHTS_METADATA) ?? schema.fields.find((f) => f.name === VECTOR_COLUMN)?.metadata.get(WEIGHTS_METADATA) ?? undefined;
}

/** The model a store is opened for (OpenStoreOptions.model). */
export interface TablesModel {
  id: string;
  /** The model folder's fingerprint (models/weights-fingerprint.ts); without one (a folder
   *  without a manifest) the id's own tables are used unchecked, as before fingerprints. */
  weights?: string | undefined;
  /** The model's, when known (0 for a reader; a function loads the model). */
  dimension: number | (() => Promise<number>);
  /** What the model folder says its dimension is (models/declared-dimension.ts), read without
   *  loading the model: how a reader tells a table's vectors cannot be this model's. */
  declaredDimension?: number | undefined;
}

export async function chooseModelTables(conn: LibraryConnection, model: TablesModel): Promise<ModelTablesChoice> {
  const own = { key: modelKey(model.id), adopt: false };
  if (!model.weights) return own;
  const build = weightsKey(model.id, model.weights);
  // Its own tables exist once a writer found the id's holding other vectors: readers take them too.
  if (await conn.table(photosTableName(model.id, build))) return { key: build, adopt: false };
  const home = await conn.table(photosTableName(model.id));
  if (!home) return own; // created with these weights recorded
  const schema = await home.schema();
  const recorded = recordedWeights(schema);
  if (recorded === model.weights) return own;
  if (recorded !== undefined) return { key: build, adopt: false };
  // Written before fingerprints were recorded: the vectors are taken as this build's, without
  // embedding again (an upgrade must not re-embed a whole library; they are, nearly always,
  // this model's). Only a writer records that, and first checks what it can: vectors of
  // another dimension cannot be this model's (a model replaced under the same id before this
  // check existed). The dimension is the one the model folder declares (adoptionDimension).
  if (conn.readOnly) {
    // A reader writes nothing and loads no model, but must not read vectors of another
    // dimension either (status would count them embedded, search fail on them, "similar" rank
    // by them): with the dimension the folder declares it sees, as the writer will, that they
    // are not this model's, and reads this build's tables, none yet: everything to index.
    const declared = model.declaredDimension;
    if (declared !== undefined && declared > 0 && vectorDimension(schema) !== declared) return { key: build, adopt: false };
    return own;
  }
  const dimension = await adoptionDimension(model);
  if (dimension > 0 && vectorDimension(schema) !== dimension) return { key: build, adopt: false };
  return { key: own.key, adopt: true };
}

/**
 * The dimension a writer checks a table from before fingerprints against: the one the model
 * folder declares when it declares one, read without loading the model, so that the first
 * writer after an upgrade (any edit: `favourites add`, a rename in the app) neither pays for
 * loading ONNX sessions nor fails to open when the model cannot load (a GPU problem, a broken
 * graph): editing never needed the model. Only a folder that declares none loads the model to
 * learn it, once per library (the table is adopted or not, then never asked again).
 */
async function adoptionDimension(model: TablesModel): Promise<number> {
  if (typeof model.dimension === 'number' && model.dimension > 0) return model.dimension;
  if (model.declaredDimension !== undefined && model.declaredDimension > 0) return model.declaredDimension;
  return typeof model.dimension === 'number' ? model.dimension : model.dimension();
}

/** Records `weights` on the id's own photos table (one metadata-only commit). */
export async function adoptModelTable(conn: LibraryConnection, modelId: string, weights: string): Promise<void> {
  const table = await conn.table(photosTableName(modelId));
  await table?.updateFieldMetadata([{ path: VECTOR_COLUMN, metadata: { [WEIGHTS_METADATA]: weights } }]);
}
