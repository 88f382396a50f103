// Embedding texts and image files from outside any library (`shoebox embed-text`,
// `embed-image`): the chosen CLIP model alone, no library opened and no writer lock taken.
// Files are read as indexing reads them (HEIC, RAW previews), not only what sharp opens.
import { ClipModel, type TextEmbedding } from './clip/clip-model';
import type { ImageResult } from './clip/image-pipeline';
import { preprocessImage } from './clip/preprocess';
import type { ExecutionProviderName } from '../shared/api';
import { chooseModel, type ModelSource } from './library/model-choice';
import { readSharpInput } from './media';
import { homePaths } from './paths';

export type { TextEmbedding, ImageResult };

export interface EmbedderOptions {
  /** An installed model by id instead of the active one. */
  modelId?: string;
  /** A model folder (Immich or Transformers.js layout) instead of an installed model. */
  modelDir?: string;
  /** Inputs per inference batch (default 8). */
  batchSize?: number;
}

export interface OutsideEmbedder {
  /** L2-normalised text embeddings, with the exact token row each text became. */
  embedTexts(texts: readonly string[]): Promise<TextEmbedding[]>;
  /** Each file's embedding or why it could not be read, reported as it is done. */
  embedImageFiles(files: readonly string[], onResult: (result: ImageResult) => void): Promise<void>;
  close(): Promise<void>;
}

/** Opens the model `options` choose (else the active one); NoModelError when there is none. */
export function openOutsideEmbedder(home: string, models: ModelSource, provider: ExecutionProviderName | 'auto', options: EmbedderOptions): OutsideEmbedder {
  const { dir } = chooseModel(models, {
    ...(options.modelDir ? { modelDir: options.modelDir } : {}),
    ...(options.modelId ? { modelId: options.modelId } : {}),
  });
  const model = ClipModel.open(dir, { provider, batchSize: options.batchSize ?? 8, cacheDir: homePaths(home).cache });
  return {
    embedTexts: (texts) => model.embedTexts(texts),
    embedImageFiles: (files, onResult) => {
      const pre = model.folder.preprocessing;
      return model.embedImageFiles(files, onResult, { decode: async (p) => preprocessImage(await readSharpInput(p), pre) });
    },
    close: () => model.close(),
  };
}
