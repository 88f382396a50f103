// A control that disables itself while its action runs (Save, Import, a checkbox whose write
// is on its way) takes the keyboard focus with it: the browser drops it to <body>, and a
// keyboard or screen-reader user starts again from the top of the page. The guard puts it on
// the control's own section, form, toolbar or dialog instead, and gives it back to the control
// once it is enabled again (the action failed, or is done and can run again). Not on the next
// control: that is often the opposite action (Import's Stop, Save's Cancel), one Enter away.
// A focus parked so counts as lost for the app's own moves (useRefocus' focusLost): the line
// an action names as its outcome ("Saved.", the new heading) still takes it.
import { useEffect } from 'react';

/** Where a disabled control's focus is parked: the nearest of these around it. */
const REGION = '[role="dialog"], [role="alertdialog"], [role="toolbar"], [role="group"], form, fieldset, section, aside, nav, main';
/** How long the control is waited for to be enabled again. */
const WATCH_MS = 60_000;

/** The control whose focus was parked, and where. */
let parked: { from: HTMLElement; at: HTMLElement } | null = null;
let stopWatch: () => void = () => {};

/** Whether the focus is where the guard parked it (not where the user or the app put it). */
export function focusParked(): boolean {
  return parked !== null && document.activeElement === parked.at;
}

function unpark(): void {
  stopWatch();
  stopWatch = () => {};
  parked = null;
}

/** The region around `control` that takes its focus: focusable by script only, for as long as it has it. */
function regionOf(control: HTMLElement): HTMLElement {
  const region = control.parentElement?.closest<HTMLElement>(REGION) ?? document.querySelector<HTMLElement>('main') ?? document.body;
  if (!region.hasAttribute('tabindex')) {
    region.setAttribute('tabindex', '-1');
    region.addEventListener('blur', () => region.removeAttribute('tabindex'), { once: true });
  }
  return region;
}

function park(control: HTMLElement): void {
  // A region disabled in turn (a fieldset) keeps the first control as the one to return to.
  const from = parked && parked.at === control ? parked.from : control;
  unpark();
  const at = regionOf(control);
  parked = { from, at };
  at.focus({ preventScroll: true });
  const until = performance.now() + WATCH_MS;
  let frame = 0;
  const tick = () => {
    if (parked === null) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body || active === parked.at;
    if (!lost || performance.now() >= until) return unpark();
    if (parked.from.isConnected && !parked.from.matches(':disabled')) {
      const back = parked.from;
      unpark();
      back.focus({ preventScroll: true });
      return;
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  stopWatch = () => cancelAnimationFrame(frame);
}

/** Installs the guard on the document; returns its removal. */
export function installFocusGuard(): () => void {
  const onFocusOut = (event: FocusEvent) => {
    const control = event.target;
    // Left for nowhere because it was disabled (a move to another element names it).
    if (!(control instanceof HTMLElement) || event.relatedTarget !== null || !control.matches(':disabled')) return;
    // After the render that disabled it is done, and only if nothing has taken the focus since.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (control.isConnected && (active === null || active === document.body)) park(control);
    });
  };
  // The user (or the app) put the focus somewhere: the guard lets it be.
  const onFocusIn = (event: FocusEvent) => {
    if (parked && event.target !== parked.at) unpark();
  };
  document.addEventListener('focusout', onFocusOut, true);
  document.addEventListener('focusin', onFocusIn, true);
  document.addEventListener('pointerdown', unpark, true);
  return () => {
    document.removeEventListener('focusout', onFocusOut, true);
    document.removeEventListener('focusin', onFocusIn, true);
    document.removeEventListener('pointerdown', unpark, true);
    unpark();
  };
}

/** The guard for as long as the app is mounted. */
export function useFocusGuard(): void {
  useEffect(() => installFocusGuard(), []);
}
