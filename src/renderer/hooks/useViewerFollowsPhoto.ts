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

export function useViewerFollowsPhoto(viewer: ViewerPlace | null, list: ListedPhotos, setViewer: (viewer: ViewerPlace) => void): void {
  useEffect(() => {
    if (viewer === null) return;
    if (viewer.id === undefined) {
      const id = list.get(viewer.index)?.id;
      if (id !== undefined) setViewer({ index: viewer.index, id });
      return;
    }
    if (list.get(viewer.index)?.id === viewer.id) return;
    const at = list.indexOf(viewer.id);
    if (at >= 0) setViewer({ index: at, id: viewer.id });
  });
}
