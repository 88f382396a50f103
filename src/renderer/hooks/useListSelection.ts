// A grid's selection, kept per list: the selection names photos by their index in the list,
// so another list (another key: a view, a filter) starts with none. The same list refreshed
// (another device's commit, the watcher's batch: a new `list` for the same key) keeps it: each
// selected photo stays selected wherever it now sits, and only those gone leave it. Shared by
// the main grids (App) and an album's grid.
import { useCallback, useEffect, useRef, useState } from 'react';
import { PAGE_SIZE } from '../lib/paged-photos';
import { followSelection, NO_SELECTION, selectedIds, type Selection, type SelectionList, type UnfoundPhoto } from '../lib/selection';
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

/** The grid's photos as the selection follows them (PagedPhotos). */
export interface FollowedList extends SelectionList {
  /** True once its first page has answered: until then it shows the list it refreshes. */
  readonly settled: boolean;
  readonly count: number;
  /** Loads the pages of these indices. */
  resolve(indices: readonly number[]): Promise<unknown>;
}

/** A refreshed list as long as this is loaded whole to find the selected photos it has not shown yet. */
const FIND_IN_PAGES = 10;

interface Selected {
  key: string;
  selection: Selection;
  /** The list `selection` is of, and the ids of its photos as they were selected. */
  list: FollowedList | null;
  ids: ReadonlyMap<number, string>;
}

const NONE: Selected = { key: '', selection: NO_SELECTION, list: null, ids: new Map() };

/** `noticeKey`: the list whose change drops the notice (default `key`); an album passes its
 *  listing without the refresh, so what a batch action did stays said while the list reloads.
 *  `list`: the grid's photos; when it is replaced under the same key (refreshed), the selection
 *  follows its photos into it. */
export function useListSelection(key: string, noticeKey = key, list: FollowedList | null = null): ListSelection {
  const [selected, setSelected] = useState<Selected>(NONE);
  const mine = selected.key === key ? selected : null;
  // The list refreshed: until its first page answers it shows the old one (the indices hold).
  const moved = mine !== null && list !== null && mine.list !== null && mine.list !== list && list.settled && mine.selection.indices.size + (mine.selection.focus === null ? 0 : 1) > 0;
  const followed = moved ? followSelection(mine.selection, mine.ids, mine.list, list) : null;
  const selection = followed?.selection ?? mine?.selection ?? NO_SELECTION;
  const count = selection.indices.size + (followed?.unfound.length ?? 0);
  // Settled in the new list: at once when every photo was found, else once the pages where
  // the others may now sit have loaded (what is still not found went from the list).
  const following = useRef<FollowedList | null>(null);
  useEffect(() => {
    if (!moved || !followed || !list || !mine) return;
    const settle = (next: Selection) => setSelected((now) => (now === mine ? { key, selection: next, list, ids: selectedIds(next, list) } : now));
    if (followed.unfound.length === 0) return settle(followed.selection);
    if (following.current === list) return;
    following.current = list;
    void list
      .resolve(pagesToSearch(followed.unfound, mine.list?.count ?? list.count, list.count))
      .catch(() => undefined)
      .then(() => {
        if (following.current === list) following.current = null;
        settle(followSelection(mine.selection, mine.ids, mine.list, list).selection);
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
        setSelected({ key, selection: next, list, ids: list ? new Map([...(mine?.list === list ? mine.ids : []), ...selectedIds(next, list)]) : new Map() });
        // A new selection starts: the last one's line is old news.
        if (next.indices.size > 0 && selection.indices.size === 0) setNotice(null);
      },
      onDelete: () => setAskTrash((n) => n + 1),
      onFavourite: () => setAskFavourite((n) => n + 1),
      onArchive: () => setAskArchive((n) => n + 1),
      onRotate: (turns) => setAskRotate((ask) => ({ n: ask.n + 1, turns })),
    },
    clear: () => setSelected({ key, selection: NO_SELECTION, list, ids: new Map() }),
    askTrash,
    askFavourite,
    askArchive,
    askRotate,
    notice,
    setNotice,
    noticeUndone,
  };
}

/** The first index of each page where the photos not found may now be: the whole list when it
 *  is short, else each one's page before and after the list grew or shrank. */
function pagesToSearch(unfound: readonly UnfoundPhoto[], oldCount: number, newCount: number): number[] {
  if (newCount <= FIND_IN_PAGES * PAGE_SIZE) return Array.from({ length: Math.ceil(newCount / PAGE_SIZE) }, (_, page) => page * PAGE_SIZE);
  const starts = new Set<number>();
  for (const { index } of unfound) {
    for (const at of [index, index + newCount - oldCount]) {
      if (at >= 0 && at < newCount) starts.add(Math.floor(at / PAGE_SIZE) * PAGE_SIZE);
    }
  }
  return [...starts];
}
