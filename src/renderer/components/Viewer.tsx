import { useEffect, useRef } from 'react';
import type { Photo } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useKeydown } from '../hooks/useShortcut';
import { baseName, formatTotal } from '../lib/format';
import type { PagedPhotos } from '../lib/paged-photos';
import { PhotoMetadata } from './PhotoMetadata';
import { RevealButton } from './RevealButton';
import { PhotoTags } from './tags/PhotoTags';

interface ViewerProps {
  source: PagedPhotos;
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
  onMoreLikeThis: (photo: Photo) => void;
}

/** One photo large, with its metadata. ← / → step through the current list, Esc closes. */
export function Viewer({ source, index, onIndex, onClose, onMoreLikeThis }: ViewerProps) {
  const client = useClient();
  const dialog = useRef<HTMLDivElement>(null);
  const photo = source.get(index);
  const count = source.count;
  const [details] = useAsync(() => (photo ? client.getPhoto(photo.id) : Promise.resolve(null)), [client, photo?.id]);

  // Neighbours load ahead, so stepping does not wait on a page fetch.
  useEffect(() => source.request(Math.max(0, index - 1), index + 2), [source, index]);
  useEffect(() => dialog.current?.focus(), []);

  const previous = () => index > 0 && onIndex(index - 1);
  const next = () => index + 1 < count && onIndex(index + 1);

  useKeydown((event) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowLeft') previous();
    else if (event.key === 'ArrowRight') next();
    else return false;
    return true;
  });

  const name = photo ? baseName(photo.path) : 'Loading…';
  return (
    <div className="viewer" role="dialog" aria-modal="true" aria-label={`Photo viewer: ${name}`} ref={dialog} tabIndex={-1}>
      <div className="viewer__stage">
        {photo && (
          <img
            key={photo.id}
            className="viewer__image"
            src={client.imageUrl(photo.id, 'image')}
            alt={name}
            draggable={false}
          />
        )}
        <button type="button" className="viewer__nav viewer__nav--prev" aria-label="Previous photo" disabled={index === 0} onClick={previous}>
          ‹
        </button>
        <button type="button" className="viewer__nav viewer__nav--next" aria-label="Next photo" disabled={index + 1 >= count} onClick={next}>
          ›
        </button>
      </div>
      <aside className="viewer__side">
        <div className="viewer__bar">
          <span className="viewer__position">
            {(index + 1).toLocaleString()} of {formatTotal(count, source.complete)}
          </span>
          <button type="button" className="icon-button" aria-label="Close viewer" title="Close (Esc)" onClick={onClose}>
            ×
          </button>
        </div>
        <h2 className="viewer__title" title={photo?.path}>
          {name}
        </h2>
        {photo && (
          <button type="button" className="button" onClick={() => onMoreLikeThis(photo)}>
            More like this
          </button>
        )}
        {photo && <RevealButton key={photo.id} photo={async () => photo} />}
        {details.status === 'ready' && details.value && details.value.id === photo?.id && <PhotoTags id={details.value.id} tags={details.value.tags} />}
        {details.status === 'ready' && details.value && <PhotoMetadata photo={details.value} />}
        {details.status === 'error' && <p className="form-error">{details.message}</p>}
        <p className="viewer__keys muted small">← → to step through · Esc to close</p>
      </aside>
    </div>
  );
}
