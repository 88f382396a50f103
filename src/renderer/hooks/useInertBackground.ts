import { useEffect, type RefObject } from 'react';

// Open modals, innermost last: only the innermost is live, everything else on the page is inert.
const modals: HTMLElement[] = [];
// What this module made inert (an element inert for another reason is left as it is).
const madeInert = new Set<Element>();
// Watches the path from the innermost modal up to <body> for new siblings (a banner rendered,
// a portal opened while the modal is up): they are background too.
let watcher: MutationObserver | null = null;

/** Elements that are not content: inert on them changes nothing, and they are left alone. */
const NOT_CONTENT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The background of `modal`: the siblings of the modal and of each of its ancestors up to
 * <body>. Making them inert leaves exactly the modal (and what leads to it) live.
 */
function backgroundOf(modal: HTMLElement): Element[] {
  const found: Element[] = [];
  for (let node: Element = modal; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && !NOT_CONTENT.has(sibling.tagName)) found.push(sibling);
    }
  }
  return found;
}

/** Makes the page behind the innermost open modal inert, and live again what no longer is behind one. */
function update(): void {
  watcher?.disconnect();
  const innermost = modals.findLast((modal) => modal.isConnected) ?? null;
  const wanted = new Set(innermost ? backgroundOf(innermost) : []);
  for (const element of madeInert) {
    if (wanted.has(element)) continue;
    element.removeAttribute('inert');
    madeInert.delete(element);
  }
  for (const element of wanted) {
    if (madeInert.has(element) || element.hasAttribute('inert')) continue;
    element.setAttribute('inert', '');
    madeInert.add(element);
  }
  if (!innermost) return;
  watcher ??= new MutationObserver(update);
  for (let node: Element | null = innermost.parentElement; node && node !== document.documentElement; node = node.parentElement) {
    watcher.observe(node, { childList: true });
  }
}

/**
 * Makes the page behind a modal (role="dialog" aria-modal) inert while it is open: a screen
 * reader's virtual cursor, find-in-page and a click or Tab reach the modal only, as with a
 * native <dialog>. aria-modal alone is not enough: Chromium kept the grid's checkboxes and the
 * sidebar's buttons in the accessibility tree behind Settings and the viewer. Modals nest (the
 * slideshow over the viewer, a confirmation over it): only the innermost is live, and the one
 * under it comes back when it closes. The page is live again in the closing commit, before
 * useReturnFocus gives the focus back to the opener behind (an inert element cannot take it).
 */
export function useInertBackground(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    const modal = ref.current;
    if (!enabled || !modal) return;
    modals.push(modal);
    update();
    return () => {
      modals.splice(modals.indexOf(modal), 1);
      update();
    };
  }, [ref, enabled]);
}
