// An archived photo says so wherever it still turns up (search results, "More like this",
// albums, the duplicates review, the Archive itself): a small box on its tile, beside the
// favourite's heart (archive.css places it), and a label under the viewer's title.
import type { Photo } from '../../shared/api';
import { ArchiveIcon } from './ArchiveIcon';

const HINT = 'Archived: left out of your timeline, still found by search';

/** The tile's badge, bottom left (after the heart, before a video's length). */
export function ArchivedBadge({ photo }: { photo: Photo }) {
  if (!photo.archived) return null;
  return (
    <span className="tile__mark tile__archived" role="img" aria-label="Archived" title={HINT}>
      <ArchiveIcon />
    </span>
  );
}

/** The viewer's label: `archived` is what the viewer shows (set there last, else the listing's). */
export function ArchivedLabel({ archived }: { archived: boolean }) {
  if (!archived) return null;
  return (
    <p className="archived-label small" title={HINT}>
      <ArchiveIcon /> Archived
    </p>
  );
}
