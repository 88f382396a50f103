// A loaded CLIP model: the folder's configs, its tokenizer and two inference workers, one per
// ONNX session. Everything the rest of the engine needs from CLIP goes through here.
// Why two: a session's run() holds its thread, so with one worker a search typed while the
// library indexes waited behind the image batch in progress (p50 ~470 ms instead of ~50).
import os from 'node:os';
import path from 'node:path';
import type { ExecutionProviderName, ProviderStatus } from '../../shared/api';
import { readModelFolder, type ModelFolder } from './model-folder';
import { ClipTokenizer } from './tokenizer';
import { InferenceClient } from './inference-client';
import type { WorkerSetup } from './inference-protocol';
import { PROVIDER_VERDICTS_FILE } from './provider-verdict';
import { availableProviders, inferenceOnGpu, providerOrder } from './providers';
import { cores, decodesAtOnce } from '../../base/thread-budget';
import { normalisedRows } from './vectors';
import { embedImagesPipelined, type ImageResult } from './image-pipeline';
import type { PreprocessedImage } from './preprocess';

export interface ClipModelOptions {
  /**
   * 'auto' tries the platform's GPU providers and keeps one only if it is a real GPU measured
   * faster than the CPU; a name forces it (CPU stays the fallback if it cannot load or run).
   */
  provider?: ExecutionProviderName | 'auto';
  /** The home's cache folder, where the provider verdicts are remembered between starts. */
  cacheDir?: string;
  /** Tests only: GPU runs fail after this many (a device lost mid-index). */
  failGpuAfterRuns?: number;
  /**
   * Intra-op threads for image inference; default: every core. ONNX Runtime's own default is
   * one thread on some machines (2-core VMs), where ViT-B/32 then runs 18.5 photos/s at batch
   * 8 instead of 32.6 with both cores; decode shares the cores meanwhile (bench: index rate
   * against the work bound, and the same with one thread). Text queries keep one thread:
   * a short sequence gains little, and a search must not take the cores from an index run.
   */
  threads?: number;
  /** Photos per inference batch; 8 is where CPU throughput levels off for ViT-B/32. */
  batchSize?: number;
  /** Photos decoded at once; default: by cores and provider (base/thread-budget.ts). */
  decodeConcurrency?: number;
  /**
   * Called before each inference (and before a session loads for it); what it throws refuses
   * that inference. The library checks here that the folder still holds the build its tables
   * are keyed by (library/pinned-model-build.ts): the sessions load from the folder lazily.
   */
  beforeInference?: () => void;
}

export interface TextEmbedding {
  text: string;
  /** The exact row the text model received (context length long). */
  ids: number[];
  embedding: Float32Array;
}

export class ClipModel {
  private dim: number | undefined;

  private constructor(
    readonly folder: ModelFolder,
    readonly tokenizer: ClipTokenizer,
    private readonly vision: InferenceClient,
    private readonly text: InferenceClient,
    private readonly providersTried: ExecutionProviderName[],
    private readonly options: Required<Pick<ClipModelOptions, 'batchSize'>> & Pick<ClipModelOptions, 'decodeConcurrency' | 'beforeInference'>,
  ) {}

  /** Reads and checks the folder now; ONNX sessions load in the worker on first use. */
  static open(dir: string, options: ClipModelOptions = {}): ClipModel {
    const folder = readModelFolder(dir);
    const tokenizer = ClipTokenizer.fromFile(folder.tokenizerJsonPath, folder.tokenizerConfig, folder.contextLength);
    const providers = providerOrder(options.provider ?? 'auto');
    const batchSize = options.batchSize ?? 8;
    const setup: WorkerSetup = {
      visionModelPath: folder.visionModelPath,
      textModelPath: folder.textModelPath,
      providers,
      mode: (options.provider ?? 'auto') === 'auto' ? 'auto' : 'forced',
      imageSize: folder.preprocessing.size,
      contextLength: folder.contextLength,
      batchSize,
      ...(options.cacheDir ? { verdictCache: path.join(options.cacheDir, PROVIDER_VERDICTS_FILE) } : {}),
      ...(options.failGpuAfterRuns !== undefined ? { failGpuAfterRuns: options.failGpuAfterRuns } : {}),
    };
    // Each worker loads only the session it is asked for (on first use).
    const visionSetup: WorkerSetup = { ...setup, threads: options.threads ?? os.availableParallelism() };
    const textSetup: WorkerSetup = { ...setup, threads: options.threads ?? 1 };
    return new ClipModel(folder, tokenizer, new InferenceClient(visionSetup), new InferenceClient(textSetup), providers, {
      batchSize,
      ...(options.decodeConcurrency !== undefined ? { decodeConcurrency: options.decodeConcurrency } : {}),
      ...(options.beforeInference ? { beforeInference: options.beforeInference } : {}),
    });
  }

