import type { PhotoDetails } from '../../shared/api';
import { takenAtText } from '../../shared/taken-at';
import { baseName, formatBytes, formatDate } from '../lib/format';

/** The facts about one photo, as a definition list. */
export function PhotoMetadata({ photo }: { photo: PhotoDetails }) {
  const camera = [photo.cameraMake, photo.cameraModel].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    ['Name', baseName(photo.path)],
    // The camera's clock (shared/taken-at.ts), not this viewer's time zone; file times are real instants.
    ['Taken', photo.takenAt === null ? 'unknown' : takenAtText(photo.takenAt, photo.takenOffset)],
    ['Size', `${photo.width} × ${photo.height} · ${formatBytes(photo.size)}`],
    ['Camera', camera || 'unknown'],
    ['Location', photo.gpsLat !== null && photo.gpsLon !== null ? `${photo.gpsLat.toFixed(5)}, ${photo.gpsLon.toFixed(5)}` : 'none recorded'],
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
