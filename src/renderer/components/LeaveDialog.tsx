// Asked before leaving an editor with changes not saved (hooks/useUnsavedChanges.ts), as the
// trash is asked about (SelectionTrashDialog): "Keep editing", the safe choice, has the focus,
// Esc keeps editing, Tab stays inside.
import { useModalDialog } from '../hooks/useModalDialog';

interface LeaveDialogProps {
  /** What has changes not saved ("the label set “animals”"). */
  what: string;
  onLeave: () => void;
  onStay: () => void;
}

export function LeaveDialog({ what, onLeave, onStay }: LeaveDialogProps) {
  const { dialog, cancel, onKeyDown } = useModalDialog(onStay);
  return (
    <div className="overlay" onClick={(event) => event.target === event.currentTarget && onStay()}>
      <div className="dupes-dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-text" ref={dialog} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id="leave-title">Leave without saving?</h2>
        <p id="leave-text">Your changes to {what} are not saved: leaving drops them.</p>
        <div className="dupes-dialog__buttons">
          <button type="button" className="button button--danger" onClick={onLeave}>
            Leave without saving
          </button>
          <button type="button" className="button button--primary" ref={cancel} onClick={onStay}>
            Keep editing
          </button>
        </div>
      </div>
    </div>
  );
}
