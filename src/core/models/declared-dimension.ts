// The embedding dimension a model folder declares in its config.json, read without loading the
// model: Immich's (open_clip's) `embed_dim`, Transformers.js's `projection_dim`. The engine
// learns the true dimension by running the vision model (ClipModel.dimension), which a reader
// (status, search, albums while another process may write) must not pay for just to open the
// library; this lets it tell, for nothing, that a table's vectors cannot be this model's
// (store/model-tables.ts).
import fs from 'node:fs';
import path from 'node:path';

/** The folder's declared dimension; undefined when it declares none (or its config cannot be read). */
export function declaredEmbeddingDimension(dir: string): number | undefined {
  if (dir === '') return undefined;
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    const value = config['embed_dim'] ?? config['projection_dim'];
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
