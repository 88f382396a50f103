import type { ReactNode } from 'react';
import type { PhotoDetails } from '../../shared/api';
import { baseName, formatBytes, formatDate } from '../lib/format';
import { placeLabel } from '../../shared/place-name';
import { TakenAtField } from './TakenAtField';

interface PhotoMetadataProps {
  photo: PhotoDetails;
  /** Shows the timeline of a place: the photo's place ("Arezzo, Italy") is a link to it. */
  onPlace?: (place: string) => void;
  /** Sets its date taken (TakenAtField.tsx); absent while the library is only viewed. */
  editTakenAt?: (takenAt: string | null) => Promise<void>;
}

/** The facts about one photo, as a definition list. */
export function PhotoMetadata({ photo, onPlace, editTakenAt }: PhotoMetadataProps) {
  const camera = [photo.cameraMake, photo.cameraModel].filter(Boolean).join(' ');
  const rows: [string, ReactNode][] = [
    ['Name', baseName(photo.path)],
    // The camera's clock (shared/taken-at.ts), not this viewer's time zone; file times are real instants.
    ['Taken', <TakenAtField key="taken" photo={photo} {...(editTakenAt ? { edit: editTakenAt } : {})} />],
    ['Size', `${photo.width} × ${photo.height} · ${formatBytes(photo.size)}`],
    ['Camera', camera || 'unknown'],
    ['Location', <Location key="location" photo={photo} onPlace={onPlace} />],
    ['Folder', photo.folder],
    ['Path', photo.path],
    ['Modified', formatDate(photo.mtimeMs)],
    ['Indexed', `${formatDate(photo.indexedAt)} with ${photo.modelId}`],
  ];
  return (
    <dl className="metadata">
      {rows.map(([term, value]) => (
        <div key={term} className="metadata__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The town it was taken in (a link to its timeline), then the coordinates; or "none recorded". */
function Location({ photo, onPlace }: PhotoMetadataProps) {
  if (photo.gpsLat === null || photo.gpsLon === null) return <>none recorded</>;
  const coordinates = `${photo.gpsLat.toFixed(5)}, ${photo.gpsLon.toFixed(5)}`;
  if (!photo.place) return <>{coordinates}</>;
  const place = placeLabel(photo.place);
  return (
    <span className="metadata__place">
      {onPlace ? (
        <button type="button" className="link-button" title={`Show the photos taken in ${place}`} onClick={() => onPlace(place)}>
          {place}
        </button>
      ) : (
        <span>{place}</span>
      )}
      <span className="muted small">{coordinates}</span>
    </span>
  );
}
