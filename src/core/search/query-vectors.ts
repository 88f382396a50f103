// Query terms -> vectors of the library's model, and their combination into one query vector.
//
//   text term   normalise(mean_i normalise(embed(template_i(text))))   (prompts.ts; raw: embed(text))
//   image term  the photo's stored vector when the library has it, else the file embedded now
//   query       normalise(sum_+ w * v  -  sum_- w * v)                  (each v normalised first)
//
// Text vectors are cached for the life of the process (per model), so paging through a
// query, or asking it again, costs no inference.
import fs from 'node:fs';
import { dot, normalise } from '../clip/vectors';
import { ImageDecodeError, preprocessImage } from '../clip/preprocess';
import { hasVideoExtension, readSharpInput, sniffVideo } from '../media';
import type { QueryModel, SearchLibrary } from './search-library';
import { promptsFor } from './prompts';
import type { QueryTerm } from './query-parser';
import { QueryError } from './query-error';
import { refuseIndexFailure } from './example-index-failure';

/** Prompts embedded per inference request: large enough to batch, small enough to bound memory. */
const TEXT_BATCH = 64;
/** Cached text vectors per model (an LRU by insertion order). */
const TEXT_CACHE_SIZE = 4096;

export class QueryEmbedder {
  private readonly prompts = new Map<string, Float32Array>();

  constructor(private readonly library: SearchLibrary) {}

  private get model(): QueryModel {
    return this.library.clip();
  }

  /** Normalised embeddings of prompts, from the cache or the model (batched). */
  private async embedPrompts(prompts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(prompts.filter((p) => !this.prompts.has(p)))];
    for (let start = 0; start < missing.length; start += TEXT_BATCH) {
      const batch = missing.slice(start, start + TEXT_BATCH);
      const embedded = await this.model.embedTexts(batch);
      embedded.forEach((e, i) => this.remember(batch[i]!, e.embedding));
    }
    return prompts.map((p) => {
      const v = this.prompts.get(p)!;
      // Touch: recently used prompts stay.
      this.prompts.delete(p);
      this.prompts.set(p, v);
      return v;
    });
  }

  private remember(prompt: string, vector: Float32Array): void {
    this.prompts.set(prompt, vector);
    while (this.prompts.size > TEXT_CACHE_SIZE) this.prompts.delete(this.prompts.keys().next().value!);
  }

  /** One vector per text: the normalised mean of its prompt ensemble (or the text itself when raw). */
  async texts(texts: readonly string[], raw: boolean): Promise<Float32Array[]> {
    const ensembles = texts.map((t) => promptsFor(t, raw));
    const vectors = await this.embedPrompts(ensembles.flat());
    let next = 0;
    return ensembles.map((prompts) => {
      const members = vectors.slice(next, next + prompts.length);
      next += prompts.length;
      return meanDirection(members);
    });
  }

  /** An image's vector: stored if the library has this path, else embedded from the file. */
  async image(absPath: string): Promise<Float32Array> {
    const stored = await (await this.library.readable()).getPhoto(absPath);
    if (stored) return stored.vector;
    if (!fs.existsSync(absPath)) throw new QueryError(`image not found: ${absPath}`);
    let vector: Float32Array | undefined;
    let error: string | undefined;
    // Read like an indexed photo (HEIC, RAW previews), not only what sharp opens by path.
    const pre = this.model.folder.preprocessing;
    await this.model.embedImageFiles([absPath], (r) => {
      vector = r.embedding;
      error = r.error;
    }, { decode: async (p) => preprocessImage(await readSharpInput(p), pre) });
    if (!vector) await refuseIndexFailure(await this.library.readable(), absPath);
    if (!vector && isVideoFile(absPath)) throw new QueryError(`${absPath}: a video the library does not hold: the example must be an image, or a video of the library (index its folder first)`);
    // The file is at fault, not the query (a failure, the CLI's exit 1), in the words indexing uses.
    if (!vector) throw new ImageDecodeError(`${absPath}: ${error ?? 'could not be read as an image'}`);
    return vector;
  }

  /** Each term's normalised vector, in order (text terms embedded in one batch). */
  async terms(terms: readonly QueryTerm[], raw: boolean): Promise<Float32Array[]> {
    const textTerms = terms.filter((t) => t.kind === 'text');
    const textVectors = await this.texts(textTerms.map((t) => t.text), raw);
    const out: Float32Array[] = [];
    let nextText = 0;
    for (const term of terms) out.push(term.kind === 'text' ? textVectors[nextText++]! : (term.vector ?? (await this.image(term.path!))));
    return out;
  }
}

/** normalise(mean of unit vectors); the mean's own length does not matter once normalised. */
export function meanDirection(vectors: readonly Float32Array[]): Float32Array {
  if (vectors.length === 1) return vectors[0]!;
  const sum = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < v.length; i++) sum[i]! += v[i]!;
  return normalise(sum);
}

/**
 * The query vector normalise(sum sign * weight * v) and the length of the sum before
 * normalising (the relevance cut-off needs it: scores are the sum's projection divided by it).
 */
export function combineTerms(terms: readonly Pick<QueryTerm, 'sign' | 'weight'>[], vectors: readonly Float32Array[]): { vector: Float32Array; norm: number } {
  const sum = new Float32Array(vectors[0]!.length);
  terms.forEach((term, k) => {
    const v = vectors[k]!;
    const w = term.sign * term.weight;
    for (let i = 0; i < v.length; i++) sum[i]! += w * v[i]!;
  });
  const norm = Math.sqrt(dot(sum, sum));
  return { vector: normalise(sum), norm };
}

/** Whether a file is a video, by its first bytes or its name (an example only a library video can be). */
function isVideoFile(file: string): boolean {
  try {
    const head = Buffer.alloc(64);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    return sniffVideo(head) !== null || hasVideoExtension(file);
  } catch {
    return hasVideoExtension(file);
  }
}
