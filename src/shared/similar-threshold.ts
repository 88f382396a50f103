// Which CLIP cosines a similar-photos scan takes: one rule for every front end, checked by the
// core when it scans and by the CLI before it opens the library (a refused `--threshold` must
// not take the writer lock or ask for a model first).
import { DEFAULT_SIMILAR_THRESHOLD } from './api';
import { InvalidArgumentsError } from './api-methods';

/**
 * The similar kind's CLIP cosine as asked for: above 0 (at 0 or below every photo is "similar"
 * to every other, one huge group) and at most 1. Refused as an argument the caller got wrong:
 * the CLI's usage error (exit 2), `shoebox serve`'s 400.
 */
export function similarThreshold(value: number | undefined): number {
  const threshold = value ?? DEFAULT_SIMILAR_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new InvalidArgumentsError(`the similar threshold must be a number in (0, 1], got ${threshold}`);
  return threshold;
}
