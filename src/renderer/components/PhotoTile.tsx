import { memo, useState, type MouseEvent } from 'react';
import type { Photo, PhotoHit } from '../../shared/api';
import { baseName } from '../lib/format';
import { tileTitle } from '../lib/tile-title';
import { useCanSearch } from '../hooks/useViewingOnly';
import { ArchivedBadge } from './ArchivedBadge';
import { FavouriteBadge } from './FavouriteBadge';
import { VideoBadge } from './VideoBadge';
import { formatDuration } from '../../shared/video-time';

interface PhotoTileProps {
  photo: Photo | undefined;
  index: number;
  size: number;
  thumbUrl: string | null;
  score: number | null;
  /** No date taken recorded: the timeline placed it by the file's time (marked on the tile). */
  fileTime?: boolean;
  /** A fling is passing: a tile that has not shown its thumbnail yet waits to ask for it (a
   *  tile on screen for a few frames would queue a request the resting screen waits behind). */
  deferImage?: boolean;
  /** In the grid's selection; `focused`: the keyboard's ring is on it. */
  selected?: boolean;
  focused?: boolean;
  /** The grid's one Tab stop (its Open button, then its More like this); every other tile's
   *  buttons are out of the Tab order, reached with the arrows (useGridTabStop). */
  tabStop?: boolean;
  /** Clicks with their modifier keys (selection); absent: a click opens the photo. */
  onClick?: (index: number, event: MouseEvent, viaCheck: boolean) => void;
  onOpen: (index: number) => void;
  onMoreLikeThis: (photo: Photo) => void;
}

/** One square thumbnail: opens the viewer (or selects); "more like this" on hover or focus. A placeholder until its page arrives. */
export const PhotoTile = memo(function PhotoTile({ photo, index, size, thumbUrl, score, fileTime = false, deferImage = false, selected = false, focused = false, tabStop = false, onClick, onOpen, onMoreLikeThis }: PhotoTileProps) {
  // Once asked for, a thumbnail stays: a fling starting must not blank the tiles on screen.
  const [imageAsked, setImageAsked] = useState(!deferImage);
  if (!deferImage && !imageAsked) setImageAsked(true);
  // "More like this" compares with the model's vectors of this device: none without a model
  // (it only reads, so another process writing the library does not stop it).
  const canSearch = useCanSearch();
  if (!photo || !thumbUrl) return <div className={`tile tile--placeholder${focused ? ' tile--focused' : ''}`} role="listitem" style={{ width: size, height: size }} aria-label="Loading" />;
  const name = baseName(photo.path);
  // A video says so, and its length, in the name a screen reader reads (its badge is only seen).
  const label = photo.kind === 'video' ? `Open video ${name}, ${formatDuration(photo.duration ?? 0)}` : `Open ${name}`;
  const classes = `tile${selected ? ' tile--selected' : ''}${focused ? ' tile--focused' : ''}`;
  return (
    <div className={classes} role="listitem" style={{ width: size, height: size }} data-index={index} data-id={photo.id} aria-current={focused ? 'true' : undefined}>
      <button
        type="button"
        className="tile__open"
        aria-label={label}
        tabIndex={tabStop ? 0 : -1}
        title={tileTitle(name, score, (photo as Partial<PhotoHit>).photoText)}
        onClick={(event) => (onClick ? onClick(index, event, false) : onOpen(index))}
      >
        {imageAsked && <img src={thumbUrl} alt={name} loading="lazy" decoding="async" draggable={false} />}
      </button>
      {onClick && (
        <button type="button" className="tile__check" role="checkbox" aria-checked={selected} aria-label={`Select ${name}`} tabIndex={-1} onClick={(event) => onClick(index, event, true)}>
          <span aria-hidden="true">✓</span>
        </button>
      )}
      <FavouriteBadge photo={photo} />
      <ArchivedBadge photo={photo} />
      <VideoBadge photo={photo} />
      {fileTime && (
        <span className="tile__file-time" title="No date taken recorded: placed by the file's date">
          file date
        </span>
      )}
      {canSearch && (
        <button type="button" className="tile__similar" aria-label={`More like ${name}`} title="More like this" tabIndex={tabStop ? 0 : -1} onClick={() => onMoreLikeThis(photo)}>
          More like this
        </button>
      )}
    </div>
  );
});
