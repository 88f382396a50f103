// Plain semantic search: a text or an image becomes a vector of the library's model and the
// store ranks photos by cosine, nothing more. The search engine (query language, prompt
// ensembles, filters, relevance cut-off) is search-service.ts; use that for anything a user
// asks for.
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryService } from '../library/library-service';
import type { VectorHit } from '../store/types';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  folder?: string;
}

export async function textVector(library: LibraryService, text: string): Promise<Float32Array> {
  const [result] = await library.clip().embedTexts([text]);
  return result!.embedding;
}

/** An indexed photo's stored vector, else the file embedded now (it need not be in the library). */
export async function imageVector(library: LibraryService, imagePath: string): Promise<Float32Array> {
  const abs = path.resolve(imagePath);
  const stored = await (await library.readable()).getPhoto(abs);
  if (stored) return stored.vector;
  if (!fs.existsSync(abs)) throw new Error(`image not found: ${abs}`);
  let vector: Float32Array | undefined;
  let error: string | undefined;
  await library.clip().embedImageFiles([abs], (r) => {
    vector = r.embedding;
    error = r.error;
  });
  if (!vector) throw new Error(`${abs}: ${error ?? 'could not be embedded'}`);
  return vector;
}

export async function searchByVector(library: LibraryService, vector: Float32Array, options: SearchOptions = {}): Promise<VectorHit[]> {
  const store = await library.readable();
  return store.searchVectors({
    vector,
    limit: options.limit ?? 20,
    ...(options.offset ? { offset: options.offset } : {}),
    ...(options.folder ? { folder: path.resolve(options.folder) } : {}),
  });
}
