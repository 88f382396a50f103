// The models Shoebox offers to download: real Hugging Face repositories, fetched as they are
// published (DESIGN.md "Model folders"). Only the files the engine loads are fetched, plus
// the external-data files their .onnx graphs reference (found by reading the graphs, see
// onnx-external-data.ts); ARM NN, RKNN and fp16 variants the same repos carry are skipped.
import type { ModelLayout } from '../clip/model-folder';

export interface CatalogEntry {
  /** Folder name under <home>/models/, and what the user types. */
  id: string;
  /** Hugging Face repository, "owner/name". */
  repo: string;
  /** Branch, tag or commit; pinned to a commit when the download starts. */
  revision: string;
  layout: ModelLayout;
  /** BCP 47 codes of the languages text search works in; "mul" for many. */
  languages: readonly string[];
  /** Approximate bytes fetched (what the engine loads, not the whole repository). */
  approxBytes: number;
  description: string;
}

/**
 * The files the engine reads from a folder of each layout (src/core/clip/model-folder.ts).
 * For Transformers.js folders the full-precision graphs are the ones readModelFolder prefers.
 */
export const ENGINE_FILES: Record<ModelLayout, readonly string[]> = {
  immich: [
    'config.json',
    'visual/preprocess_cfg.json',
    'visual/model.onnx',
    'textual/tokenizer.json',
    'textual/tokenizer_config.json',
    'textual/model.onnx',
  ],
  transformers: [
    'config.json',
    'preprocessor_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    'onnx/vision_model.onnx',
    'onnx/text_model.onnx',
  ],
};

export const DEFAULT_MODEL_ID = 'vit-b-32-openai';

export const CATALOG: readonly CatalogEntry[] = [
  {
    id: DEFAULT_MODEL_ID,
    repo: 'immich-app/ViT-B-32__openai',
    revision: 'main',
    layout: 'immich',
    languages: ['en'],
    approxBytes: 608_000_000,
    description: "OpenAI CLIP ViT-B/32 in Immich's export: quick on a CPU, English; the default",
  },
  {
    id: 'vit-b-16-siglip-webli',
    repo: 'immich-app/ViT-B-16-SigLIP__webli',
    revision: 'main',
    layout: 'immich',
    languages: ['en'],
    approxBytes: 813_000_000,
    description: "Google SigLIP ViT-B/16 (WebLI) in Immich's export: sharper English search than ViT-B/32, slower",
  },
  {
    id: 'xlm-roberta-large-vit-b-16plus',
    repo: 'immich-app/XLM-Roberta-Large-Vit-B-16Plus',
    revision: 'main',
    layout: 'immich',
    languages: ['mul'],
    approxBytes: 2_730_000_000,
    description: "Multilingual CLIP (XLM-RoBERTa Large text, ViT-B/16+ image) in Immich's export: search in many languages; a large download",
  },
  {
    id: 'clip-vit-base-patch32',
    repo: 'Xenova/clip-vit-base-patch32',
    revision: 'main',
    layout: 'transformers',
    languages: ['en'],
    approxBytes: 608_000_000,
    description: 'OpenAI CLIP ViT-B/32 as published for Transformers.js (full-precision ONNX), English',
  },
];

export function findCatalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.id === id);
}
