// The main viewer's photo gone from its list: what the engine's answer to "is it still in the
// library?" makes of the viewer (App.tsx asks once each time a photo leaves the list).
import type { Photo } from '../../shared/api';
import type { ListedPhotos } from '../hooks/useViewerFollowsPhoto';

/** The main viewer's place: by position in the list and by id. `removed`: the engine said the
 *  photo is no longer in the library (its file deleted outside Shoebox). `held`: the photo
 *  whose date the user just edited in the viewer, shown by itself while the edit has moved it
 *  to a part of the list not loaded. */
export interface ViewerState {
  index: number;
  id: string | undefined;
  removed?: true;
  held?: Photo;
}

/**
 * The viewer once the engine answered about photo `id` (null: no answer, the engine busy or
 * unreachable, which counts as gone). Back in the list meanwhile: the viewer follows it there.
 * Still in the library (left this list by the user's own action): the photo that took its
 * place. Gone: said removed, ← → go on. An answer that comes after the user moved on, or after
 * the photo was already said removed (a second ask, answered differently), changes nothing:
 * the photo on screen is never swapped under the user.
 */
export function afterAwayAnswer(current: ViewerState | null, id: string, inLibrary: boolean | null, list: ListedPhotos): ViewerState | null {
  if (current?.id !== id || current.removed) return current;
  const at = list.indexOf(id);
  if (at >= 0) return { index: at, id };
  return inLibrary ? { index: current.index, id: list.get(current.index)?.id } : { ...current, removed: true };
}
