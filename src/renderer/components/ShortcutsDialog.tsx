import { useRef } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';
import { ShortcutsList } from './ShortcutsList';

/** "?" anywhere (not while typing): the keyboard shortcuts; Esc, Close or a click outside closes it. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  // The title takes the focus: seen at the top, read with the dialog's name; Tab goes on to Close.
  const title = useRef<HTMLHeadingElement>(null);
  const { dialog, cancel, onKeyDown } = useModalDialog(onClose, undefined, title);
  return (
    <div className="overlay" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dupes-dialog shortcuts-dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" ref={dialog} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id="shortcuts-title" ref={title} tabIndex={-1}>Keyboard shortcuts</h2>
        <ShortcutsList headingLevel={3} />
        <div className="dupes-dialog__buttons">
          <button type="button" className="button" ref={cancel} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
