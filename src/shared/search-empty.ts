// Why a search found nothing, as the core decides it (src/core/search/empty-reason.ts) on the
// first page of an empty answer (SearchPage.empty): each front end only words it
// (`shoebox search` on stderr, the app's empty grid), so the two never disagree.

/** "Text in photos" when a search for text in photos found nothing. */
export interface TextReadState {
  /** The setting. Off, the text read before is still searched. */
  on: boolean;
  /** Photo contents whose text was read. */
  read: number;
  /** Photo contents whose text is still to be read. */
  left: number;
  /** Photo contents in the library. */
  contents: number;
  /** The library's writer is reading the text left now (TextInPhotosState.readingNow). */
  readingNow?: true;
}

/** Photos that hold the text of a query's `text:` terms, none of which passed its other terms' cut-off. */
export interface TextHeldBelowCutOff {
  /** How many (at most the largest page: `atLeast` then). */
  photos: number;
  atLeast: boolean;
  /** The words of each `text:` term, as the core read them. */
  text: string[];
  /** The query's other terms, as the core read them ("green", "red - people"). */
  terms: string;
}

/** The reasons, in the order they are looked for: the first that holds is given. */
export type SearchEmpty =
  /** The model in use has embedded no photo yet: a search finds embedded photos only. */
  | { reason: 'not-embedded' }
  /** The query asks for text in photos, "Text in photos" is off, and no photo's text was ever read. */
  | { reason: 'text-not-read' }
  /** The filters admit no photo at all. */
  | { reason: 'filters' }
  /** No photo's text holds the words (anywhere in the library). */
  | { reason: 'no-text'; text: TextReadState }
  /** Photos hold the text, but the filters leave none of them. */
  | { reason: 'filters-among-text' }
  /** No photo scores above the relevance cut-off (the page may hold the closest photos below it). */
  | { reason: 'cut-off'; minScore: number; held?: TextHeldBelowCutOff };
