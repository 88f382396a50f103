// The search engine: a query (query-parser.ts) becomes one vector (query-vectors.ts), the
// filters become a PhotoFilter (filters.ts), the calibration gives the relevance cut-off
// (calibration.ts), and the store ranks, filters and cuts in one LanceDB query. `similar` is
// the one-image case of the same path. Inputs and outputs are plain JSON (shared/search.ts),
// for the CLI, LibraryApi and the UI alike.
import fs from 'node:fs';
import path from 'node:path';
import { libraryFile } from '../location/library-files';
import type { SearchRequestOptions, SearchResult } from '../../shared/search';
import type { SearchLibrary } from './search-library';
import { isBuildKeyOf, modelKey } from '../store/model-key';
import { Calibration, cutoffFor, type TextMode } from './calibration';
import { toPhotoFilter } from './filters';
import { parseQuery, parseQueryParts, type ParsedQuery, type QueryTerm } from './query-parser';
import { allowedHashes, photosHoldingText, textOnlyHits } from './text-terms';
import { countWithoutModel, textHitsWithoutModel } from './text-without-model';
import { QueryError } from './query-error';
import { QueryEmbedder, combineTerms } from './query-vectors';
import { resultPage } from './result-page';
import { withVideoMoments } from './video-moments';
import { photosWithTag, type TagFilter } from './tag-filter';

import { DEFAULT_LIMIT, MAX_LIMIT } from './search-limits';
import { searchLimitRefusal } from '../../shared/search-page-limit';

export { DEFAULT_LIMIT, MAX_LIMIT };

export interface SearchDeps {
  /** Resolves `filters.tag` to the photos carrying it (tag-filter.ts). */
  tagFilter: TagFilter;
}

const defaultDeps: SearchDeps = { tagFilter: photosWithTag };

/**
 * Per library (so per model): the text-vector cache, and a calibration per build of the model
 * (calibrationKey): the statistics are of the vectors in the tables the store reads.
 */
interface SearchContext {
  embedder: QueryEmbedder;
  calibrations: Map<string, Calibration>;
}
const contexts = new WeakMap<SearchLibrary, SearchContext>();

function contextFor(library: SearchLibrary): SearchContext {
  let context = contexts.get(library);
  if (!context) {
    context = { embedder: new QueryEmbedder(library), calibrations: new Map() };
    contexts.set(library, context);
  }
  return context;
}

/**
 * The calibration of the vectors the library's store reads now. Asked at each use: the tables
 * can change within a process (a reader's store, then a writer's that took a build's own).
 */
async function calibrationFor(library: SearchLibrary): Promise<Calibration> {
  const context = contextFor(library);
  const tablesKey = (await library.readable()).modelTablesKey;
  let calibration = context.calibrations.get(tablesKey);
  if (!calibration) {
    const { embedder } = context;
    calibration = new Calibration(libraryFile(library.files, calibrationKey(library.modelId, tablesKey)), {
      modelId: library.modelId,
      photoCount: async () => (await library.readable()).countPhotos(),
      sampleVectors: async (max) => (await library.readable()).sampleVectors(max),
      embedCaptions: (captions, mode) => embedder.texts(captions, mode === 'raw'),
      preparing: () => preparingNotes.get(library)?.(library.modelId),
    });
    context.calibrations.set(tablesKey, calibration);
  }
  return calibration;
}

/** Who to tell when a search waits for the calibration's captions (notePreparingSearch). */
const preparingNotes = new WeakMap<SearchLibrary, (modelId: string) => void>();

/**
 * Tells `note` when a search of `library` must first embed the calibration's captions: once
 * per model and library, ~10 s on two idle cores, over a minute beside an index run, so that
 * a front end can say why the first search waits (the CLI: a line on stderr).
 */
export function notePreparingSearch(library: SearchLibrary, note: (modelId: string) => void): void {
  preparingNotes.set(library, note);
}

/** Where the calibrations are among the library's files (one per model build). */
export const CALIBRATION_PREFIX = 'calibration/';

/**
 * A model's calibration's key in the library's files (under <home> for the default library).
 * `tablesKey`: the key of the photos tables the model reads (LibraryStore.modelTablesKey), by
 * default the id's own. The statistics are of those tables' vectors and the captions' of the
 * weights that made them, so another model imported under an id used before calibrates anew
 * (its tables are a build's own), and a file saved before builds were told apart (named by the
 * id's key) is read exactly where the store reads the id's own tables, as the duplicates
 * report is (dupes/report-store.ts).
 */
export function calibrationKey(modelId: string, tablesKey = modelKey(modelId)): string {
  // A build's key extends its id's: anything else would read another model's calibration.
  if (!isBuildKeyOf(tablesKey, modelId)) throw new Error(`${tablesKey} is not a key of model ${modelId}'s tables`);
  return `${CALIBRATION_PREFIX}${tablesKey}.json`;
}

/** Where a model's calibration for this library is kept (`tablesKey` as in calibrationKey), for messages and tests. */
export function calibrationFile(library: SearchLibrary, tablesKey?: string): string {
  return library.files.where(calibrationKey(library.modelId, tablesKey));
}

