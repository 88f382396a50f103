// A grid's selection, kept per list: the selection names photos by their index in the list,
// so another list (another key: a view, a filter, a reload) starts with none. Shared by the
// main grids (App) and an album's grid.
import { useEffect, useState } from 'react';
import { NO_SELECTION, type Selection } from '../lib/selection';
import type { GridSelection } from './useGridKeys';

export interface ListSelection {
  selection: Selection;
  /** What the grid takes as its `select` prop. */
  select: GridSelection;
  clear: () => void;
  /** Changes when Delete was pressed in the grid (SelectionBar's askTrash). */
  askTrash: number;
  /** Changes when F was pressed in the grid (SelectionBar's askFavourite). */
  askFavourite: number;
  /** Changes when Shift+A was pressed in the grid (SelectionBar's askArchive). */
  askArchive: number;
  /** One line left after the selection went (what the trash did), until the list changes. */
  notice: string | null;
  setNotice: (text: string | null) => void;
}

/** `noticeKey`: the list whose change drops the notice (default `key`); an album passes its
 *  listing without the refresh, so what a batch action did stays said while the list reloads. */
export function useListSelection(key: string, noticeKey = key): ListSelection {
  const [selected, setSelected] = useState<{ key: string; selection: Selection }>({ key: '', selection: NO_SELECTION });
  const selection = selected.key === key ? selected.selection : NO_SELECTION;
  const [askTrash, setAskTrash] = useState(0);
  const [askFavourite, setAskFavourite] = useState(0);
  const [askArchive, setAskArchive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setNotice(null), [noticeKey]);
  return {
    selection,
    select: {
      selection,
      onChange: (next) => {
        setSelected({ key, selection: next });
        // A new selection starts: the last one's line is old news.
        if (next.indices.size > 0 && selection.indices.size === 0) setNotice(null);
      },
      onDelete: () => setAskTrash((n) => n + 1),
      onFavourite: () => setAskFavourite((n) => n + 1),
      onArchive: () => setAskArchive((n) => n + 1),
    },
    clear: () => setSelected({ key, selection: NO_SELECTION }),
    askTrash,
    askFavourite,
    askArchive,
    notice,
    setNotice,
  };
}
