import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { jumpFocus, type PageStep } from '../lib/grid-jump-keys';
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

/** The parts of a key press the grid reads (a React keyboard event; a plain object in tests). */
export interface GridKeyEvent {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  target: EventTarget | null;
  currentTarget: EventTarget | null;
}

/** What a key did in the grid: moved the focus ring, did something else, or was not the grid's. */
export type GridKeyOutcome = 'moved' | 'acted' | null;

/**
 * One key press in a grid (the grid element, or one of its tiles' buttons, has the focus).
 * A tile's own button (reached with Tab or "Skip to photos", focused by the click that selected
 * it, given the focus back when the viewer closed, or moved to by an arrow) stands for that
 * tile: every key acts from it, wherever the focus ring was (an arrow goes on from that tile,
 * not from the ring). Its open button and its check take Space and Enter as the grid does:
 * Space selects it and Enter opens it (pressed as a button, Space opened the photo right after
 * the viewer closed). Its other buttons (More like this) keep Space and Enter, which press
 * them; a field never stands for the grid.
 * `page`: where PageUp / PageDown go (absent: they are left to the browser, as before).
 */
export function gridKey(event: GridKeyEvent, grid: GridSelection | undefined, columns: number | RowStep, count: number, onOpen: (index: number) => void, page?: PageStep): GridKeyOutcome {
  const target = event.target as HTMLElement | null;
  if (!grid || !target) return null;
  const tile = target !== event.currentTarget && target.tagName === 'BUTTON' ? target.closest<HTMLElement>('.tile') : null;
  const tileButton = tile !== null && (target.classList.contains('tile__open') || target.classList.contains('tile__check'));
  const onTile = tile !== null && (tileButton || (event.key !== ' ' && event.key !== 'Enter'));
  if (!(target === event.currentTarget || onTile)) return null;
  const { onChange } = grid;
  let { selection } = grid;
  const at = tile ? Number(tile.dataset['index']) : NaN;
  if (onTile && Number.isInteger(at) && at >= 0 && at < count) selection = { ...selection, focus: at };
  // Home / End / PageUp / PageDown move the ring too (and so the focus, and the scroll with it).
  const moved = moveFocus(selection, event.key, columns, count, event.shiftKey) ?? (page ? jumpFocus(selection, event.key, page, count, event.shiftKey) : null);
  if (moved) {
    onChange(moved);
    return 'moved';
  }
  if (event.key === ' ' && selection.focus !== null) onChange(toggle(selection, selection.focus));
  else if (event.key === 'Enter' && selection.focus !== null) onOpen(selection.focus);
  else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) onChange(selectAll(selection, count));
  else if (event.key === 'Escape' && selection.indices.size > 0) onChange({ ...selection, indices: new Set() });
  else if ((event.key === 'Delete' || event.key === 'Backspace') && selection.indices.size > 0) grid.onDelete();
  else if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat && selection.indices.size > 0) grid.onFavourite();
  else if (event.key === 'A' && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat && selection.indices.size > 0) grid.onArchive();
  else if (event.key.toLowerCase() === 'r' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat && selection.indices.size > 0) grid.onRotate(event.shiftKey ? -1 : 1);
  else return null;
  return 'acted';
}

/**
 * Keyboard first, as the viewer is: arrows move the focus ring (shift extends the
 * selection), space selects or unselects it, enter opens it, ctrl/cmd-A selects all, Escape
 * clears, Delete asks to move the selection to the trash, F favourites it (as F does in the
 * viewer; when every selected photo is a favourite already, F unmarks them), Shift+A archives
 * it (as in Google Photos; when every selected photo is archived, brings them back), R turns
 * it a quarter right and Shift+R left (as R does in the viewer: a batch of sideways scans).
 * Home / End go to the first / last photo and PageUp / PageDown a screen of rows (`page`).
 *
 * Roving focus, as the grid pattern has it: an arrow gives the DOM focus to the open button of
 * the tile it moved to (`scroller`: the grid's element), so a screen reader says that photo's
 * name, not the grid's; while that tile is not drawn yet (scrolled to, its page loading) the
 * grid holds the focus and the keys, and the tile takes it once drawn. A tile's button that
 * had the focus and leaves the DOM (scrolled out of the window) gives it to the grid, so the
 * keys go on working rather than falling to the page.
 * `columns`: an even grid's columns, or where ArrowUp and ArrowDown go in a grid of uneven rows.
 * `page`: where PageUp and PageDown go; with it, Home and End (ctrl or not) go to the first and
 * last photo of the list, loaded and drawn as an arrow's tile is (the grid scrolls to it).
 */
