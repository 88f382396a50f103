import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Photo, TimelineDay, TimelinePhoto } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useElementSize } from '../hooks/useElementSize';
import { PAGE_SIZE, type PagedPhotos } from '../lib/paged-photos';
import { dayLabel, MONTH_HEADER, monthAt, monthLabel, revealTop, rowStep, timelineLayout, timelineWindow, type TimelineLayout } from '../lib/timeline-layout';
import { timelinePageStep } from '../lib/timeline-page';
import { dayCheckLabel } from '../lib/day-check-label';
import { PhotoTile } from './PhotoTile';
import { dayState, toggleRange } from '../lib/selection';
import { useFocusFollowsViewer, useGridKeys, type GridSelection } from '../hooks/useGridKeys';
import { gridTabStop, useGridTabStop } from '../hooks/useGridTabStop';
import { TimelineScrubber } from './TimelineScrubber';

/** px, as .scrubber's width in browse.css. */
const SCRUBBER_WIDTH = 56;

interface TimelineGridProps {
  source: PagedPhotos;
  /** The timeline's days (TimelineSummary), newest first: the layout before photos load. */
  days: readonly TimelineDay[];
  /** Changes when the list changes (scroll back to the top). */
  listKey: string;
  reveal: number | null;
  onOpen: (index: number) => void;
  onMoreLikeThis: (photo: Photo) => void;
  label: string;
  /** Selection by click, shift-click, ctrl/cmd-click and the keyboard (absent: clicks open). */
  select?: GridSelection;
}

/** Faster than 4 screens a second is a fling: a tile passes in under a quarter second. */
const FLING_SCREENS_PER_MS = 4 / 1000;
/** How long after the last fast scroll event thumbnails are asked for again. */
const FLING_REST_MS = 120;

/**
 * The library newest first under month and day headers, virtualised like PhotoGrid (only
 * the items on screen are in the DOM): the month at the top stays pinned, and the scrubber
 * on the right jumps to any year and month.
 */
