import { useEffect, type RefObject } from 'react';
import { useInertBackground } from './useInertBackground';

/** What Tab can reach inside a modal: enabled controls, links, players, and what opted in. */
const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), video[controls], [tabindex]:not([tabindex="-1"])';

/** The controls of `root` Tab goes through, in document order; hidden ones left out; a radio group once (tabStops). */
export function focusableIn(root: HTMLElement, backwards = false): HTMLElement[] {
  const shown = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  return tabStops(shown, radioOf, backwards);
}

/** A control as a radio of a group: the group is its name within `owner`. */
export interface Radio {
  owner: unknown;
  name: string;
  checked: boolean;
}

/** A named radio button's group and state, as the browser groups them (by name, in its form or else its document); null for any other control. */
function radioOf(el: Element): Radio | null {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.name === '') return null;
  return { owner: el.form ?? el.getRootNode(), name: el.name, checked: el.checked };
}

/**
 * The Tab stops among `controls` (in document order), as the browser goes through them: of a
 * radio group only one, its checked radio, or if none is checked the first (Tab) or the last
 * (Shift+Tab, `backwards`); arrow keys move within the group. Counting every radio made the
 * trap take an unchecked "Dark" for Settings' last stop: Tab from the checked "System" was
 * left to the browser, which went out of the dialog.
 */
export function tabStops<T>(controls: T[], radio: (control: T) => Radio | null, backwards = false): T[] {
  const groups = new Map<unknown, Map<string, { stop: T; checked: boolean }>>();
  const stopOf = new Map<T, { owner: unknown; name: string }>();
  for (const control of controls) {
    const r = radio(control);
    if (r === null) continue;
    stopOf.set(control, r);
    let byName = groups.get(r.owner);
    if (!byName) groups.set(r.owner, (byName = new Map()));
    const held = byName.get(r.name);
    if (held === undefined || (!held.checked && (r.checked || backwards))) byName.set(r.name, { stop: control, checked: r.checked });
  }
  return controls.filter((control) => {
    const r = stopOf.get(control);
    return r === undefined || groups.get(r.owner)?.get(r.name)?.stop === control;
  });
}

/** Where `active` is among the Tab stops `items`: its own place, or its radio group's stop (a radio the arrow keys reached). */
function stopIndex(items: HTMLElement[], active: Element | null): number {
  if (!(active instanceof HTMLElement)) return -1;
  const at = items.indexOf(active);
  if (at !== -1) return at;
  const own = radioOf(active);
  if (own === null) return -1;
  return items.findIndex((item) => {
    const r = radioOf(item);
    return r !== null && r.owner === own.owner && r.name === own.name;
  });
}

// Open modals, innermost last: only it keeps the focus (a dialog over the viewer over the page).
const traps: HTMLElement[] = [];

/**
 * Keeps the keyboard inside a modal (role="dialog" aria-modal) while it is open: Tab and
 * Shift-Tab cycle through its controls, and a focus that lands outside it (on the page behind,
 * or on the body when a control inside disappears) comes back to it. Without it Tab walked out
 * of the viewer into the search box behind it, and typing there changed the list the viewer
 * steps through. The page behind is inert meanwhile (useInertBackground), so a screen reader
 * does not read it either: every modal goes through here (the slideshow, with its own Tab
 * cycling, calls useInertBackground itself).
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useInertBackground(ref, enabled);
  useEffect(() => {
    const root = ref.current;
    if (!enabled || !root) return;
    traps.push(root);
    const innermost = () => traps[traps.length - 1] === root;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented || !innermost()) return;
      const items = focusableIn(root, event.shiftKey);
      const at = stopIndex(items, document.activeElement);
      // Inside the modal and not at an end: the browser's own order.
      if (at !== -1 && !(event.shiftKey ? at === 0 : at === items.length - 1)) return;
      event.preventDefault();
      if (items.length === 0) root.focus();
      else items[event.shiftKey ? items.length - 1 : 0]!.focus();
    };
    const onFocusIn = (event: FocusEvent) => {
      if (innermost() && root.isConnected && event.target instanceof Node && !root.contains(event.target)) root.focus({ preventScroll: true });
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      traps.splice(traps.indexOf(root), 1);
    };
  }, [ref, enabled]);
}
