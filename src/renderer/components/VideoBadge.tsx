import type { Photo } from '../../shared/api';
import { formatDuration } from '../../shared/video-time';

/** The corner badge of a video's tile: a play mark and its length (nothing for a photo). Seen,
 *  not read: the tile's Open button names the video and its length ("Open video a.mp4, 0:08"). */
export function VideoBadge({ photo }: { photo: Photo }) {
  if (photo.kind !== 'video') return null;
  const length = formatDuration(photo.duration ?? 0);
  return (
    <span className="tile__duration" title={`Video, ${length}`} aria-hidden="true">
      <span>▶ </span>
      {length}
    </span>
  );
}
