import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useReturnFocus } from './useReturnFocus';
import { useFocusTrap } from './useFocusTrap';

/** What a confirmation dialog needs: refs for the dialog and its Cancel button, and its key handler. */
export interface ModalDialog {
  dialog: RefObject<HTMLDivElement | null>;
  cancel: RefObject<HTMLButtonElement | null>;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/**
 * A modal confirmation's keyboard behaviour: Cancel (or `start`) has the focus when it opens, Esc cancels,
 * Tab and Shift-Tab cycle through what can take the focus inside. Keys go no further than
 * the dialog: the app's own shortcuts ("/" focuses the search box, "," opens settings) must
 * not act behind a modal. Closed, it gives the focus back to what had it (or to `returnTo()`,
 * when what had it was another dialog that led to this one).
 */
export function useModalDialog(onCancel: () => void, returnTo?: () => HTMLElement | null, start?: RefObject<HTMLElement | null>): ModalDialog {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useReturnFocus(returnTo);
  // `start`: a dialog taller than the screen (the shortcuts) focuses its title (tabIndex -1), as
  // the ARIA dialog pattern advises: its Cancel sits below the fold, where a focus is not seen.
  useEffect(() => (start?.current ?? cancel.current)?.focus({ preventScroll: true }), [start]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  useFocusTrap(dialog);
  return { dialog, cancel, onKeyDown };
}
