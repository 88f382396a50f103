// A grid's selection, kept per list: the selection names photos by their index in the list,
// so another list (another key: a view, a filter) starts with none. The same list refreshed
// (another device's commit, the watcher's batch: a new `list` for the same key) keeps it: each
// selected photo stays selected wherever it now sits, and only those gone leave it. Shared by
// the main grids (App) and an album's grid.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Photo } from '../../shared/api';
import { followSelection, NO_SELECTION, selectedIds, type Selection } from '../lib/selection';
import { pagesToSearch, photosOf, type FollowedList } from '../lib/selection-photos';
import type { GridSelection } from './useGridKeys';

/** A press of R (`turns` 1) or Shift+R (-1), counted by `n` so each press acts once. */
export interface AskRotate {
  n: number;
  turns: number;
}

export interface ListSelection {
  selection: Selection;
  /** How many photos are selected: the selection's, and those a refreshed list is still
   *  looking for (the bar stays while it looks). */
  count: number;
  /** What the grid takes as its `select` prop. */
  select: GridSelection;
  clear: () => void;
  /** The selected photos for an action: each looked up by the id it had when selected, so a
   *  refresh between (a photo added above it) never hands over another photo; gone: left out. */
  photos: () => Promise<Photo[]>;
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

interface Selected {
  key: string;
  selection: Selection;
  /** The list `selection` is of, and the ids of its photos as they were selected. */
  list: FollowedList | null;
  ids: ReadonlyMap<number, string>;
  /** Whether `list` showed its own photos when the selection was made: made while it still
   *  showed the list it refreshes, the selection's positions are that one's (`ids` tell). */
  madeSettled: boolean;
}

const NONE: Selected = { key: '', selection: NO_SELECTION, list: null, ids: new Map(), madeSettled: true };

/** `noticeKey`: the list whose change drops the notice (default `key`); an album passes its
 *  listing without the refresh, so what a batch action did stays said while the list reloads.
 *  `list`: the grid's photos; when it is replaced under the same key (refreshed), the selection
 *  follows its photos into it. */
export function useListSelection(key: string, noticeKey = key, list: FollowedList | null = null): ListSelection {
  const [selected, setSelected] = useState<Selected>(NONE);
  const mine = selected.key === key ? selected : null;
  // The list refreshed: until its first page answers it shows the old one (the indices hold).
  // A selection made meanwhile is of the old one's photos too: followed by its ids alone.
  const refreshed = mine !== null && list !== null && list.settled && ((mine.list !== null && mine.list !== list) || (mine.list === list && !mine.madeSettled));
  const moved = refreshed && mine.selection.indices.size + (mine.selection.focus === null ? 0 : 1) > 0;
  const from = mine !== null && mine.list !== list ? mine.list : null;
  const followed = moved ? followSelection(mine.selection, mine.ids, from, list!) : null;
  const selection = followed?.selection ?? mine?.selection ?? NO_SELECTION;
  const count = selection.indices.size + (followed?.unfound.length ?? 0);
  // Settled in the new list: at once when every photo was found, else once the pages where
  // the others may now sit have loaded (what is still not found went from the list).
  const following = useRef<FollowedList | null>(null);
  useEffect(() => {
    if (!moved || !followed || !list || !mine) return;
    const settle = (next: Selection) => setSelected((now) => (now === mine ? { key, selection: next, list, ids: selectedIds(next, list), madeSettled: true } : now));
    if (followed.unfound.length === 0) return settle(followed.selection);
    if (following.current === list) return;
    following.current = list;
    void list
      .resolve(pagesToSearch(followed.unfound, mine.list?.count ?? list.count, list.count))
      .catch(() => undefined)
      .then(() => {
        if (following.current === list) following.current = null;
        settle(followSelection(mine.selection, mine.ids, from, list).selection);
      });
  });
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
    count,
    select: {
      selection,
      onChange: (next) => {
        // The photos it names, by id: a refresh of the list finds them wherever they go.
        setSelected({ key, selection: next, list, ids: list ? new Map([...(mine?.list === list ? mine.ids : []), ...selectedIds(next, list)]) : new Map(), madeSettled: list?.settled ?? true });
        // A new selection starts: the last one's line is old news.
        if (next.indices.size > 0 && selection.indices.size === 0) setNotice(null);
      },
      onDelete: () => setAskTrash((n) => n + 1),
      onFavourite: () => setAskFavourite((n) => n + 1),
      onArchive: () => setAskArchive((n) => n + 1),
      onRotate: (turns) => setAskRotate((ask) => ({ n: ask.n + 1, turns })),
    },
    clear: () => setSelected({ key, selection: NO_SELECTION, list, ids: new Map(), madeSettled: true }),
    // Followed into the refreshed list (not yet settled in state): its positions are the new
    // list's, and so must the ids checked there be (the recorded ones are by the old positions).
    photos: () => {
      if (!list || !mine) return Promise.resolve([]);
      if (followed) return photosOf(followed.selection, selectedIds(followed.selection, list), true, list);
      return photosOf(selection, mine.ids, mine.list === list && mine.madeSettled, list);
    },
    askTrash,
    askFavourite,
    askArchive,
    askRotate,
    notice,
    setNotice,
    noticeUndone,
  };
}
