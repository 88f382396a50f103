import { createContext, useContext } from 'react';

/**
 * True while the library is shown without a model on this device (NoModelBanner): the engine
 * refuses every change then, so the controls that would change the library (adding or
 * removing folders, favourites, tags, albums, the trash) are not offered, rather than offered
 * and refused. Locating a folder stays: it is this device's own note, and shows its originals.
 */
export const ViewingOnlyContext = createContext(false);

export function useViewingOnly(): boolean {
  return useContext(ViewingOnlyContext);
}
