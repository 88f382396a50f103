import { memo } from 'react';
import type { Photo } from '../../shared/api';
import { baseName } from '../lib/format';

interface PhotoTileProps {
  photo: Photo | undefined;
  index: number;
  size: number;
  thumbUrl: string | null;
  score: number | null;
  onOpen: (index: number) => void;
  onMoreLikeThis: (photo: Photo) => void;
}

/** One square thumbnail: opens the viewer; "more like this" on hover or focus. A placeholder until its page arrives. */
export const PhotoTile = memo(function PhotoTile({ photo, index, size, thumbUrl, score, onOpen, onMoreLikeThis }: PhotoTileProps) {
  if (!photo || !thumbUrl) return <div className="tile tile--placeholder" role="listitem" style={{ width: size, height: size }} aria-label="Loading" />;
  const name = baseName(photo.path);
  return (
    <div className="tile" role="listitem" style={{ width: size, height: size }} data-index={index}>
      <button type="button" className="tile__open" aria-label={`Open ${name}`} title={score === null ? name : `${name} · similarity ${score.toFixed(3)}`} onClick={() => onOpen(index)}>
        <img src={thumbUrl} alt={name} loading="lazy" decoding="async" draggable={false} />
      </button>
      <button type="button" className="tile__similar" aria-label={`More like ${name}`} title="More like this" onClick={() => onMoreLikeThis(photo)}>
        More like this
      </button>
    </div>
  );
});
