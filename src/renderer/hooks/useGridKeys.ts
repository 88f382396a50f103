import { useCallback, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { clickSelect, moveFocus, selectAll, toggle, type RowStep, type Selection } from '../lib/selection';

/** What a grid needs to select: the selection and where its changes and actions go. */
export interface GridSelection {
  selection: Selection;
  onChange: (selection: Selection) => void;
  /** Delete on the keyboard: asks before anything moves (the app's trash dialog). */
  onDelete: () => void;
  /** F on the keyboard: the selection becomes favourites (or stops being, when all are). */
  onFavourite: () => void;
  /** Shift+A on the keyboard: the selection is archived (or brought back, when all of it is). */
  onArchive: () => void;
  /** R on the keyboard: the selection turns a quarter right (Shift+R: `turns` -1, left). */
  onRotate: (turns: number) => void;
}

/**
 * Keyboard first, as the viewer is: arrows move the focus ring (shift extends the
 * selection), space selects or unselects it, enter opens it, ctrl/cmd-A selects all, Escape
 * clears, Delete asks to move the selection to the trash, F favourites it (as F does in the
 * viewer; when every selected photo is a favourite already, F unmarks them), Shift+A archives
 * it (as in Google Photos; when every selected photo is archived, brings them back), R turns
 * it a quarter right and Shift+R left (as R does in the viewer: a batch of sideways scans).
 */
/** `columns`: an even grid's columns, or where ArrowUp and ArrowDown go in a grid of uneven rows. */
export function useGridKeys(grid: GridSelection | undefined, columns: number | RowStep, count: number, onOpen: (index: number) => void) {
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      // A tile's own button (focused by the click that selected it, reached with Tab, or given
      // the focus back when the viewer closed) stands for the grid; a field never does. Its open
      // button and its check take Space and Enter as the grid does, for that tile: Space selects
      // it and Enter opens it (pressed as a button, Space opened the photo right after the viewer
      // closed, and selected once an arrow had moved the focus to the grid). Its other buttons
      // (More like this) keep Space and Enter, which press them.
      const tile = target !== event.currentTarget && target.tagName === 'BUTTON' ? target.closest<HTMLElement>('.tile') : null;
      const tileButton = tile !== null && (target.classList.contains('tile__open') || target.classList.contains('tile__check'));
      const onTile = tile !== null && (tileButton || (event.key !== ' ' && event.key !== 'Enter'));
      if (!grid || !(target === event.currentTarget || onTile)) return;
      const { onChange } = grid;
      let { selection } = grid;
      const at = tileButton ? Number(tile.dataset.index) : NaN;
      // Space and Enter on a tile's button act on that tile, wherever the focus ring was.
      if ((event.key === ' ' || event.key === 'Enter') && Number.isInteger(at)) selection = { ...selection, focus: at };
      const moved = moveFocus(selection, event.key, columns, count, event.shiftKey);
      if (moved) onChange(moved);
      else if (event.key === ' ' && selection.focus !== null) onChange(toggle(selection, selection.focus));
      else if (event.key === 'Enter' && selection.focus !== null) onOpen(selection.focus);
      else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) onChange(selectAll(selection, count));
      else if (event.key === 'Escape' && selection.indices.size > 0) onChange({ ...selection, indices: new Set() });
      else if ((event.key === 'Delete' || event.key === 'Backspace') && selection.indices.size > 0) grid.onDelete();
      else if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat && selection.indices.size > 0) grid.onFavourite();
      else if (event.key === 'A' && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat && selection.indices.size > 0) grid.onArchive();
      else if (event.key.toLowerCase() === 'r' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat && selection.indices.size > 0) grid.onRotate(event.shiftKey ? -1 : 1);
      else return;
      event.preventDefault();
      event.stopPropagation();
      // From a tile's button, the grid takes the focus: Space and Enter then go on acting on the
      // focus ring, and keys go on working once that tile scrolls out of the window.
      if (onTile) (event.currentTarget as HTMLElement).focus({ preventScroll: true });
    },
    [grid, columns, count, onOpen],
  );
  /** A tile's click with its modifier keys; plain clicks open the photo unless photos are selected. */
  const onTileClick = useCallback(
    (index: number, event: MouseEvent, viaCheck: boolean) => {
      const toggleKey = event.ctrlKey || event.metaKey;
      const selecting = (grid?.selection.indices.size ?? 0) > 0;
      if (!grid || (!viaCheck && !event.shiftKey && !toggleKey && !selecting)) return onOpen(index);
      grid.onChange(clickSelect(grid.selection, index, { shift: event.shiftKey, toggle: toggleKey || viaCheck || (selecting && !event.shiftKey) }));
    },
    [grid, onOpen],
  );
  return { onKeyDown, onTileClick };
}

/**
 * The viewer closed on photo `index` (whichever it showed last: opened by a click, stepped with
 * ← →): the grid's keyboard position is that photo, so the arrows go on from there (the focus
 * goes back to its tile) rather than from where the ring was before the viewer opened.
 * `reveal`: the viewer's photo, null while closed; `listKey`: a viewer closed by a change of
 * list (More like this) leaves the new list's position alone.
 */
export function useFocusFollowsViewer(grid: GridSelection | undefined, reveal: number | null, listKey: string): void {
  const latest = useRef(grid);
  latest.current = grid;
  const shown = useRef<{ index: number; listKey: string } | null>(null);
  useEffect(() => {
    if (reveal !== null) {
      shown.current = { index: reveal, listKey };
      return;
    }
    const closed = shown.current;
    shown.current = null;
    const now = latest.current;
    if (!closed || !now || closed.listKey !== listKey || now.selection.focus === closed.index) return;
    now.onChange({ ...now.selection, focus: closed.index });
  }, [reveal, listKey]);
}
