// What the grid is showing: the library (or one folder of it), text search results, photos
// like a library photo, or photos like an image dropped from outside.

export type View =
  /** The timeline: newest taken first, or (order 'added') "Recently added"; `favourites`:
   *  only the user's favourites (the sidebar's "Favourites"); `place`: only the photos taken
   *  there ("Arezzo, Italy" or "Italy", as the Places page names them); `onThisDay`: the
   *  photos taken on today's month and day in earlier years (the sidebar's "On this day");
   *  `archived`: the Archive, only the archived photos (All photos, Recently added and On this
   *  day leave them out: shared/archive-views.ts); `withoutPlace`: the photos without a
   *  position, to give them a place (the Places page leads there); `farFromTowns`: the photos
   *  whose position is far from any town (a mistyped one to set again; the Places page's note
   *  leads there); `described`: the photos
   *  whose description says this (a search's offer leads there); `videos`: only the videos
   *  (the sidebar's "Videos"). */
  | { kind: 'library'; folder: string | null; order?: 'added'; favourites?: true; place?: string; onThisDay?: true; archived?: true; withoutPlace?: true; farFromTowns?: true; described?: string; videos?: true }
  | { kind: 'search'; query: string }
  | { kind: 'similar'; id: string; label: string }
  | { kind: 'image'; name: string; base64: string; previewUrl: string };

export const LIBRARY_VIEW: View = { kind: 'library', folder: null };
export const RECENT_VIEW: View = { kind: 'library', folder: null, order: 'added' };
export const FAVOURITES_VIEW: View = { kind: 'library', folder: null, favourites: true };
export const ON_THIS_DAY_VIEW: View = { kind: 'library', folder: null, onThisDay: true };
export const ARCHIVE_VIEW: View = { kind: 'library', folder: null, archived: true };
export const WITHOUT_PLACE_VIEW: View = { kind: 'library', folder: null, withoutPlace: true };
export const FAR_FROM_TOWNS_VIEW: View = { kind: 'library', folder: null, farFromTowns: true };
export const VIDEOS_VIEW: View = { kind: 'library', folder: null, videos: true };

/** The timeline of the photos taken at a place (a town card or a country on the Places page). */
export function placeView(place: string): View {
  return { kind: 'library', folder: null, place };
}

/** Identity of a view, for "is this still the same list?" */
export function viewKey(view: View): string {
  switch (view.kind) {
    case 'library':
      return `library:${view.order ?? 'taken'}:${view.folder ?? ''}${view.favourites ? ':favourites' : ''}${view.place !== undefined ? `:place:${view.place}` : ''}${view.onThisDay ? ':on-this-day' : ''}${view.archived ? ':archive' : ''}${view.withoutPlace ? ':without-place' : ''}${view.farFromTowns ? ':far-from-towns' : ''}${view.videos ? ':videos' : ''}${view.described !== undefined ? `:described:${view.described}` : ''}`;
    case 'search':
      return `search:${view.query}`;
    case 'similar':
      return `similar:${view.id}`;
    case 'image':
      return `image:${view.previewUrl}`;
  }
}
