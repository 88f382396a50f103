// How many tags Tag review reads again after a decision: as many as it shows (a page at least),
// so every card decided with its copies leaves at once; never more than a page may ask for
// (the argument check's MAX_LIMIT), or the reading would be refused and the list not follow.
import { MAX_LIMIT } from '../../../shared/api-methods';

export function reviewRereadLimit(shown: number, page: number): number {
  return Math.min(MAX_LIMIT, Math.max(page, shown));
}
