// Whether what is typed in the search box starts a new search rather than refining the one on
// screen. The filter bar and the sort show only with results (a search, More like this, a search
// by image); typed from anywhere else (All photos, a folder, Favourites, an album, Places…) a
// search starts with no filters and the default sort, not with those left from an earlier
// search that the screen did not show (Favourites only hiding the photo looked for). A search
// is never scoped by the timeline it was typed from (it searches the whole library), so nothing
// of that screen carries over either.
import type { Screen } from './screen';
import type { View } from './view';

export function startsNewSearch(screen: Screen, view: View, typed: string): boolean {
  return typed.trim() !== '' && (screen.kind !== 'photos' || view.kind === 'library');
}
