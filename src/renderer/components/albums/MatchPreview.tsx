// How many photos the album would hold, while the user edits it, with thumbnails of the best
// matches: the engine computes the draft's members exactly as it will once saved
// (previewAlbum), without saving anything.
import type { AlbumFilters } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useDebounced } from '../../hooks/useDebounced';
import { formatCount } from '../../lib/format';
import { searchErrorText } from '../../lib/filters';

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
    const hasFilters = Object.keys(filters).length > 0;
    return client.previewAlbum({ query: query.trim(), ...(threshold !== null ? { threshold } : {}), ...(hasFilters ? { filters } : {}) }, { limit: THUMBS });
  }, [client, settledKey]);

  if (!props.query.trim()) return <p className="album-preview muted small">Type a query to see what would match.</p>;
  if (state.status === 'error') {
    return (
      <p className="album-preview form-error" role="alert">
        {searchErrorText(state.error ?? state.message)}
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
          : `${formatCount(value.total, 'photo')} ${value.total === 1 ? 'matches' : 'match'} now${props.existing ? ', before your pins and exclusions' : ''}.`}
      </p>
      {value && value.photos.length > 0 && (
        <ul className="album-preview__thumbs" aria-label="Best matches">
          {value.photos.map((p) => (
            <li key={p.id}>
              <img src={client.imageUrl(p.id, 'thumb', p.rotation)} alt="" title={`${p.path} · ${p.score.toFixed(3)}`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