function page(options: SearchRequestOptions): { limit: number; offset: number } {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  // The one rule and sentence of every front end's argument check (shared/search-page-limit.ts).
  const refusal = searchLimitRefusal(limit);
  if (refusal !== null) throw new QueryError(refusal);
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
    const baselines = await (await calibrationFor(library)).baselines(mode);
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
  // A video ranks by its best frame and carries its time (video-moments.ts).
  const store = withVideoMoments(await library.readable());
  const shown = await resultPage(store, { vector, ...filter }, { offset, limit, minScore, sort: options.sort ?? 'score', closest: options.closest ?? false });
  return { hits: shown.hits.map(withMoment), minScore, ...(shown.closest ? { closest: true } : {}) };
}

/**
 * Photos nearest a ready embedding: an image from outside the library, as the app's "Search by
 * image" sends its bytes. Like `similar`: no cut-off, filters, a video by its best moment.
 */
export async function searchVector(library: SearchLibrary, vector: Float32Array, options: SearchRequestOptions = {}, deps: SearchDeps = defaultDeps): Promise<SearchResult> {
  const { limit, offset } = page(options);
  const filter = await toPhotoFilter(library, options.filters ?? {}, deps.tagFilter);
  const store = withVideoMoments(await library.readable());
  const shown = await resultPage(store, { vector, ...filter }, { offset, limit, minScore: null, sort: options.sort ?? 'score', closest: false });
  return { hits: shown.hits.map(withMoment), minScore: null };
}

/** A hit as search returns it: a video's with the time of its best moment. */
function withMoment(h: { path: string; score: number; time?: number }): SearchResult['hits'][number] {
  return { path: h.path, score: h.score, ...(h.time !== undefined ? { time: h.time } : {}) };
}

/**
 * Computes the model's calibration now (it embeds a few hundred captions the first time:
 * ~10 s for ViT-B/32 on two CPU cores), so the first search after indexing does not wait.
 */
export async function prepareSearch(library: SearchLibrary, options: { raw?: boolean } = {}): Promise<void> {
  const calibration = await calibrationFor(library);
  const mode = options.raw ? 'raw' : 'templated';
  // The captions first: an empty library (a first run, before its first index) has no statistics to take yet.
  await calibration.prepare(mode);
  await calibration.baselines(mode);
}

/** `query` in the query language (query-parser.ts): text and image terms, weights, + and -, `text:"…"`. */
export async function search(library: SearchLibrary, query: string, options: SearchRequestOptions = {}, deps: SearchDeps = defaultDeps): Promise<SearchResult> {
  return searchParsed(library, parseQueryParts(query), options, deps);
}

/** A query the parser has read (search-answer.ts searches one again to tell why it found nothing). */
export async function searchParsed(library: SearchLibrary, parsed: ParsedQuery, options: SearchRequestOptions = {}, deps: SearchDeps = defaultDeps): Promise<SearchResult> {
  if (parsed.photoText.length === 0) return searchTerms(library, parsed.terms, options, deps);
  return searchPhotoText(library, parsed, options, deps);
}

/**
 * A query with `text:` terms (text-terms.ts): the photos holding the text, ranked by the
 * full-text score, or by the CLIP terms when there are some (their cut-off applies too, with
 * the closest photos holding the text when none passes it and `closest` is asked).
 */
async function searchPhotoText(library: SearchLibrary, parsed: ParsedQuery, options: SearchRequestOptions, deps: SearchDeps): Promise<SearchResult> {
  const { limit, offset } = page(options);
  const filter = await toPhotoFilter(library, options.filters ?? {}, deps.tagFilter);
  const store = await library.readable();
  const text = await photosHoldingText(store, parsed.photoText);
  if (parsed.terms.length === 0) {
    // The text needs no model: a device without one searches it in the library's rows.
    const hits = await (library.modelMissing ? textHitsWithoutModel : textOnlyHits)(store, text, filter, options.sort ?? 'score');
    return { hits: hits.slice(offset, offset + limit), minScore: null };
  }
  const { vector, minScore } = await compileTerms(library, parsed.terms, { raw: options.raw ?? false, all: options.all ?? false });
  const hashes = allowedHashes(text, filter);
  // Asked with `closest` (the app), the photos holding the text still come when none passes
  // the words' cut-off, as the closest ones: the text alone is what the user required.
  const shown = await resultPage(store, { vector, ...filter, hashes }, { offset, limit, minScore, sort: options.sort ?? 'score', closest: options.closest ?? false });
  const hashOf = new Map<string, string>();
  for (const [hash, paths] of await store.pathsByHash(hashes)) for (const p of paths) hashOf.set(p, hash);
  return { hits: shown.hits.map((h) => ({ path: h.path, score: h.score, photoText: text.get(hashOf.get(h.path)!)!.match })), minScore, ...(shown.closest ? { closest: true } : {}) };
}

/** How many photos the filters admit, ranking aside: 0 tells "the filters match nothing". */
export async function countMatching(library: SearchLibrary, filters: SearchRequestOptions['filters'] = {}, deps: SearchDeps = defaultDeps): Promise<number> {
  const filter = await toPhotoFilter(library, filters, deps.tagFilter);
  // Without a model, what a (text) search could find: the library's photos.
  if (library.modelMissing) return countWithoutModel(await library.readable(), filter);
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