export function useGridKeys(grid: GridSelection | undefined, columns: number | RowStep, count: number, onOpen: (index: number) => void, scroller?: RefObject<HTMLElement | null>, page?: PageStep) {
  /** An arrow moved the ring: its tile takes the focus once it is drawn. */
  const pending = useRef(false);
  /** What in the grid had the focus last (to give it to the grid when it leaves the DOM). */
  const lastFocused = useRef<HTMLElement | null>(null);
  /** The photo (its id) whose tile had the focus when it got it: tiles are drawn by position,
   *  so when the list changes under the focus (photos added above, one gone), the focused
   *  button shows another photo, which the next Enter or Space would act on. */
  const focusedPhoto = useRef<string | null>(null);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const outcome = gridKey(event, grid, columns, count, onOpen, page);
      if (outcome === null) return;
      event.preventDefault();
      event.stopPropagation();
      if (outcome === 'moved') pending.current = true;
    },
    [grid, columns, count, onOpen, page],
  );

  useEffect(() => {
    const element = scroller?.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      lastFocused.current = event.target instanceof HTMLElement && event.target !== element ? event.target : null;
      focusedPhoto.current = lastFocused.current?.closest<HTMLElement>('.tile')?.dataset['id'] ?? null;
    };
    const onFocusOut = (event: FocusEvent) => {
      // Left for somewhere else on the page: the grid lets it be.
      if (event.relatedTarget instanceof Node && !element.contains(event.relatedTarget)) lastFocused.current = null;
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
    };
  }, [scroller]);

  const focus = grid?.selection.focus ?? null;
  // After every render: the tiles drawn change with the scroll and the pages that come.
  useLayoutEffect(() => {
    const element = scroller?.current;
    if (!element) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    if (pending.current && !lost && !element.contains(active)) pending.current = false; // the user went elsewhere
    if (!pending.current && active instanceof HTMLElement && active !== element && element.contains(active)) followPhoto(element, active, focusedPhoto, focus, pending);
    if (pending.current) {
      const button = focus === null ? null : element.querySelector<HTMLElement>(`.tile[data-index="${focus}"] .tile__open`);
      if (button) {
        pending.current = false;
        if (button !== active) button.focus({ preventScroll: true });
      } else if (active !== element) {
        element.focus({ preventScroll: true });
      }
    } else if (grid && lost && lastFocused.current && !lastFocused.current.isConnected) {
      lastFocused.current = null;
      element.focus({ preventScroll: true });
    }
  });
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
 * The list changed under the focused tile (`active`, one of its buttons): the focus goes with
 * the photo it was on (`held`), as the ring does (the selection follows its photos by id), to
 * that photo's tile where it is drawn, else to the ring's tile once drawn (`pending`; the grid
 * holds the focus and the keys meanwhile, acting from the ring). With no ring, the photo left
 * the list: the photo now in its place, whose tile has the focus, is the sensible neighbour.
 */
function followPhoto(element: HTMLElement, active: HTMLElement, held: { current: string | null }, focus: number | null, pending: { current: boolean }): void {
  const shows = active.closest<HTMLElement>('.tile')?.dataset['id'];
  if (shows === undefined || held.current === null || shows === held.current) return;
  const part = active.classList.contains('tile__similar') ? '.tile__similar' : '.tile__open';
  const tile = element.querySelector<HTMLElement>(`.tile[data-id="${CSS.escape(held.current)}"]`);
  const same = tile?.querySelector<HTMLElement>(part) ?? tile?.querySelector<HTMLElement>('.tile__open');
  if (same) return same.focus({ preventScroll: true });
  if (focus !== null) {
    pending.current = true;
    return;
  }
  held.current = shows;
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
