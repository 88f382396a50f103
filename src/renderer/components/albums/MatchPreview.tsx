// How many photos the album would hold, while the user edits it: the same query and
// filters run through search(), whose relevance cut-off is the automatic threshold. A
// fixed threshold is applied to the scores; one below the search's own cut-off would
// admit weaker matches the search does not return, hence "at least".
import type { SearchFilters } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useDebounced } from '../../hooks/useDebounced';
import { formatCount } from '../../lib/format';

/** Largest page search() answers: counts above it read "1,000+". */
const PREVIEW_LIMIT = 1000;
const THUMBS = 8;

interface MatchPreviewProps {
  query: string;
  filters: SearchFilters | null;
  /** null: automatic. */
  threshold: number | null;
  /** Editing a saved album: its pins and exclusions are not counted here. */
  existing: boolean;
}

export function MatchPreview(props: MatchPreviewProps) {
  const client = useClient();
  const key = JSON.stringify([props.query, props.filters, props.threshold]);
  const settledKey = useDebounced(key, 400);
  const [query, filters, threshold] = JSON.parse(settledKey) as [string, SearchFilters | null, number | null];
  const [state] = useAsync(async () => {
    if (!query.trim() || !filters) return null;
    const page = await client.search(query, { filters, limit: PREVIEW_LIMIT });
    const matches = threshold === null ? page.photos : page.photos.filter((p) => p.score >= threshold);
    const lowest = page.photos.at(-1)?.score;
    const more = page.hasMore || (threshold !== null && lowest !== undefined && threshold < lowest);
    return { matches, more };
  }, [client, settledKey]);

  if (!props.query.trim()) return <p className="album-preview muted small">Type a query to see what would match.</p>;
  if (state.status === 'error') {
    return (
      <p className="album-preview form-error" role="alert">
        {state.message}
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
          : `${value.more ? 'At least ' : ''}${formatCount(value.matches.length, 'photo')} ${value.matches.length === 1 ? 'matches' : 'match'} now${props.existing ? ', before your pins and exclusions' : ''}.`}
      </p>
      {value && value.matches.length > 0 && (
        <ul className="album-preview__thumbs" aria-label="Best matches">
          {value.matches.slice(0, THUMBS).map((p) => (
            <li key={p.id}>
              <img src={client.imageUrl(p.id, 'thumb')} alt="" title={`${p.path} · ${p.score.toFixed(3)}`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
