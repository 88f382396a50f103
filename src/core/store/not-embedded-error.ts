// A query vector of another dimension than the vectors the store holds for the model: they were
// made by another model once under the same id (a folder without a manifest replaced, or one
// whose config declares no dimension, so the store could not tell: model-tables.ts). For the
// user nothing is embedded with this model yet, and the remedy is an index run: said in the
// one line used wherever a model has no embeddings (search/embedding-coverage.ts), never as a
// vector arithmetic error. Smart albums read it as "not embedded yet", not as a broken album.
/** The words for a model with nothing embedded yet, here and in search's coverage note (embedding-coverage.ts). */
export function noneEmbeddedText(modelId: string): string {
  return `no photos are embedded with model ${modelId} yet`;
}

export class NotEmbeddedError extends Error {
  override name = 'NotEmbeddedError';

  constructor(readonly modelId: string) {
    super(`${noneEmbeddedText(modelId)}: "shoebox index" embeds your folders`);
  }
}
