// A place filter's one rule for a place that names nothing ("", " , "): search's --place, the
// timeline's place views (the app's Places pages, `shoebox places PLACE`) and an album's place
// all refuse it with this QueryError, in one wording that names no option, so the CLI (exit 2),
// the app and the album editor say the same line.
import { hashesTakenAt } from '../places/photos-at-place';
import type { LocatedStore } from '../places/located-photos';
import { QueryError } from './query-error';

export const EMPTY_PLACE_TEXT = 'the place is empty: name a town, a country, or "town, country"';

/** The content hashes of the photos taken at `place`; a QueryError when `place` names nothing. */
export async function hashesAtPlace(store: LocatedStore, place: string): Promise<Set<string>> {
  const there = await hashesTakenAt(store, place);
  if (!there) throw new QueryError(EMPTY_PLACE_TEXT);
  return there;
}
