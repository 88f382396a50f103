// A grid's selection, kept per list: the selection names photos by their index in the list,
// so another list (another key: a view, a filter, a reload) starts with none. Shared by the
// main grids (App) and an album's grid.
import { useCallback, useEffect, useState } from 'react';
import { NO_SELECTION, type Selection } from '../lib/selection';
import type { GridSelection } from './useGridKeys';

/** A press of R (`turns` 1) or Shift+R (-1), counted by `n` so each press acts once. */
export interface AskRotate {
  n: number;
  turns: number;
}

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
  /** Changes when R or Shift+R was pressed in the grid (SelectionBar's askRotate). */
  askRotate: AskRotate;
  /** One line left after the selection went (what the trash did), until the list changes. */
  notice: Notice | null;
  /** Says `text`, with an Undo that runs `undo` (which resolves to what it did) when given. */
  setNotice: (text: string | null, undo?: Undo) => void;
  /** What the undo of notice `id` did: it replaces that notice, not a newer one. */
  noticeUndone: (id: number, text: string) => void;
}

/** Undoes a batch action; resolves to the line saying what it did. */
export type Undo = () => Promise<string>;

export interface Notice {
  /** Tells notices apart (a new one, even with the same text, is another). */
  id: number;
  text: string;
  undo?: Undo;
}

let lastNoticeId = 0;

/** `noticeKey`: the list whose change drops the notice (default `key`); an album passes its
 *  listing without the refresh, so what a batch action did stays said while the list reloads. */
export function useListSelection(key: string, noticeKey = key): ListSelection {
  const [selected, setSelected] = useState<{ key: string; selection: Selection }>({ key: '', selection: NO_SELECTION });
  const selection = selected.key === key ? selected.selection : NO_SELECTION;
  const [askTrash, setAskTrash] = useState(0);
  const [askFavourite, setAskFavourite] = useState(0);
  const [askArchive, setAskArchive] = useState(0);
  const [askRotate, setAskRotate] = useState<AskRotate>({ n: 0, turns: 0 });
  const [notice, setNoticeState] = useState<Notice | null>(null);
  const setNotice = useCallback((text: string | null, undo?: Undo) => setNoticeState(text === null ? null : { id: ++lastNoticeId, text, ...(undo ? { undo } : {}) }), []);
  const noticeUndone = useCallback((id: number, text: string) => setNoticeState((current) => (current?.id === id ? { id: ++lastNoticeId, text } : current)), []);
  useEffect(() => setNotice(null), [noticeKey, setNotice]);
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
      onRotate: (turns) => setAskRotate((ask) => ({ n: ask.n + 1, turns })),
    },
    clear: () => setSelected({ key, selection: NO_SELECTION }),
    askTrash,
    askFavourite,
    askArchive,
    askRotate,
    notice,
    setNotice,
    noticeUndone,
  };
}
