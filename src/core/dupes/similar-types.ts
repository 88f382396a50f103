// The contract shared by the similar searches (similar.ts picks one).

export interface SimilarOptions {
  signal?: AbortSignal;
  /** Steps of the search done so far, of `total` (fixed once the search has started). */
  onProgress?: (done: number, total: number) => void;
}

/** Receives one pair (i < j, indices into the vectors) and its exact cosine. */
export type PairSink = (i: number, j: number, cosine: number) => void;
