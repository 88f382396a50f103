// What a search may ask and what it answers, as plain JSON: the CLI, the engine's
// LibraryApi and the UI share these (src/core/search/search-service.ts implements them).

/** Narrow a search to some photos; every field given must hold (AND). */
export interface SearchFilters {
  /** Taken from the start of this period on: YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time. */
  after?: string;
  /** Taken before the start of this period (so `after: '2023', before: '2024'` is 2023). */
  before?: string;
  /** Only photos under this folder (absolute path). */
  folder?: string;
  /** Camera make or model contains this, ignoring case ("canon", "iphone 12"). */
  camera?: string;
  /** true: only photos with GPS coordinates; false: only photos without. */
  hasGps?: boolean;
  /** Only photos carrying this tag (auto-tagging's labels). */
  tag?: string;
}

export interface SearchRequestOptions {
  /** Results per page (default 20). */
  limit?: number;
  /** Skip this many results (default 0): pages are stable for the same query and library. */
  offset?: number;
  filters?: SearchFilters;
  /** Embed text terms as written, without the prompt ensemble ("a photo of ..."). */
  raw?: boolean;
  /** Return every photo in rank order: no relevance cut-off. */
  all?: boolean;
  /** Order of the set the cut-off chose: best first (default), or newest taken first (the
   *  file's time for a photo without a date), the set staying the same. */
  sort?: 'score' | 'date';
  /** When nothing passes the cut-off, return the closest photos below it instead (at most
   *  CLOSEST_COUNT, src/core/search/closest.ts) and say so with `closest: true`. */
  closest?: boolean;
}

export interface SearchHit {
  /** Absolute path of the photo. */
  path: string;
  /** Cosine similarity between the query vector and the photo's, in [-1, 1]: higher is closer. */
  score: number;
}

export interface SearchResult {
  /** Best first. */
  hits: SearchHit[];
  /** The relevance cut-off applied (photos scoring below it are left out); null with `all`. */
  minScore: number | null;
  /** Nothing passed the cut-off: `hits` are the closest photos below it (asked with `closest`). */
  closest?: boolean;
}
