import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useReturnFocus } from '../hooks/useReturnFocus';

interface InlineConfirmProps {
  label: string;
  message: string;
  action: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The safe choice's name ("Cancel", "Keep it"). */
  cancelLabel?: string;
  /** Where the focus goes back to when it closes, when not the control that opened it (that
   *  one was swapped for this confirmation and rendered again after it). */
  opener?: () => HTMLElement | null;
  className?: string;
}

/**
 * A destructive action's inline confirmation: what will happen, then the action or the safe
 * choice. An alertdialog, as a screen reader should hear the question at once: the safe choice
 * has the focus when it opens (Enter pressed twice must not delete), Esc cancels, and once it
 * closes the focus goes back to what opened it.
 */
export function InlineConfirm({ label, message, action, onConfirm, onCancel, cancelLabel = 'Cancel', opener, className = 'confirm' }: InlineConfirmProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const text = useId();
  useReturnFocus(opener);
  useEffect(() => cancel.current?.focus({ preventScroll: true }), []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    // Only this confirmation closes: not the editor or the view around it.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
  return (
    <div className={className} role="alertdialog" aria-label={label} aria-describedby={text} onKeyDown={onKeyDown}>
      <p id={text}>{message}</p>
      <div className="confirm__buttons">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {action}
        </button>
        <button type="button" className="button" ref={cancel} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
