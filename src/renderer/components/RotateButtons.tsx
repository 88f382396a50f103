// The viewer's Rotate left / Rotate right, and their keys: R turns the photo a quarter right,
// Shift+R left (not while typing in a field, nor with ctrl/cmd/alt, which belong to the
// browser). The engine keeps the turn by content (every copy of the photo) and serves its images
// turned; the listing catches up by itself (photos-changed), and the photo's new image URL
// loads the turned one. A failed turn says why in one line. Videos are not turned.
import { useState } from 'react';
import type { Photo } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { errorMessage, errorName } from '../hooks/useAsync';
import { isTyping, useKeydown } from '../hooks/useShortcut';
import { useViewingOnly } from '../hooks/useViewingOnly';

interface RotateButtonsProps {
  /** undefined while the photo's page loads: the buttons wait, disabled. */
  photo: Photo | undefined;
  /** Whether R / Shift+R are the viewer's (not while a slideshow plays over it). */
  keys: boolean;
  /** The last failed turn, for the photo it was about (null: it went through); `name`: the engine's error's. */
  onError: (error: { id: string; text: string; name?: string } | null) => void;
  /** A turn was asked for (the viewer keeps the focus from falling while the photo reloads). */
  onTurn?: () => void;
}

export function RotateButtons({ photo, keys, onError, onTurn }: RotateButtonsProps) {
  const client = useClient();
  const viewingOnly = useViewingOnly();
  const [busy, setBusy] = useState(0);
  const turnable = !viewingOnly && photo !== undefined && photo.kind !== 'video';

  const rotate = (turns: number) => {
    if (!photo || !turnable) return;
    onError(null);
    onTurn?.();
    setBusy((n) => n + 1);
    client
      .rotatePhotos([photo.id], turns)
      .then(
        (result) => result.missing > 0 && onError({ id: photo.id, text: 'This photo is no longer in the library.' }),
        (e: unknown) => onError({ id: photo.id, text: errorMessage(e).split('\n')[0]!, name: errorName(e) }),
      )
      .finally(() => setBusy((n) => n - 1));
  };

  useKeydown((event) => {
    if (event.key.toLowerCase() !== 'r' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
    // Held down, the key would spin the photo round.
    if (!event.repeat) rotate(event.shiftKey ? -1 : 1);
    return true;
  }, keys && turnable);

  if (viewingOnly || photo?.kind === 'video') return null;
  return (
    <span className="viewer__rotate" role="group" aria-label="Rotate" aria-busy={busy > 0}>
      <button type="button" className="icon-button" aria-label="Rotate left" title="Rotate left (Shift+R)" disabled={!photo} onClick={() => rotate(-1)}>
        <span aria-hidden="true">↺</span>
      </button>
      <button type="button" className="icon-button" aria-label="Rotate right" title="Rotate right (R)" disabled={!photo} onClick={() => rotate(1)}>
        <span aria-hidden="true">↻</span>
      </button>
    </span>
  );
}
