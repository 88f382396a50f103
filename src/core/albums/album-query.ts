// The album query -> one vector of the library's model, through the search's query language
// (src/core/search: text and image terms, weights, "+"/"-"), so an album matches what
// `shoebox search` with the same query ranks first. An album with a threshold of its own
// keeps it (a cosine the user can see and tune); an automatic one (threshold null) takes the
// search's calibrated relevance cut-off for its query, so it follows the model in use and
// the library as it grows. This is the one place albums turn a query into a vector.
//
// Image terms: relative paths resolve against the directory the album was saved in, and the
// images' embeddings are kept in the album per model build (album.ts `queryImages`), so an album
// reads the same from any directory and keeps working when its query image is gone.
//
// They are keyed by the key of the photos tables the store reads (LibraryStore.modelTablesKey,
// store/model-tables.ts), as the calibration and the duplicates report are: another model
// imported under an id used before reads tables of its own, and must not compare the first
// weights' query vector with its own vectors. Entries saved before builds were told apart are
// under the id's own key (`modelKey`), the tables key of the build that reads the id's own
// tables (created with its weights, or adopted from before fingerprints): read exactly there.
import fs from 'node:fs';
import type { SearchLibrary } from '../search/search-library';
import { compileTerms } from '../search/search-service';
import { parseQuery, type QueryTerm } from '../search/query-parser';
import { QueryEmbedder } from '../search/query-vectors';
import { DEFAULT_ALBUM_THRESHOLD, type AlbumDefinition } from './album';
import { refuseGoneQueryImage } from './gone-query-image';

export interface AlbumQuery {
  vector: Float32Array;
  /** The minimum score in effect: the album's own threshold, or the calibrated cut-off. */
  threshold: number;
}

export type AlbumQuerySource = Pick<AlbumDefinition, 'query' | 'threshold' | 'queryDir' | 'queryImages'>;

export async function albumQuery(library: SearchLibrary, album: AlbumQuerySource): Promise<AlbumQuery> {
  const key = await tablesKey(library);
  const stored = album.queryImages[key] ?? {};
  const parsed = albumTerms(album);
  // An image gone that only other models kept a vector of: said with why and what mends it.
  await refuseGoneQueryImage(library, album.queryImages, key, imagesOf(parsed));
  const terms = parsed.map((t): QueryTerm => {
    const kept = t.kind === 'image' ? stored[t.path!] : undefined;
    return kept === undefined ? t : { ...t, vector: decodeVector(kept) };
  });
  // `all` skips the calibration when the album has its own threshold: nothing to measure.
  const compiled = await compileTerms(library, terms, { all: album.threshold !== null });
  return { vector: compiled.vector, threshold: album.threshold ?? compiled.minScore ?? DEFAULT_ALBUM_THRESHOLD };
}

/**
 * The query's terms: relative image paths resolved against the album's directory, and an
 * image whose embedding the album keeps counts as present even when its file is gone.
 */
export function albumTerms(album: Pick<AlbumDefinition, 'query' | 'queryDir' | 'queryImages'>): QueryTerm[] {
  const kept = new Set(Object.values(album.queryImages).flatMap((byPath) => Object.keys(byPath)));
  return parseQuery(album.query, {
    ...(album.queryDir !== null ? { cwd: album.queryDir } : {}),
    probe: (abs) => (kept.has(abs) ? 'file' : probeFile(abs)),
  });
}

/** The key the active build's query-image vectors are kept under: its tables' (asked at each use,
 *  as the tables a library reads may change within a process: a reader's, then a writer's). */
async function tablesKey(library: SearchLibrary): Promise<string> {
  return (await library.readable()).modelTablesKey;
}

/**
 * The embeddings an album saved now keeps: for the active model build, each query image's (the one
 * kept before, else the library's row or the file, as search embeds it); for other models and
 * builds, those kept before of images still in the query. A missing image fails with one line.
 */
export async function queryImageVectors(library: SearchLibrary, album: Pick<AlbumDefinition, 'query' | 'queryDir' | 'queryImages'>): Promise<AlbumDefinition['queryImages']> {
  const images = imagesOf(albumTerms(album));
  if (images.length === 0) return {};
  const out: AlbumDefinition['queryImages'] = {};
  for (const [key, byPath] of Object.entries(album.queryImages)) {
    const still = Object.fromEntries(Object.entries(byPath).filter(([p]) => images.includes(p)));
    if (Object.keys(still).length) out[key] = still;
  }
  const key = await tablesKey(library);
  // Saved again (renamed, refiltered) under a model that has no vector of a gone image: the same
  // line as when the album is read, not search's bare "image not found".
  await refuseGoneQueryImage(library, album.queryImages, key, images);
  const active: Record<string, string> = { ...out[key] };
  const embedder = new QueryEmbedder(library);
  for (const p of images) active[p] ??= encodeVector(await embedder.image(p));
  out[key] = active;
  return out;
}

/** The paths of a query's image terms. */
function imagesOf(terms: readonly QueryTerm[]): string[] {
  return terms.flatMap((t) => (t.kind === 'image' ? [t.path!] : []));
}

export function encodeVector(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

export function decodeVector(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes); // aligned for the Float32Array
  return new Float32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4));
}

function probeFile(abs: string): 'file' | 'directory' | null {
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  return stat ? (stat.isDirectory() ? 'directory' : 'file') : null;
}
