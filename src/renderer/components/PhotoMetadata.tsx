import { Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import type { LibraryApi, PhotoDetails, PhotoShot, PlaceSetting } from '../../shared/api';
import { ClientContext } from '../client/ClientContext';
import { formatDuration } from '../../shared/video-time';
import { baseName, formatDate } from '../lib/format';
import { formatBytes } from '../../shared/bytes-text';
import { cameraName } from '../../shared/camera-text';
import { exposureText } from '../../shared/exposure-text';
import { DescriptionField } from './DescriptionField';
import { PlaceField } from './PlaceField';
import { TakenAtField } from './TakenAtField';

interface PhotoMetadataProps {
  photo: PhotoDetails;
  /** Shows the timeline of a place: the photo's place ("Arezzo, Italy") is a link to it. */
  onPlace?: (place: string) => void;
  /** Sets its date taken (TakenAtField.tsx); absent while the library is only viewed. */
  editTakenAt?: (takenAt: string | null) => Promise<void>;
  /** Sets its place (PlaceField.tsx); absent while the library is only viewed. */
  editPlace?: (position: PlaceSetting) => Promise<void>;
  /** Sets its description (DescriptionField.tsx); absent while the library is only viewed. */
  editDescription?: (text: string | null) => Promise<void>;
}

/**
 * A folder or a path that wraps after its separators, never inside a name that fits on a line:
 * "/tmp/ux37/photos/" then "Phone/IMG_0042.JPG", not "/tmp/ux37/photos/Phon" then "e/…". A
 * <wbr> after each "/" (or "\\") lets the line break there; copying the text gives the path
 * as it is.
 */
export function BreakablePath({ path }: { path: string }) {
  const parts = path.split(/(?<=[/\\])/);
  return (
    <span className="metadata__path">
      {parts.map((part, i) => (
        // No break right after the root ("/", a share's "\\"): it would sit on a line by itself.
        <Fragment key={i}>
          {i > 0 && !/^[/\\]+$/.test(parts[i - 1] ?? '') && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/**
 * Asks how photo `id` was taken (LibraryApi.photoShot: a read of its file, slow on a far disk,
 * so the other details do not wait for it) and hands the answer to `show`, unless the returned
 * stop was called first (another photo shown since): a stale answer is dropped. A photo gone
 * since, or a failed call, shows nothing.
 */
export function followPhotoShot(client: Pick<LibraryApi, 'photoShot'>, id: string, show: (shot: PhotoShot) => void): () => void {
  let current = true;
  client.photoShot(id).then(
    (shot) => current && shot && show(shot),
    () => {},
  );
  return () => {
    current = false;
  };
}

/** How photo `id` was taken, once its file answered; null until then (or without a client). */
function usePhotoShot(id: string): PhotoShot | null {
  // Without a client (a page rendered on its own) there is nothing to ask: no rows.
  const client = useContext(ClientContext);
  const [answer, setAnswer] = useState<{ id: string; shot: PhotoShot } | null>(null);
  useEffect(() => (client ? followPhotoShot(client, id, (shot) => setAnswer({ id, shot })) : undefined), [client, id]);
  // Only the shown photo's: an answer kept for the photo shown before is not its.
  return answer?.id === id ? answer.shot : null;
}

/** The facts about one photo, as a definition list; how it was taken once its file answers. */
export function PhotoMetadata(props: PhotoMetadataProps) {
  return <PhotoFacts {...props} shot={usePhotoShot(props.photo.id)} />;
}

/** PhotoMetadata's list, with how the photo was taken when known (`shot`: null while not). */
export function PhotoFacts({ photo, shot, onPlace, editTakenAt, editPlace, editDescription }: PhotoMetadataProps & { shot: PhotoShot | null }) {
  // Worded as `shoebox show` words them (shared/camera-text.ts, shared/exposure-text.ts).
  const camera = cameraName(photo.cameraMake, photo.cameraModel);
  const exposure = exposureText(shot?.exposure);
  const rows: [string, ReactNode][] = [
    ['Name', baseName(photo.path)],
    ['Description', <DescriptionField key="description" photo={photo} {...(editDescription ? { edit: editDescription } : {})} />],
    // The camera's clock (shared/taken-at.ts), not this viewer's time zone; file times are real instants.
    ['Taken', <TakenAtField key="taken" photo={photo} {...(editTakenAt ? { edit: editTakenAt } : {})} />],
    ['Size', `${photo.width} × ${photo.height} · ${formatBytes(photo.size)}`],
    // A video's length, as its tile's badge says it: the player shows it only once the file
    // plays, and never for a format this browser cannot play.
    ...(photo.kind === 'video' && photo.duration !== undefined ? [['Length', formatDuration(photo.duration)] as [string, ReactNode]] : []),
    ['Camera', camera || 'unknown'],
    // Read from the file once the photo shows (photoShot): absent for a video or a file not reachable here.
    ...(shot?.lens !== undefined ? [['Lens', shot.lens] as [string, ReactNode]] : []),
    ...(exposure ? [['Exposure', exposure] as [string, ReactNode]] : []),
    ['Location', <PlaceField key="location" photo={photo} onPlace={onPlace} {...(editPlace ? { edit: editPlace } : {})} />],
    ['Folder', <BreakablePath key="folder" path={photo.folder} />],
    ['Path', <BreakablePath key="path" path={photo.path} />],
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
