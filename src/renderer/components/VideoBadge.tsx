import type { Photo } from '../../shared/api';
import { formatDuration } from '../../shared/video-time';

/** The corner badge of a video's tile: a play mark and its length (nothing for a photo). */
export function VideoBadge({ photo }: { photo: Photo }) {
  if (photo.kind !== 'video') return null;
  const length = formatDuration(photo.duration ?? 0);
  return (
    <span className="tile__duration" title={`Video, ${length}`} aria-label={`Video, ${length}`}>
      <span aria-hidden="true">▶ </span>
      {length}
    </span>
  );
}
