// The viewer's Archive / Unarchive button, and its key: Shift+A while the viewer is open (as in
// Google Photos; not while typing in a field, nor with ctrl/cmd/alt, which belong to the
// browser). Archived from a timeline, the photo leaves it: the app steps the viewer on.
import type { Photo } from '../../shared/api';
import type { MarkToggle } from '../hooks/useMarkToggle';
import { isTyping, useKeydown } from '../hooks/useShortcut';
import { useViewingOnly } from '../hooks/useViewingOnly';
import { ArchiveIcon } from './ArchiveIcon';

interface ArchiveButtonProps {
  /** undefined while the photo's page loads: the button waits, disabled. */
  photo: Photo | undefined;
  archive: MarkToggle;
  /** After each toggle, with the photo's new state: the viewer says where an archived photo went. */
  onToggled?: (photo: Photo, archived: boolean) => void;
}

export function ArchiveButton({ photo, archive, onToggled }: ArchiveButtonProps) {
  const viewingOnly = useViewingOnly();
  const on = photo ? archive.isOn(photo) : false;
  const toggle = (p: Photo) => {
    const archived = !archive.isOn(p);
    archive.toggle(p);
    onToggled?.(p, archived);
  };

  useKeydown((event) => {
    if (event.key !== 'A' || !event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
    // Holding the keys down must not archive and bring back in turn.
    if (photo && !event.repeat) toggle(photo);
    return true;
  }, !viewingOnly);

  // The archive cannot change while only viewing: the label under the title still says it.
  if (viewingOnly) return null;
  return (
    <button
      type="button"
      className="button"
      title={on ? 'Bring it back to the timeline (Shift+A)' : 'Keep it out of the timeline, still found by search (Shift+A)'}
      disabled={!photo}
      onClick={() => photo && toggle(photo)}
    >
      <ArchiveIcon /> {on ? 'Unarchive' : 'Archive'}
    </button>
  );
}