export function TimelineGrid({ source, days, listKey, reveal, onOpen, onMoreLikeThis, label, select }: TimelineGridProps) {
  const client = useClient();
  const scroller = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(scroller);
  const [scrollTop, setScrollTop] = useState(0);
  // A fling (faster than FLING_SCREENS_PER_MS): tiles that fly past do not ask for their
  // thumbnails, or the screen where it stops waits behind hundreds of requests (bench/timeline.ts).
  const [flinging, setFlinging] = useState(false);
  const lastScroll = useRef({ top: 0, at: 0 });
  const flingTimer = useRef<number | undefined>(undefined);
  // The scrubber rail takes the right edge.
  const layout: TimelineLayout = useMemo(() => timelineLayout(Math.max(0, width - SCRUBBER_WIDTH), days), [width, days]);
  const shown = timelineWindow(layout, scrollTop, height, Math.max(600, height));
  const pinned = monthAt(layout, scrollTop);
  // Up and down go to the photo on screen above or below, across the days' short rows.
  const step = useCallback((index: number, direction: -1 | 1) => rowStep(layout, index, direction), [layout]);
  // PageUp / PageDown: about a screen below the pinned month header.
  const page = useMemo(() => timelinePageStep(layout, Math.max(0, height - MONTH_HEADER)), [layout, height]);
  const keys = useGridKeys(select, step, layout.count, onOpen, scroller, page);
  useFocusFollowsViewer(select, reveal, listKey);
  const focus = select?.selection.focus ?? null;
  const revealed = reveal ?? focus;
  const onScreen = timelineWindow(layout, scrollTop, height, 0);
  const tabStop = gridTabStop(focus, onScreen.stop > onScreen.start ? onScreen.start : null, (index) => index >= shown.start && index < shown.stop && source.get(index) !== undefined);
  useGridTabStop(select, scroller, tabStop !== null);

  // Pages are asked for a page beyond what is drawn on either side: a fling (~8,000 px/s)
  // crosses the 600 px overscan in under 0.1 s, less than a page takes to arrive, so tiles
  // showed as placeholders in most frames (bench/timeline.ts); a page ahead is ~0.5 s ahead.
  useEffect(() => {
    if (width > 0 && shown.stop > shown.start) source.request(shown.start - PAGE_SIZE, Math.min(layout.count, shown.stop + PAGE_SIZE));
  }, [source, shown.start, shown.stop, width, layout.count]);

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [listKey]);

  useEffect(() => {
    const element = scroller.current;
    if (revealed === null || !element || width === 0) return;
    const next = revealTop(layout, revealed, element.scrollTop, element.clientHeight);
    if (next !== element.scrollTop) element.scrollTop = next;
  }, [revealed, layout, width]);

  // Rendered before the browser paints the scrolled frame (a scroll event comes at most once
  // a frame): a deferred render let a fast fling paint rows that were not there yet.
  const onScroll = useCallback(() => {
    const top = scroller.current?.scrollTop ?? 0;
    const now = performance.now();
    const screens = Math.abs(top - lastScroll.current.top) / Math.max(1, scroller.current?.clientHeight ?? 0);
    const fast = screens / Math.max(1, now - lastScroll.current.at) > FLING_SCREENS_PER_MS;
    lastScroll.current = { top, at: now };
    if (fast) {
      // Flinging while the scroll is fast, and FLING_REST_MS after.
      window.clearTimeout(flingTimer.current);
      flingTimer.current = window.setTimeout(() => setFlinging(false), FLING_REST_MS);
    }
    flushSync(() => {
      setScrollTop(top);
      if (fast) setFlinging(true);
    });
  }, []);
  useEffect(() => () => window.clearTimeout(flingTimer.current), []);

  const jump = useCallback((top: number) => {
    if (scroller.current) scroller.current.scrollTop = top;
  }, []);

  const items = [];
  for (let i = shown.first; i < shown.end; i++) {
    const item = layout.items[i]!;
    const style = { transform: `translateY(${item.top}px)`, height: item.height };
    if (item.kind === 'month') {
      items.push(
        <h2 key={`m${item.month}`} className="timeline__month" style={style}>
          {monthLabel(item.month)}
        </h2>,
      );
    } else if (item.kind === 'day') {
      const label = dayLabel(item.day);
      const state = select ? dayState(select.selection, item.first, item.count) : 'none';
      // The check beside the heading, not in it: the heading stays the date alone.
      items.push(
        <div key={`d${item.day}`} className="timeline__day" style={style}>
          {select && (
            <button
              type="button"
              role="checkbox"
              className={state === 'all' ? 'timeline__day-select timeline__day-select--on' : 'timeline__day-select'}
              aria-label={dayCheckLabel(item.day)}
              // In the Tab order for the Tab stop's day only (before its tile): every day's
              // check was a Tab stop, and Tab walked them all down the virtualised grid.
              tabIndex={tabStop !== null && tabStop >= item.first && tabStop < item.first + item.count ? 0 : -1}
              aria-checked={state === 'all' ? true : state === 'some' ? 'mixed' : false}
              title={state === 'all' ? "Unselect this day's photos" : "Select this day's photos"}
              onClick={() => select.onChange(toggleRange(select.selection, item.first, item.count))}
            >
              ✓
            </button>
          )}
          <h3 className="timeline__day-label">{label}</h3>
        </div>,
      );
    } else {
      const tiles = [];
      for (let k = 0; k < item.count; k++) {
        const index = item.start + k;
        const photo = source.get(index) as TimelinePhoto | undefined;
        tiles.push(
          <PhotoTile
            key={index}
            index={index}
            photo={photo}
            size={layout.tile}
            thumbUrl={photo ? client.imageUrl(photo.id, 'thumb', photo.rotation) : null}
            score={null}
            fileTime={photo?.fileTime === true}
            deferImage={flinging}
            selected={select?.selection.indices.has(index) ?? false}
            focused={focus === index}
            tabStop={tabStop === index}
            {...(select ? { onClick: keys.onTileClick } : {})}
            onOpen={onOpen}
            onMoreLikeThis={onMoreLikeThis}
          />,
        );
      }
      items.push(
        // Each row its own list: the month and day headings between rows cannot sit inside a
        // list (only list items can), and one list around them all was invalid structure.
        <div key={`r${item.start}`} className="grid__row" role="list" style={{ ...style, gap: layout.gap, paddingLeft: layout.gap }}>
          {tiles}
        </div>,
      );
    }
  }

  return (
    <div className="timeline">
      <div ref={scroller} className={select && select.selection.indices.size > 0 ? 'grid timeline__scroller timeline__scroller--selecting' : 'grid timeline__scroller'} onScroll={onScroll} onKeyDown={keys.onKeyDown} tabIndex={select && tabStop === null ? 0 : -1} role="region" aria-label={label}>
        <div className="grid__spacer" style={{ height: layout.height }}>
          {items}
        </div>
      </div>
      {pinned && scrollTop > pinned.top && (
        // The month at the top, pinned while its photos scroll under it.
        <div className="timeline__pinned" aria-hidden="true">
          {monthLabel(pinned.month)}
        </div>
      )}
      {layout.months.length > 1 && <TimelineScrubber months={layout.months} height={layout.height} current={pinned?.month ?? null} onJump={jump} />}
    </div>
  );
}
