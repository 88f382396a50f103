// Above a search's results: the photos whose description says what was typed ("3 photos
// described as “grandma birthday”"), from the user's own words rather than from what the model
// sees, so they are offered beside the results, not mixed into their ranking.
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { formatCount } from '../lib/format';

interface DescribedSuggestionProps {
  query: string;
  /** Changes when the library's photos or marks change, so the count follows. */
  version: unknown;
  onDescribed: (text: string) => void;
}

export function DescribedSuggestion({ query, version, onDescribed }: DescribedSuggestionProps) {
  const client = useClient();
  const [found] = useAsync(() => (/[\p{L}\p{N}]/u.test(query) ? client.timelineSummary({ described: query }) : Promise.resolve(null)), [client, query, version]);
  if (found.status !== 'ready' || !found.value || found.value.total === 0) return null;
  return (
    <p className="place-suggestion">
      <button type="button" className="link-button" onClick={() => onDescribed(query)}>
        Photos described as &ldquo;{query}&rdquo;
      </button>{' '}
      <span className="muted">({formatCount(found.value.total, 'photo')}, from their descriptions)</span>
    </p>
  );
}
