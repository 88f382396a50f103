// The confirmation before anything moves: how many photos from how many groups, how much
// space, where they go (the system trash, where they can be restored), what they hand to the
// photo kept (HAND_OVER_TEXT), and that groups on pages not yet opened are left alone, and a warning when a group is too large to have been
// checked photo by photo (similar look-alikes chain into one group), with a "yes" to tick before
// Move to trash does anything: the core names those groups (the pictures `shoebox dupes --trash`
// refuses without --allow-large-groups). Cancel has the focus, Esc cancels, and Tab stays inside the dialog.
import { useState } from 'react';
import { useModalDialog } from '../../hooks/useModalDialog';
import { formatCount } from '../../lib/format';
import { formatBytes } from '../../../shared/bytes-text';

/** What the trash does with what the user gave the photos that go (src/core/api/keeper-marks.ts:
 *  each passes only where the keeper has none of its own; dates and places set by hand pass too,
 *  to a keeper with none, left unsaid here; the archive never passes, so the keeper stays in view). */
export const HAND_OVER_TEXT = 'Their favourites, descriptions, tags you accepted or rejected and places in albums pass to the photo kept in their group (where it has its own, it keeps its own); being archived does not.';

interface TrashDialogProps {
  paths: string[];
  /** Groups the photos come from. */
  groups: number;
  /** Groups of the report on pages the user has not opened: they stay as they are. */
  unseen: number;
  bytes: number;
  /** Sizes of the groups taking part that the core names large (TrashSelection.largeGroups). */
  largeGroups?: number[];
  onConfirm: () => void;
  onCancel: () => void;
}

export function TrashDialog({ paths, groups, unseen, bytes, largeGroups = [], onConfirm, onCancel }: TrashDialogProps) {
  const { dialog, cancel, onKeyDown } = useModalDialog(onCancel);
  const large = largeGroups.length > 0;
  const [sure, setSure] = useState(false);
  const count = formatCount(paths.length, 'photo');
  const from = formatCount(groups, 'group');
  return (
    <div className="overlay" onClick={(event) => event.target === event.currentTarget && onCancel()}>
      <div className="dupes-dialog" role="dialog" aria-modal="true" aria-labelledby="trash-dialog-title" aria-describedby="trash-dialog-text" ref={dialog} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id="trash-dialog-title">
          Move {count} from {from} to the trash?
        </h2>
        <p id="trash-dialog-text">
          {count} ({formatBytes(bytes)}) from the {from} you have looked at will go to the system trash, where you can restore {paths.length === 1 ? 'it' : 'them'}. The photo marked Keep in each group stays where it is.
          {unseen > 0 && ` The ${formatCount(unseen, 'group')} on pages you have not opened stay as they are.`}
        </p>
        <p className="dupes-dialog__hand-over">{HAND_OVER_TEXT}</p>
        {large && (
          <>
            <p className="dupes-dialog__warning" role="alert">
              {largeGroups.length === 1 ? `One group has ${largeGroups[0]} photos.` : `${largeGroups.length} groups have ${largeGroups.join(', ')} photos.`} A group this large is rarely all copies of one picture (similar shots chain together): check its photos, or skip it, before moving.
            </p>
            <label className="dupes-dialog__warning">
              <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> Yes, move photos of {largeGroups.length === 1 ? 'this large group' : 'these large groups'} too
            </label>
          </>
        )}
        <ul className="dupes-dialog__files" aria-label="Photos to move" tabIndex={0}>
          {paths.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <div className="dupes-dialog__buttons">
          <button type="button" className="button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button--danger-solid" disabled={large && !sure} onClick={onConfirm}>
            Move to trash
          </button>
        </div>
      </div>
    </div>
  );
}
