import { useEffect, type RefObject } from 'react';

/** What Tab can reach inside a modal: enabled controls, links, players, and what opted in. */
const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), video[controls], [tabindex]:not([tabindex="-1"])';

/** The controls of `root` Tab goes through, in document order; hidden ones left out. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

// Open modals, innermost last: only it keeps the focus (a dialog over the viewer over the page).
const traps: HTMLElement[] = [];

/**
 * Keeps the keyboard inside a modal (role="dialog" aria-modal) while it is open: Tab and
 * Shift-Tab cycle through its controls, and a focus that lands outside it (on the page behind,
 * or on the body when a control inside disappears) comes back to it. Without it Tab walked out
 * of the viewer into the search box behind it, and typing there changed the list the viewer
 * steps through.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    const root = ref.current;
    if (!enabled || !root) return;
    traps.push(root);
    const innermost = () => traps[traps.length - 1] === root;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented || !innermost()) return;
      const items = focusableIn(root);
      const active = document.activeElement;
      const at = active instanceof HTMLElement ? items.indexOf(active) : -1;
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
