// The photo on screen in a viewer stays on screen when its list changes under it (a search's
// results arriving after the click, photos added above it while indexing, an exclusion undone
// in an album): the viewer follows it to its new position. A step onto a photo whose page had
// not arrived yet takes that photo's id once it has (the URL names it). Shared by the main
// grid's viewer (App.tsx) and an album's (AlbumScreen.tsx).
import { useEffect } from 'react';

export interface ViewerPlace {
  index: number;
  id: string | undefined;
}

/** What the viewer's list offers: the photo at a place, and a photo's place (-1: not loaded). */
export interface ListedPhotos {
  get(index: number): { id: string } | undefined;
  indexOf(id: string): number;
}

/** The place the viewer shows: its photo's new place in the list as soon as the list has it,
 *  in the very render the list changed (the effect that records it runs after the paint, and
 *  the photo that took the old place would be shown meanwhile). */
export function useViewerFollowsPhoto(viewer: ViewerPlace | null, list: ListedPhotos, setViewer: (viewer: ViewerPlace) => void): number | null {
  const followed = viewer === null ? null : placeOf(viewer, list);
  useEffect(() => {
    if (viewer === null) return;
    if (viewer.id === undefined) {
      const id = list.get(viewer.index)?.id;
      if (id !== undefined) setViewer({ index: viewer.index, id });
    } else if (followed !== viewer.index) setViewer({ index: followed!, id: viewer.id });
  });
  return followed;
}

function placeOf(viewer: ViewerPlace, list: ListedPhotos): number {
  if (viewer.id === undefined || list.get(viewer.index)?.id === viewer.id) return viewer.index;
  const at = list.indexOf(viewer.id);
  return at >= 0 ? at : viewer.index;
}
