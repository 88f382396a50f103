import type { View } from '../lib/view';
import { baseName, formatCount, shortText } from '../lib/format';
import { onThisDayText } from '../lib/on-this-day';
import { photoTextWords } from '../lib/text-query';
import { itemsText } from '../../shared/count-text';

interface ResultHeaderProps {
  view: View;
  count: number;
  /** A library view: how many of `count` are videos (its TimelineSummary), said apart ("20
   *  photos, 5 videos"); null until known (no count is said meanwhile, never one that calls
   *  the videos photos); undefined for the other views, which count results. */
  videos?: number | null;
  /** false while more results may follow the ones loaded (search results come in pages). */
  countComplete: boolean;
  loading: boolean;
  /** The filters rule out every photo: no count (the grid says why). */
  countHidden?: boolean;
  /** Nothing passed the relevance cut-off and these are the closest photos: not "results". */
  closest?: boolean;
  error: string | null;
  queryThumb: string | null;
  onBack: () => void;
  /** Back to the Places page, from a place's timeline. */
  onPlaces?: () => void;
}

/** What the grid is showing, with the way back to the whole library. */
export function ResultHeader({ view, count, videos, countComplete, loading, countHidden = false, closest = false, error, queryThumb, onBack, onPlaces }: ResultHeaderProps) {
  let title: string;
  // The whole of a long query, on hover (the heading shows its start).
  let full: string | undefined;
  switch (view.kind) {
    case 'library':
      title = view.order === 'added' ? 'Recently added' : view.favourites ? 'Favourites' : view.onThisDay ? 'On this day' : view.archived ? 'Archive' : view.videos ? 'Videos' : view.place !== undefined ? view.place : view.withoutPlace ? 'Without a place' : view.farFromTowns ? 'Far from any town' : view.described !== undefined ? `Described as “${view.described}”` : view.folder ? baseName(view.folder) : 'All photos';
      break;
    case 'search': {
      // The box's Text in photo mode sends a `text:"…"` term: the title says it in words.
      const words = photoTextWords(view.query);
      title = words !== null ? `Text “${shortText(words)}” in photos` : `Results for “${shortText(view.query)}”`;
      if ((words ?? view.query) !== shortText(words ?? view.query)) full = words ?? view.query;
      break;
    }
    case 'similar':
      title = `More like ${view.label}`;
      break;
    case 'image':
      title = `Photos like ${view.name}`;
      break;
  }
  const what = view.kind === 'library' ? (view.videos ? 'video' : 'photo') : closest ? 'closest photo' : 'result';
  // A library view counts its photos and videos apart, as status does; results are results.
  const counted = view.kind === 'library' && !view.videos && videos !== undefined ? (videos === null ? '' : itemsText(count, videos, formatCount)) : formatCount(count, what, `${what}s`, countComplete);
  return (
    <div className="result-header">
      {/* A file that is no image (the search says why) shows no broken picture. */}
      {queryThumb && <img key={queryThumb} className="result-header__thumb" src={queryThumb} alt="" onError={(event) => (event.currentTarget.hidden = true)} />}
      {/* Focusable by the app (tabIndex -1): where the focus goes when what the keyboard was on
          went with the last view (More like this, a place opened, Show all photos). */}
      <h1 className="result-header__title" tabIndex={-1} title={full}>
        {title}
      </h1>
      <span className="muted" aria-live="polite">
        {error || countHidden ? '' : loading ? 'Searching…' : counted}
      </span>
      {view.kind === 'library' && (view.place !== undefined || view.withoutPlace || view.farFromTowns) && onPlaces && (
        <button type="button" className="button result-header__places" onClick={onPlaces}>
          ‹ All places
        </button>
      )}
      {view.kind === 'library' && view.onThisDay && <span className="muted">{onThisDayText()}</span>}
      {view.kind !== 'library' || view.folder || view.order || view.favourites || view.onThisDay || view.archived || view.videos || view.place !== undefined || view.withoutPlace || view.farFromTowns || view.described !== undefined ? (
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
