// Which photos of a grid are selected, by their index in the grid's list (pages load lazily,
// so a photo is resolved to its id only when an action needs it). Click, shift-click and
// ctrl/cmd-click as in a file manager; the keyboard moves a focus ring and selects with it.

export interface Selection {
  readonly indices: ReadonlySet<number>;
  /** Where the last click or space was: shift-click selects from here. */
  readonly anchor: number | null;
  /** The photo the keyboard is on (a ring on its tile). */
  readonly focus: number | null;
}

export const NO_SELECTION: Selection = { indices: new Set(), anchor: null, focus: null };

export interface ClickKeys {
  shift: boolean;
  /** ctrl, or cmd on a Mac. */
  toggle: boolean;
}

function range(a: number, b: number): number[] {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * A click on a photo. Shift: everything from the anchor to it joins (the anchor's range in a
 * file manager). Ctrl/cmd: it is toggled. A plain click selects it alone.
 */
export function clickSelect(selection: Selection, index: number, keys: ClickKeys): Selection {
  if (keys.shift && selection.anchor !== null) {
    const indices = new Set(keys.toggle ? selection.indices : []);
    for (const i of range(selection.anchor, index)) indices.add(i);
    return { indices, anchor: selection.anchor, focus: index };
  }
  if (keys.toggle) return toggle(selection, index);
  return { indices: new Set([index]), anchor: index, focus: index };
}

/** Space on the focused photo, or ctrl/cmd-click: in or out of the selection. */
export function toggle(selection: Selection, index: number): Selection {
  const indices = new Set(selection.indices);
  if (indices.has(index)) indices.delete(index);
  else indices.add(index);
  return { indices, anchor: index, focus: index };
}

/** Whether every photo of [first, first + count) is selected. */
export function allSelected(selection: Selection, first: number, count: number): boolean {
  for (let i = first; i < first + count; i++) if (!selection.indices.has(i)) return false;
  return count > 0;
}

/** How much of [first, first + count) is selected: a day's check shows all, some (mixed) or none. */
export function dayState(selection: Selection, first: number, count: number): 'all' | 'some' | 'none' {
  if (allSelected(selection, first, count)) return 'all';
  for (let i = first; i < first + count; i++) if (selection.indices.has(i)) return 'some';
  return 'none';
}

/** A day header's check (as Google Photos'): its photos join the selection, or leave it when all were in. */
export function toggleRange(selection: Selection, first: number, count: number): Selection {
  const indices = new Set(selection.indices);
  const leave = allSelected(selection, first, count);
  for (let i = first; i < first + count; i++) {
    if (leave) indices.delete(i);
    else indices.add(i);
  }
  return { indices, anchor: first, focus: selection.focus };
}

/** Every photo of the list (ctrl/cmd-A). */
export function selectAll(selection: Selection, count: number): Selection {
  return { indices: new Set(Array.from({ length: count }, (_, i) => i)), anchor: selection.anchor ?? 0, focus: selection.focus ?? 0 };
}

/**
 * Where ArrowUp (`direction` -1) or ArrowDown (1) goes from photo `index`: the photo on screen
 * above or below it. A grid of rows that are not all full (the timeline's days) passes its own;
 * a number is the columns of one even grid.
 */
export type RowStep = (index: number, direction: -1 | 1) => number;

/** Arrow keys: left/right one photo, up/down one row; shift extends the selection as it goes. */
export function moveFocus(selection: Selection, key: string, columns: number | RowStep, count: number, extend: boolean): Selection | null {
  const vertical = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
  const step = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : vertical;
  if (step === 0 || count === 0) return null;
  const from = selection.focus ?? -1;
  const to = vertical === 0 || from < 0 ? from + step : typeof columns === 'number' ? from + vertical * columns : columns(from, vertical);
  const focus = from < 0 ? 0 : Math.min(count - 1, Math.max(0, to));
  if (!extend) return { ...selection, focus };
  const anchor = selection.anchor ?? from;
  const indices = new Set(selection.indices);
  for (const i of range(Math.max(0, anchor), focus)) indices.add(i);
  return { indices, anchor, focus };
}

/** The selected indices in list order. */
export function selectedIndices(selection: Selection): number[] {
  return [...selection.indices].sort((a, b) => a - b);
}

/** What a selection follows its photos in: the list it was made in, or that list refreshed. */
export interface SelectionList {
  get(index: number): { id: string } | undefined;
  /** Where the photo sits among what is loaded, or -1. */
  indexOf(id: string): number;
}

/** A selected photo that a refreshed list has not shown yet: it may be in a page not loaded. */
export interface UnfoundPhoto {
  id: string;
  /** Where it was. */
  index: number;
}

/**
 * The selection made in one list (`from`; `ids`: the photos it named as it was made, where
 * known) in that list refreshed (`to`: another device's commit, a watcher's batch): each
 * photo stays selected wherever it now sits, the anchor and the focus ring stay on theirs.
 * A photo `to` has not loaded (yet) is `unfound`; one whose id was never known is dropped
 * (its position now names another photo).
 */
export function followSelection(selection: Selection, ids: ReadonlyMap<number, string>, from: SelectionList | null, to: SelectionList): { selection: Selection; unfound: UnfoundPhoto[] } {
  const idAt = (index: number) => ids.get(index) ?? from?.get(index)?.id;
  const indices = new Set<number>();
  const unfound: UnfoundPhoto[] = [];
  for (const index of selection.indices) {
    const id = idAt(index);
    if (id === undefined) continue;
    const at = to.indexOf(id);
    if (at >= 0) indices.add(at);
    else unfound.push({ id, index });
  }
  const follow = (index: number | null) => {
    const id = index === null ? undefined : idAt(index);
    const at = id === undefined ? -1 : to.indexOf(id);
    return at >= 0 ? at : null;
  };
  return { selection: { indices, anchor: follow(selection.anchor), focus: follow(selection.focus) }, unfound };
}

/** The ids of the selected photos that `list` has loaded, by index. */
export function selectedIds(selection: Selection, list: SelectionList): Map<number, string> {
  const ids = new Map<number, string>();
  for (const index of selection.indices) {
    const id = list.get(index)?.id;
    if (id !== undefined) ids.set(index, id);
  }
  for (const index of [selection.anchor, selection.focus]) {
    const id = index === null ? undefined : list.get(index)?.id;
    if (index !== null && id !== undefined) ids.set(index, id);
  }
  return ids;
}
