// Above a search's results: the photos whose description says what was typed ("3 photos
// described as “grandma birthday”"), from the user's own words rather than from what the model
// sees, so they are offered beside the results, not mixed into their ranking.
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useDebounced } from '../hooks/useDebounced';
import { formatCount } from '../lib/format';
import { itemsText } from '../../shared/count-text';
// Plain words only: a query with the search's syntax (-people, −people, 2:forest, text:"open",
// a path) says something a description's words cannot, so it gets no offer. The parser's own
// marks decide it (query-syntax.ts), so the offer follows the search.
import { isPlainWords } from '../../shared/query-syntax';

interface DescribedSuggestionProps {
  query: string;
  /** Changes when the library's photos or marks change, so the count follows. */
  version: unknown;
  onDescribed: (text: string) => void;
}

export function DescribedSuggestion({ query, version, onDescribed }: DescribedSuggestionProps) {
  const client = useClient();
  // Asked once typing pauses, not per keystroke (each is a timeline view the engine builds).
  const settled = useDebounced(query, 300);
  const [found] = useAsync(async () => {
    if (!isPlainWords(settled)) return null;
    const { total, videos } = await client.timelineSummary({ described: settled });
    return { query: settled, total, videos: videos ?? 0 };
  }, [client, settled, version]);
  // The count said is the shown query's, never the last one's.
  if (found.status !== 'ready' || !found.value || found.value.query !== query || found.value.total === 0) return null;
  return (
    <p className="place-suggestion">
      <button type="button" className="link-button" onClick={() => onDescribed(query)}>
        Photos described as &ldquo;{query}&rdquo;
      </button>{' '}
      <span className="muted">({itemsText(found.value.total, found.value.videos, formatCount)}, from their descriptions)</span>
    </p>
  );
}