  /** Loads a session now (instead of on first use), so errors and provider choice show early. */
  async warmUp(model: 'vision' | 'text'): Promise<void> {
    this.options.beforeInference?.();
    await (model === 'vision' ? this.vision : this.text).request({ op: 'warm', model });
  }

  providerStatus(): ProviderStatus {
    const report = this.vision.lastReport ?? this.text.lastReport;
    return {
      available: availableProviders(),
      inUse: report?.provider ?? null,
      fallbackReason: report?.fallbackReason ?? null,
      adapter: report?.adapter ?? null,
      measured: report?.measured ?? null,
    };
  }

  /** The providers tried in order for this model (for logs and tests). */
  get providerOrder(): readonly ExecutionProviderName[] {
    return this.providersTried;
  }

  async embedTexts(texts: readonly string[]): Promise<TextEmbedding[]> {
    if (texts.length === 0) return [];
    this.options.beforeInference?.();
    const { rows, attentionMask } = this.tokenizer.encode(texts);
    const res = await this.text.request({ op: 'text', rows, mask: attentionMask });
    const embeddings = normalisedRows(res.data, res.dim);
    return texts.map((text, i) => ({ text, ids: rows[i]!, embedding: embeddings[i]! }));
  }

  /** Runs one batch of already preprocessed CHW images; returns normalised embeddings. */
  async embedPixels(pixels: Float32Array, count: number, checked = false): Promise<Float32Array[]> {
    // `checked`: embedImageFiles checked this batch itself (it tells a refusal from a failed batch).
    if (!checked) this.options.beforeInference?.();
    // Text first: a search (its query, or the calibration's captions the first time) waits on
    // the text worker, whose one thread got so small a share of the cores beside image
    // batches that a first search during a first index took minutes; the next batch waits.
    await this.text.whenSettled();
    const res = await this.vision.request({ op: 'image', pixels, count, size: this.folder.preprocessing.size }, [pixels.buffer as ArrayBuffer]);
    return normalisedRows(res.data, res.dim);
  }

  /**
   * Embeds image files, decode overlapping inference; `onResult` is called once per path. What
   * beforeInference throws ends the run and is thrown here: the photos of the batch refused,
   * and those after it, get no result (left for the next run, not failed as unreadable).
   */
  async embedImageFiles(
    paths: readonly string[],
    onResult: (result: ImageResult) => void,
    options: { decode?: (path: string, index: number) => Promise<PreprocessedImage | null>; signal?: AbortSignal } = {},
  ): Promise<void> {
    const { decode, signal } = options;
    this.options.beforeInference?.(); // before a photo is read
    let refused: { error: unknown } | undefined;
    const refusal = new AbortController();
    await embedImagesPipelined(paths, this.folder.preprocessing, {
      batchSize: this.options.batchSize,
      // Read again as decodes finish: the provider is known once the first batch has run. From
      // the vision session's own report (providerStatus() would also list the providers anew).
      decodeConcurrency: () => {
        const report = this.vision.lastReport;
        return this.options.decodeConcurrency ?? decodesAtOnce(cores(), inferenceOnGpu({ inUse: report?.provider ?? null, adapter: report?.adapter ?? null }));
      },
      infer: (pixels, count) => {
        try {
          this.options.beforeInference?.();
        } catch (error) {
          refused = { error };
          refusal.abort();
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        // Through embedPixels, as every batch goes (the one seam a test or a profile hooks).
        return this.embedPixels(pixels, count, true);
      },
      // Once refused, nothing more is reported: the refused batch's "inference failed" would
      // record good photos as failed, each of them a row of the failures list to explain.
      onResult: (result) => {
        if (!refused) onResult(result);
      },
      ...(decode ? { decode: (p: string, _pre: unknown, index: number) => decode(p, index) } : {}),
      signal: signal ? AbortSignal.any([signal, refusal.signal]) : refusal.signal,
    });
    if (refused) throw refused.error;
  }

  /**
   * The embedding dimension, found by embedding one blank image. The vision session, not the
   * text one: a first index (which creates the photos table) needs only the vision session,
   * and loading the text one for this alone held ~340 MB (ViT-B/32) for the whole run.
   */
  async dimension(): Promise<number> {
    const size = this.folder.preprocessing.size;
    this.dim ??= (await this.embedPixels(new Float32Array(3 * size * size), 1))[0]!.length;
    return this.dim;
  }

  async close(): Promise<void> {
    await Promise.all([this.vision.close(), this.text.close()]);
  }
}
