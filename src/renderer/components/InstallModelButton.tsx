// The first-run screen's and the viewing-only banner's Install (Try again after a failed
// download): pressing it starts the focus following (useFocusFollow) before the download
// takes its place, so the focus goes on to the progress bar rather than to the page.
import type { RefObject } from 'react';

interface InstallModelButtonProps {
  id: string | null;
  /** The last download of it failed: the button offers to try again. */
  failed: boolean;
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** The focus follows what replaces the button (useFocusFollow's start). */
  followFocus: () => void;
  install: () => Promise<unknown>;
}

export function InstallModelButton({ id, failed, buttonRef, followFocus, install }: InstallModelButtonProps) {
  return (
    <button
      type="button"
      className="button button--primary"
      ref={buttonRef}
      onClick={() => {
        followFocus();
        void install();
      }}
    >
      {failed ? `Try again: install ${id}` : `Install ${id}`}
    </button>
  );
}
