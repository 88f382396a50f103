// The models Shoebox offers to download: real Hugging Face repositories, fetched as they are
// published (DESIGN.md "Model folders"). Only the files the engine loads are fetched, plus
// the external-data files their .onnx graphs reference (found by reading the graphs, see
// onnx-external-data.ts); ARM NN, RKNN and fp16 variants the same repos carry are skipped.
//
// Each entry carries the figures a user picks by (quality per language, speed, memory) as
// their publisher measured them, with the address they come from: Shoebox repeats them, it
// does not claim them. Every Immich repository name here is one Immich publishes (its docs'
// model tables and its ML service's model list); a name that could not be confirmed is left out.
import type { ModelLayout } from '../clip/model-folder';
import { DEFAULT_MODEL_ID } from '../../shared/default-model';

/** Immich's CLIP benchmark: Crossmodal-3600 recall, CPU time and memory per model and language. */
export const IMMICH_BENCHMARK = 'https://github.com/immich-app/immich/blob/main/docs/docs/features/searching.md#clip-models';

/** Figures as published, so a user can weigh quality against their machine. */
export interface ModelBenchmark {
  /**
   * Crossmodal-3600 zero-shot text-to-image retrieval, the mean of recall@1, @5 and @10 (%),
   * by BCP 47 language code; "en" always present.
   */
  recall: Readonly<Record<string, number>>;
  /** Milliseconds per inference on a CPU (the publisher's machine: compare models, not machines). */
  ms: number;
  /** Peak memory of the inference process, MiB. */
  memoryMiB: number;
  /** Where these figures are published. */
  source: string;
}

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
  /** Published quality, speed and memory, or null where the publisher gives none. */
  benchmark: ModelBenchmark | null;
  /** Where the repository name was confirmed (and, with benchmark, its figures). */
  source: string;
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

/**
 * What a new library is offered and what a first install makes active (src/shared, so the app's
 * fallback offer is the same id). A library whose settings already name a model keeps it:
 * install activates a model only when none is active.
 */
export { DEFAULT_MODEL_ID };

export const CATALOG: readonly CatalogEntry[] = [
  {
    // OpenAI's ViT-B/32 architecture, tokenizer and preprocessing, trained by LAION on LAION-2B:
    // the same cost, clearly better recall (Immich: 68.78 against 59.37 in English).
    id: DEFAULT_MODEL_ID,
    repo: 'immich-app/ViT-B-32__laion2b-s34b-b79k',
    revision: 'main',
    layout: 'immich',
    languages: ['en'],
    approxBytes: 610_000_000,
    description: "LAION-2B CLIP ViT-B/32 in Immich's export: quick on a CPU, English; the default for new libraries",
    benchmark: { recall: { en: 68.78, fr: 56.08 }, ms: 2.29, memoryMiB: 1001, source: IMMICH_BENCHMARK },
    source: 'https://huggingface.co/immich-app/ViT-B-32__laion2b-s34b-b79k',
  },
  {
    id: 'vit-b-32-openai',
    repo: 'immich-app/ViT-B-32__openai',
    revision: 'main',
    layout: 'immich',
    languages: ['en'],
    approxBytes: 608_000_000,
    description: "OpenAI CLIP ViT-B/32 in Immich's export: quick on a CPU, English; the default before vit-b-32-laion2b",
    benchmark: { recall: { en: 59.37, fr: 35.17 }, ms: 2.26, memoryMiB: 1004, source: IMMICH_BENCHMARK },
    source: 'https://huggingface.co/immich-app/ViT-B-32__openai',
  },
  {
    // Estimated size: ViT-B/16 image tower (~0.37 GB) and a Gemma-vocabulary text tower (~1.1 GB).
    id: 'vit-b-16-siglip2-webli',
    repo: 'immich-app/ViT-B-16-SigLIP2__webli',
    revision: 'main',
    layout: 'immich',
    languages: ['mul'],
    approxBytes: 1_540_000_000,
    description: "Google SigLIP 2 ViT-B/16 (WebLI) in Immich's export: Immich's best English recall for its speed, fair in European languages; needs 3 GB of memory",
    benchmark: { recall: { en: 75.19, fr: 84.3, nl: 75.33, da: 67.68, zh: 64.39, ar: 61.71 }, ms: 5.81, memoryMiB: 3038, source: IMMICH_BENCHMARK },
    source: IMMICH_BENCHMARK,
  },
  {
    // Estimated size: the published image tower (~0.37 GB) and NLLB-200's encoder (~1.65 GB).
    // Immich puts the query's language tag (e.g. "fra_Latn") before the text; Shoebox searches
    // with the text as typed, so its recall may fall short of these figures.
    id: 'nllb-clip-base-siglip',
    repo: 'immich-app/nllb-clip-base-siglip__v1',
    revision: 'main',
    layout: 'immich',
    languages: ['mul'],
    approxBytes: 2_040_000_000,
    description: "NLLB-CLIP (NLLB-200 text, SigLIP image) in Immich's export: search in about 200 languages; a large download, 4.6 GB of memory",
    benchmark: {
      recall: { en: 68.41, fr: 82.14, zh: 72.65, ar: 73.19, uk: 79.31, tr: 77.36, vi: 79.38, fi: 78.94, th: 75.23, bn: 73.34 },
      ms: 15.17,
      memoryMiB: 4675,
      source: IMMICH_BENCHMARK,
    },
    source: 'https://huggingface.co/immich-app/nllb-clip-base-siglip__v1',
  },
  {
    id: 'vit-b-16-siglip-webli',
    repo: 'immich-app/ViT-B-16-SigLIP__webli',
    revision: 'main',
    layout: 'immich',
    languages: ['en'],
    approxBytes: 813_000_000,
    description: "Google SigLIP ViT-B/16 (WebLI) in Immich's export: sharper English search than ViT-B/32, slower",
    benchmark: { recall: { en: 71.64, fr: 76.3 }, ms: 5.77, memoryMiB: 1081, source: IMMICH_BENCHMARK },
    source: 'https://huggingface.co/immich-app/ViT-B-16-SigLIP__webli',
  },
  {
    // A Multilingual-CLIP model: in Immich's model list (its ML service's M-CLIP set), absent
    // from its benchmark tables, so no figures.
    id: 'xlm-roberta-large-vit-b-16plus',
    repo: 'immich-app/XLM-Roberta-Large-Vit-B-16Plus',
    revision: 'main',
    layout: 'immich',
    languages: ['mul'],
    approxBytes: 2_730_000_000,
    description: "Multilingual CLIP (XLM-RoBERTa Large text, ViT-B/16+ image) in Immich's export: search in many languages; a large download",
    benchmark: null,
    source: 'https://github.com/immich-app/immich/blob/main/machine-learning/immich_ml/models/constants.py',
  },
  {
    // The same OpenAI weights as vit-b-32-openai, exported for Transformers.js; Immich's
    // figures for those weights apply.
    id: 'clip-vit-base-patch32',
    repo: 'Xenova/clip-vit-base-patch32',
    revision: 'main',
    layout: 'transformers',
    languages: ['en'],
    approxBytes: 608_000_000,
    description: 'OpenAI CLIP ViT-B/32 as published for Transformers.js (full-precision ONNX), English',
    benchmark: { recall: { en: 59.37, fr: 35.17 }, ms: 2.26, memoryMiB: 1004, source: IMMICH_BENCHMARK },
    source: 'https://huggingface.co/Xenova/clip-vit-base-patch32',
  },
];

export function findCatalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.id === id);
}
