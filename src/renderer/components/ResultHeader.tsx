import type { View } from '../lib/view';
import { baseName } from '../lib/format';

interface ResultHeaderProps {
  view: View;
  count: number;
  loading: boolean;
  error: string | null;
  queryThumb: string | null;
  onBack: () => void;
}

/** What the grid is showing, with the way back to the whole library. */
export function ResultHeader({ view, count, loading, error, queryThumb, onBack }: ResultHeaderProps) {
  let title: string;
  switch (view.kind) {
    case 'library':
      title = view.folder ? baseName(view.folder) : 'All photos';
      break;
    case 'search':
      title = `Results for “${view.query}”`;
      break;
    case 'similar':
      title = `More like ${view.label}`;
      break;
    case 'image':
      title = `Photos like ${view.name}`;
      break;
  }
  const what = view.kind === 'library' ? (count === 1 ? 'photo' : 'photos') : count === 1 ? 'result' : 'results';
  return (
    <div className="result-header">
      {queryThumb && <img className="result-header__thumb" src={queryThumb} alt="" />}
      <h1 className="result-header__title">{title}</h1>
      <span className="muted" aria-live="polite">
        {error ? '' : loading ? 'Searching…' : `${count.toLocaleString()} ${what}`}
      </span>
      {view.kind !== 'library' || view.folder ? (
        <button type="button" className="button" onClick={onBack}>
          Show all photos
        </button>
      ) : null}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
