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
  /** true: only the user's favourites. */
  favourite?: boolean;
  /** Only photos taken there: a town, a country, or "town, country" (case and accents ignored). */
  place?: string;
  /** The viewer's offset from UTC, whole minutes east (-300: New York in winter), that `after`
   *  and `before` read a photo without a date taken on (its file's time, as the timeline's
   *  `utcOffset` shows it); absent: the clock of the machine the engine runs on. The app sends
   *  its window's, so a search behind `shoebox serve` finds a photo on the day the timeline shows it. */
  utcOffset?: number;
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
  /** A video: the time of its best-matching frame, seconds from the start (play from there). */
  time?: number;
  /** A `text:` term's match (issue #14): the text read in the photo and the matched words' boxes. */
  photoText?: PhotoTextMatch;
}

/** A point in the upright photo's pixels. */
export type TextPoint = [number, number];

/** The text a `text:` query found in a photo, for `--json` and the viewer's highlight. */
export interface PhotoTextMatch {
  /** Everything read in the photo, lines joined by newlines. */
  text: string;
  /** The words that matched the query as read, each with its box (corners: top-left,
   *  top-right, bottom-right, bottom-left, clockwise) in the upright photo's pixels. */
  words: { text: string; box: TextPoint[] }[];
  /** The boxes' frame: the upright photo's size. */
  width: number;
  height: number;
}

export interface SearchResult {
  /** Best first. */
  hits: SearchHit[];
  /** The relevance cut-off applied (photos scoring below it are left out); null with `all`. */
  minScore: number | null;
  /** Nothing passed the cut-off: `hits` are the closest photos below it (asked with `closest`). */
  closest?: boolean;
}

// ---- "Text in photo" queries (the app's search box mode and `shoebox search --text`) -------

/** Quote marks (straight, curly, low) end a quoted term: inside the words they become spaces. */
const QUOTE_MARKS = /["\u201c\u201d\u201e\u201f\u00ab\u00bb]/g;

/**
 * The query language's `text:"…"` term for words to find in the text read in photos, or ''
 * when there are none. Both front ends build it here, so they ask the engine the same
 * question; the parser collapses the spacing (the app's box keeps what was typed).
 */
export function photoTextTerm(words: string): string {
  const inside = words.replace(QUOTE_MARKS, ' ');
  return inside.trim() === '' ? '' : `text:"${inside}"`;
}

/** A query narrowed to photos holding `words` (photoTextTerm); a query of its own is kept after it. */
export function withPhotoTextTerm(query: string, words: string): string {
  const term = photoTextTerm(words);
  if (term === '' || query.trim() === '') return term || query;
  // A query that starts with its own operator ("- people") joins without another.
  return /^\s*[+\-\u2212]/.test(query) ? `${term} ${query}` : `${term} + ${query}`;
}
