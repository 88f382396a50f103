// How many photos the album would hold, while the user edits it (album-preview.ts says how
// it is counted), with thumbnails of the best matches.
import type { AlbumFilters } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useDebounced } from '../../hooks/useDebounced';
import { formatCount } from '../../lib/format';
import { searchErrorText } from '../../lib/filters';
import { countAlbumMatches } from './album-preview';

const THUMBS = 8;

interface MatchPreviewProps {
  query: string;
  /** null: the filters cannot be used as typed (the form says why). */
  filters: AlbumFilters | null;
  /** null: automatic. */
  threshold: number | null;
  /** Editing a saved album: its pins and exclusions are not counted here. */
  existing: boolean;
}

export function MatchPreview(props: MatchPreviewProps) {
  const client = useClient();
  const key = JSON.stringify([props.query, props.filters, props.threshold]);
  const settledKey = useDebounced(key, 400);
  const [query, filters, threshold] = JSON.parse(settledKey) as [string, AlbumFilters | null, number | null];
  const [state] = useAsync(async () => {
    if (!query.trim() || !filters) return null;
    return countAlbumMatches(client, { query: query.trim(), filters, threshold }, THUMBS);
  }, [client, settledKey]);

  if (!props.query.trim()) return <p className="album-preview muted small">Type a query to see what would match.</p>;
  if (state.status === 'error') {
    return (
      <p className="album-preview form-error" role="alert">
        {searchErrorText(state.message)}
      </p>
    );
  }
  const stale = state.status === 'loading' || settledKey !== key;
  const value = state.status === 'ready' ? state.value : null;
  return (
    <div className={stale ? 'album-preview album-preview--stale' : 'album-preview'} aria-busy={stale}>
      <p className="small" aria-live="polite">
        {value === null
          ? 'Counting…'
          : `${value.more ? 'At least ' : ''}${formatCount(value.count, 'photo')} ${value.count === 1 && !value.more ? 'matches' : 'match'} now${props.existing ? ', before your pins and exclusions' : ''}.`}
      </p>
      {value && value.best.length > 0 && (
        <ul className="album-preview__thumbs" aria-label="Best matches">
          {value.best.map((p) => (
            <li key={p.id}>
              <img src={client.imageUrl(p.id, 'thumb')} alt="" title={`${p.path} · ${p.score.toFixed(3)}`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
