// A photo archived in the viewer (its button or Shift+A) leaves the timeline. The viewer says
// so with an Undo, but that line went with the viewer: closed (Esc, or by the list, once the
// last photo left it), nothing offered the Undo that the selection bar's Archive leaves in the
// grid. This is the line the viewer hands the grid as it closes: the same words, and the
// selection bar's kind of Undo, the core's own unarchive of that photo, said in its words.
import type { BatchResult } from '../../shared/api';
import type { Undo } from '../hooks/useListSelection';
import { archiveResultText } from './archive';

/** What the Undo needs of the client: the archive's own write. */
export interface ArchiveWriter {
  setArchived(ids: string[], archived: boolean): Promise<BatchResult>;
}

/** The grid's notice for photo `id` archived in the viewer (`text`: the viewer's own line). */
export function archivedInViewerNotice(client: ArchiveWriter, id: string, text: string): { text: string; undo: Undo } {
  return { text, undo: async () => archiveResultText(await client.setArchived([id], false), false) };
}
