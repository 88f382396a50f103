// One photo with one of its tags on the review screen: the thumbnail, the label and its
// confidence, and the decisions that fit its state (keys a / r / u while focused).
import type { TaggedPhoto, TagState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { baseName } from '../../lib/format';

interface ReviewCardProps {
  item: TaggedPhoto;
  onDecide: (state: TagState) => void;
  /** The grid's Tab stop, with its buttons (TagReviewScreen moves it with the arrow keys). */
  tabbable: boolean;
  onFocus: () => void;
}

export function ReviewCard({ item, onDecide, tabbable, onFocus }: ReviewCardProps) {
  const client = useClient();
  const name = baseName(item.path);
  const { label, score, state } = item.tag;
  // A decided tag is the user's word, not a confidence (an accepted label the model never
  // suggested scores 1: "100%" would read as the model's certainty).
  const percent = `${Math.round(score * 100)}%`;
  const confidence = state === 'auto' ? `${percent} confident` : `${state} by you`;
  const buttonTab = tabbable ? 0 : -1;
  const keys: Record<string, TagState | undefined> = state === 'auto' ? { a: 'accepted', r: 'rejected' } : { u: 'auto', ...(state === 'accepted' ? { r: 'rejected' } : { a: 'accepted' }) };
  return (
    <li
      className="review-card"
      tabIndex={tabbable ? 0 : -1}
      aria-label={`${name}: ${label}, ${confidence}`}
      aria-keyshortcuts={Object.keys(keys).join(' ')}
      aria-description={reviewKeysText(state)}
      onFocus={onFocus}
      data-state={state}
      data-key={reviewKey(item)}
      onKeyDown={(event) => {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const next = keys[event.key.toLowerCase()];
        if (!next) return;
        event.preventDefault();
        onDecide(next);
      }}
    >
      <img className="review-card__thumb" src={client.imageUrl(item.id, 'thumb', item.rotation)} alt={name} loading="lazy" draggable={false} />
      <div className="review-card__tag">
        <span className="tag-chip" data-state={state}>
          {label}
        </span>
        <span className="review-card__score" title={state === 'auto' ? 'confidence' : undefined}>
          {state === 'auto' ? percent : state}
        </span>
      </div>
      <div className="review-card__name" title={item.path}>
        {name}
      </div>
      {/* The focused card's buttons follow it in the Tab order (the grid stays one stop per
          card: the arrows move between cards, Tab goes on to its Accept / Reject); the other
          cards' are left out. Each says its key (a / r / u on the card do the same). */}
      <div className="review-card__buttons">
        {state !== 'accepted' && (
          <button type="button" className="button button--accept" tabIndex={buttonTab} aria-keyshortcuts="a" title="Accept (a)" onClick={() => onDecide('accepted')} aria-label={`Accept ${label} on ${name}`}>
            Accept
          </button>
        )}
        {state !== 'rejected' && (
          <button type="button" className="button button--reject" tabIndex={buttonTab} aria-keyshortcuts="r" title="Reject (r)" onClick={() => onDecide('rejected')} aria-label={`Reject ${label} on ${name}`}>
            Reject
          </button>
        )}
        {state !== 'auto' && (
          <button type="button" className="button" tabIndex={buttonTab} aria-keyshortcuts="u" title="Undo (u)" onClick={() => onDecide('auto')} aria-label={`Undo ${state === 'accepted' ? 'accepting' : 'rejecting'} ${label} on ${name}`}>
            Undo
          </button>
        )}
      </div>
    </li>
  );
}

/** The card's keys, said by screen readers after its name (aria-keyshortcuts alone is seldom read out). */
export function reviewKeysText(state: TagState): string {
  if (state === 'auto') return 'Press a to accept, r to reject';
  return `Press u to undo, ${state === 'accepted' ? 'r to reject' : 'a to accept'}`;
}

/** A card's identity in the review list: one photo's one label. */
export function reviewKey(item: TaggedPhoto): string {
  return `${item.id}|${item.tag.label}`;
}
