// What `shoebox search` adds when its words name a place and nothing scored above the cut-off:
// the app's "Photos taken in Italy (4 photos, from their location)", from the same core
// matching (places(query)), as a command that lists them.
import type { LibraryApi } from '../shared/api';
import { itemsText } from '../shared/count-text';
import { shellWord } from '../base/shell-word';
import { printable } from './output';

/** "4 photos were taken in Italy: shoebox places Italy", or null when the query names no photo's place. */
export async function searchPlaceOffer(api: Pick<LibraryApi, 'places'>, query: string): Promise<string | null> {
  const { named } = await api.places(query);
  if (!named) return null;
  const items = itemsText(named.count, named.videos ?? 0);
  return `${items} ${named.count === 1 ? 'was' : 'were'} taken in ${printable(named.place)}: shoebox places ${shellWord(named.place)}`;
}
