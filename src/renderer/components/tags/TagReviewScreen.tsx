// Tag review: a set's tags least confident first (the ones most worth a look). Accept or
// Reject each (buttons, or a / r on the focused photo); a reviewed photo leaves the list.
// The Accepted and Rejected tabs list the decisions made, so each can be undone.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TaggedPhoto, TagState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { focusLost } from '../../hooks/useRefocus';
import type { ScreenProps } from '../../lib/screen';
import { ReviewCard, reviewKey } from './ReviewCard';
import { reviewGridStep } from './review-grid';
import { reviewCount } from './review-count';
import { reviewRereadLimit } from './review-reread-limit';
import { notifyTagsChanged, useTagsVersion } from './useTagsVersion';

const PAGE = 60;

const TABS: { state: TagState; title: string }[] = [
  { state: 'auto', title: 'To review' },
  { state: 'accepted', title: 'Accepted' },
  { state: 'rejected', title: 'Rejected' },
];

export function TagReviewScreen({ screen, navigate }: ScreenProps) {
  const client = useClient();
  const version = useTagsVersion({ local: false });
  const set = screen.kind === 'tag-review' ? screen.set : '';
  const label = screen.kind === 'tag-review' ? screen.label : null;
  const [tab, setTab] = useState<TagState>('auto');
  const [items, setItems] = useState<TaggedPhoto[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The card to give the focus after the list changed: that card if it is still there, else the one now at its place.
  const [focusTarget, setFocusTarget] = useState<{ key: string | null; index: number } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // The grid is one Tab stop (a roving tabindex): the card last focused, moved by the arrows.
  const [active, setActive] = useState(0);
  const tabs = useRef<HTMLDivElement>(null);
  const latestReading = useRef(0);
  const [labels] = useAsync(async () => (await client.listLabelSets()).find((s) => s.name === set)?.labels.map((l) => l.name) ?? [], [client, set, version]);

  // The set readied for decisions as the screen opens (LibraryApi.prepareTagDecisions), in the
  // background: the first accept or reject then costs what the later ones do, not a re-score of
  // the whole set. When that brought the suggestions up to date, the list is read again.
  const [prepared, setPrepared] = useState(0);
  useEffect(() => {
    if (!set) return;
    let open = true;
    client.prepareTagDecisions(set).then(
      (changed) => open && changed && setPrepared((n) => n + 1),
      () => undefined, // only a head start: a decision re-scores on its own
    );
    return () => {
      open = false;
    };
  }, [client, set]);

  const [page] = useAsync(() => client.reviewTags({ set, state: tab, limit: PAGE, ...(label ? { label } : {}) }), [client, set, label, tab, version, prepared]);
  useEffect(() => {
    if (page.status === 'ready') {
      setItems(page.value.photos);
      setTotal(page.value.total);
      setError(null);
    } else if (page.status === 'error') setError(page.message);
  }, [page]);

  // After a decision the next photo takes the focus, so a / r can go on down the list.
  useEffect(() => {
    if (focusTarget === null) return;
    const cards = [...(list.current?.querySelectorAll<HTMLElement>('.review-card') ?? [])];
    const card = cards.find((c) => c.dataset['key'] === focusTarget.key) ?? cards[Math.min(focusTarget.index, cards.length - 1)];
    card?.focus();
    setFocusTarget(null);
  }, [items, focusTarget]);

  if (screen.kind !== 'tag-review') return null;

  const decide = async (item: TaggedPhoto, state: TagState, index: number) => {
    setError(null);
    try {
      await client.setTagState(item.id, item.tag.set, item.tag.label, state);
      setItems((current) => current.filter((p) => !(p.id === item.id && p.tag.label === item.tag.label)));
      setTotal((t) => t - 1);
      setFocusTarget({ key: null, index });
      notifyTagsChanged();
      // Tags belong to the photo's content: a byte-identical copy elsewhere (its own card)
      // got the same decision. Read the list again so every such card follows; only the
      // latest decision's reading counts (an older one may still list a card decided since).
      const reading = ++latestReading.current;
      const fresh = await client.reviewTags({ set, state: tab, limit: reviewRereadLimit(items.length, PAGE), ...(label ? { label } : {}) });
      if (reading !== latestReading.current) return;
      // The copies' cards leave too: the one focused may be among them, and the focus would
      // fall to the page (a / r then do nothing). The focused card keeps it if it stays, else
      // the card now at its place takes it; a focus the user took elsewhere stays there.
      const active = document.activeElement;
      const focusedCard = active instanceof HTMLElement ? active.closest<HTMLElement>('.review-card') : null;
      if (focusedCard) setFocusTarget({ key: focusedCard.dataset['key'] ?? null, index: [...(list.current?.children ?? [])].indexOf(focusedCard) });
      else if (focusLost()) setFocusTarget({ key: null, index });
      setItems(fresh.photos);
      setTotal(fresh.total);
    } catch (e) {
      setError(errorMessage(e).split('\n')[0]!);
    }
  };

  const more = async () => {
    try {
      const next = await client.reviewTags({ set, state: tab, offset: items.length, limit: PAGE, ...(label ? { label } : {}) });
      setItems((current) => [...current, ...next.photos.filter((p) => !current.some((c) => c.id === p.id && c.tag.label === p.tag.label))]);
      setTotal(next.total);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  // A tablist is one Tab stop: the arrows (and Home / End) move between the tabs and show
  // each at once, as the ARIA tabs pattern has it.
  const onTabKey = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.state === tab);
    const to = event.key === 'ArrowRight' ? (at + 1) % TABS.length : event.key === 'ArrowLeft' ? (at + TABS.length - 1) % TABS.length : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : -1;
    if (to < 0) return;
    event.preventDefault();
    setTab(TABS[to]!.state);
    tabs.current?.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  };

  // The arrows move between cards; ↑ ↓ by the rows the window's width lays out (review-grid.ts).
  const onGridKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const cards = [...(list.current?.querySelectorAll<HTMLElement>('.review-card') ?? [])];
    const from = cards.findIndex((card) => card.contains(event.target as Node));
    if (from < 0) return;
    const to = reviewGridStep(cards.map((card) => card.getBoundingClientRect()), from, event.key);
    if (to === null) return;
    event.preventDefault();
    setActive(to);
    cards[to]?.focus();
  };

  const showLabel = (value: string) => navigate({ kind: 'tag-review', set, label: value === '' ? null : value });
  const loading = page.status === 'loading';
  return (
    <div className="tags-screen tag-review">
      <header className="tags-screen__head">
        {/* Focusable for "Review tags", whose screen this one replaces (LabelSetScreen). */}
        <h1 tabIndex={-1}>Review “{set}”</h1>
        <div className="tags-screen__actions">
          <button type="button" className="button" onClick={() => navigate({ kind: 'label-set', name: set })}>
            Edit label set
          </button>
        </div>
      </header>
      <div className="tag-review__bar">
        <div className="tabs" role="tablist" aria-label="Tags" ref={tabs} onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.state}
              type="button"
              role="tab"
              id={`review-tab-${t.state}`}
              aria-selected={tab === t.state}
              aria-controls="review-panel"
              tabIndex={tab === t.state ? 0 : -1}
              className={tab === t.state ? 'tabs__tab tabs__tab--on' : 'tabs__tab'}
              onClick={() => setTab(t.state)}
            >
              {t.title}
            </button>
          ))}
        </div>
        <label className="tags-field tags-field--inline">
          <span>Label</span>
          <select aria-label="Label" value={label ?? ''} onChange={(e) => showLabel(e.target.value)}>
            <option value="">all labels</option>
            {labels.status === 'ready' &&
              labels.value.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
          </select>
        </label>
        <span className="muted small" role="status">
          {loading ? 'Loading…' : reviewCount(total, label)}
        </span>
      </div>
      <div role="tabpanel" id="review-panel" aria-labelledby={`review-tab-${tab}`}>
        <p className="muted small tag-review__hint">
          {/* What a decision does, as src/core/tags does it: the photo's tag at once; the other
              photos' suggestions only when the label's prototype is used again (adaptation.ts,
              at tagFolder and when new photos of a followed folder are tagged). */}
          Each decision is kept for that photo at once and teaches the label: the other suggestions change the next time the folder is tagged (“Tag folder…” on the label set) and for photos tagged as they are added.{' '}
          {tab === 'auto' ? 'Least confident first. Press a to accept or r to reject the focused photo; reviewed photos leave the list.' : `Press u to undo the decision on the focused photo, or ${tab === 'accepted' ? 'r to reject' : 'a to accept'} it.`}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!loading && items.length === 0 && !error && (
          <p className="content__empty muted">{tab === 'auto' ? 'Nothing to review: tag a folder from the label set’s page, or every tag has been decided.' : 'No decisions here yet.'}</p>
        )}
        <ul className="review-grid" ref={list} aria-label="Tagged photos" onKeyDown={onGridKey}>
          {items.map((item, i) => (
            <ReviewCard
              key={reviewKey(item)}
              item={item}
              tabbable={i === Math.min(active, items.length - 1)}
              onFocus={() => setActive(i)}
              onDecide={(state) => void decide(item, state, i)}
            />
          ))}
        </ul>
        {items.length < total && (
          <button type="button" className="button tag-review__more" onClick={() => void more()}>
            Show more ({(total - items.length).toLocaleString()} left)
          </button>
        )}
      </div>
    </div>
  );
}
