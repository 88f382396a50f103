import { createContext, useContext } from 'react';
import type { LibraryStatus } from '../../shared/api';

/**
 * Why the library is only viewed here, or false while this device may change it:
 * - 'no-model': this device has no model (NoModelBanner). Nothing can be searched or
 *   embedded, so search, "More like this" and the screens that need the model wait too.
 * - 'writer-elsewhere': another process writes the library (`shoebox watch` on the GPU box,
 *   the app on another laptop; WriterElsewhereBanner). This device has its model: searching
 *   and viewing work, only changes wait until that process is done.
 * Either way the engine refuses every change, so the controls that would change the library
 * (adding or removing folders, favourites, tags, albums, the trash) are not offered, rather
 * than offered and refused. Locating a folder stays: it is this device's own note.
 */
export type ViewingOnly = false | 'no-model' | 'writer-elsewhere';

export const ViewingOnlyContext = createContext<ViewingOnly>(false);

/**
 * The state from the engine's status (null: not read yet). Without a model it is 'no-model'
 * with or without folders: on the first run too, Settings' "Text in photos" and "Import
 * captions" would only be refused, in the command line's words ("no model: install one
 * (shoebox models install …)"), so they wait as the other changes do, saying why in the
 * app's. A damaged library says so itself (EngineError) and is repaired, not waited on.
 */
export function viewingOnlyOf(status: Pick<LibraryStatus, 'model' | 'damaged' | 'writerElsewhere'> | null): ViewingOnly {
  if (status === null || status.damaged) return false;
  if (status.model == null) return 'no-model';
  return status.writerElsewhere ? 'writer-elsewhere' : false;
}

/** True while changes to the library are not offered (whatever the reason). */
export function useViewingOnly(): boolean {
  return useContext(ViewingOnlyContext) !== false;
}

/** Why changes are not offered (see ViewingOnly), or false. */
export function useViewingOnlyReason(): ViewingOnly {
  return useContext(ViewingOnlyContext);
}

/** Whether this device can search the library (false only without a model). */
export function useCanSearch(): boolean {
  return useContext(ViewingOnlyContext) !== 'no-model';
}

/** Says when a change refused in this state can be made (a title or a note). Not who writes:
 *  the banner says that, and why (another program, a lost connection, this device's lapsed
 *  turn: status().writer), which this note would otherwise contradict. */
export function changesWaitText(reason: ViewingOnly): string {
  return reason === 'writer-elsewhere' ? 'Can be changed once this device may write to this library again (the note at the top says why not now)' : 'Can be changed once this device has a model';
}
