// The search engine: a query (query-parser.ts) becomes one vector (query-vectors.ts), the
// filters become a PhotoFilter (filters.ts), the calibration gives the relevance cut-off
// (calibration.ts), and the store ranks, filters and cuts in one LanceDB query. `similar` is
// the one-image case of the same path. Inputs and outputs are plain JSON (shared/search.ts),
// for the CLI, LibraryApi and the UI alike.
import fs from 'node:fs';
import path from 'node:path';
import type { SearchRequestOptions, SearchResult } from '../../shared/search';
import type { SearchLibrary } from './search-library';
import { modelKey } from '../store/model-key';
import { Calibration, cutoffFor, type TextMode } from './calibration';
import { toPhotoFilter } from './filters';
import { parseQuery, type QueryTerm } from './query-parser';
import { QueryError } from './query-error';
import { QueryEmbedder, combineTerms } from './query-vectors';
import { resultPage } from './result-page';
import { photosWithTag, type TagFilter } from './tag-filter';

export const DEFAULT_LIMIT = 20;
/** Largest page: a bigger one is a sign of a script that wants --all and paging. */
export const MAX_LIMIT = 10_000;

export interface SearchDeps {
  /** Resolves `filters.tag` to the photos carrying it (tag-filter.ts). */
  tagFilter: TagFilter;
}

const defaultDeps: SearchDeps = { tagFilter: photosWithTag };

/** Per library (so per model): the text-vector cache and the calibration, kept for the process. */
interface SearchContext {
  embedder: QueryEmbedder;
  calibration: Calibration;
}
const contexts = new WeakMap<SearchLibrary, SearchContext>();

function contextFor(library: SearchLibrary): SearchContext {
  let context = contexts.get(library);
  if (!context) {
    const embedder = new QueryEmbedder(library);
    const calibration = new Calibration(calibrationFile(library), {
      modelId: library.modelId,
      photoCount: async () => (await library.readable()).countPhotos(),
      sampleVectors: async (max) => (await library.readable()).sampleVectors(max),
      embedCaptions: (captions, mode) => embedder.texts(captions, mode === 'raw'),
    });
    context = { embedder, calibration };
    contexts.set(library, context);
  }
  return context;
}

/** Where a model's calibration for this library is kept: <home>/calibration/<model key>.json. */
export function calibrationFile(library: SearchLibrary): string {
  return path.join(library.paths.home, 'calibration', `${modelKey(library.modelId)}.json`);
}

function page(options: SearchRequestOptions): { limit: number; offset: number } {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new QueryError(`limit must be a whole number from 1 to ${MAX_LIMIT}, got ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new QueryError(`offset must be a whole number >= 0, got ${offset}`);
  return { limit, offset };
}

/** A query made ready to rank with: its vector and the relevance cut-off for it. */
export interface CompiledQuery {
  /** normalise(sum of signed, weighted term vectors): rank photos by cosine to it. */
  vector: Float32Array;
  /** Photos scoring below this are not relevant (calibration.ts); null when not cut (`all`, or an empty library). */
  minScore: number | null;
}

/** Terms -> vector and cut-off (smart albums keep these to test new photos against). */
export async function compileTerms(library: SearchLibrary, terms: readonly QueryTerm[], options: { raw?: boolean; all?: boolean } = {}): Promise<CompiledQuery> {
  const context = contextFor(library);
  const raw = options.raw ?? false;
  const vectors = await context.embedder.terms(terms, raw);
  const { vector, norm } = combineTerms(terms, vectors);
  if (!(norm > 1e-6)) throw new QueryError('the terms cancel each other out: nothing is left to search for');
  let minScore: number | null = null;
  if (!options.all) {
    const mode: TextMode = raw ? 'raw' : 'templated';
    const baselines = await context.calibration.baselines(mode);
    if (baselines) minScore = cutoffFor(terms, norm, baselines);
  }
  return { vector, minScore };
}

/** A query in the query language (query-parser.ts) -> vector and cut-off. */
export async function compileQuery(library: SearchLibrary, query: string, options: { raw?: boolean; all?: boolean } = {}): Promise<CompiledQuery> {
  return compileTerms(library, parseQuery(query), options);
}

/** Ranks the library against weighted terms, with filters, cut-off and paging. */
export async function searchTerms(library: SearchLibrary, terms: readonly QueryTerm[], options: SearchRequestOptions = {}, deps: SearchDeps = defaultDeps): Promise<SearchResult> {
  const { limit, offset } = page(options);
  const filter = await toPhotoFilter(library, options.filters ?? {}, deps.tagFilter);
  const { vector, minScore } = await compileTerms(library, terms, { raw: options.raw ?? false, all: options.all ?? false });
  const store = await library.readable();
  const shown = await resultPage(store, { vector, ...filter }, { offset, limit, minScore, sort: options.sort ?? 'score', closest: options.closest ?? false });
  return { hits: shown.hits.map((h) => ({ path: h.path, score: h.score })), minScore, ...(shown.closest ? { closest: true } : {}) };
}

/**
 * Computes the model's calibration now (it embeds a few hundred captions the first time:
 * ~10 s for ViT-B/32 on two CPU cores), so the first search after indexing does not wait.
 */
export async function prepareSearch(library: SearchLibrary, options: { raw?: boolean } = {}): Promise<void> {
  await contextFor(library).calibration.baselines(options.raw ? 'raw' : 'templated');
}

/** `query` in the query language (query-parser.ts): text and image terms, weights, + and -. */
export async function search(library: SearchLibrary, query: string, options: SearchRequestOptions = {}, deps: SearchDeps = defaultDeps): Promise<SearchResult> {
  return searchTerms(library, parseQuery(query), options, deps);
}

/** How many photos the filters admit, ranking aside: 0 tells "the filters match nothing". */
export async function countMatching(library: SearchLibrary, filters: SearchRequestOptions['filters'] = {}, deps: SearchDeps = defaultDeps): Promise<number> {
  const filter = await toPhotoFilter(library, filters, deps.tagFilter);
  return (await library.readable()).countPhotos(filter);
}

/**
 * Photos that look like an image file (in the library or not): the one-image query. The CLI's
 * `similar` and the app's "More like this" ask with `all` (no cut-off: an image always has
 * neighbours, nearest first).
 */
export async function similar(library: SearchLibrary, image: string, options: SearchRequestOptions = {}, deps: SearchDeps = defaultDeps): Promise<SearchResult> {
  const abs = path.resolve(image);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) throw new QueryError(`image not found: ${image}`);
  if (!stat.isFile()) throw new QueryError(`${image} is a folder, not an image`);
  return searchTerms(library, [{ kind: 'image', text: image, path: abs, weight: 1, sign: 1 }], options, deps);
}
