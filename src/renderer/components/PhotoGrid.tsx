import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Photo, PhotoHit } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useElementSize } from '../hooks/useElementSize';
import { evenPageStep } from '../lib/grid-jump-keys';
import { gridLayout, scrollToReveal, visibleRange } from '../lib/grid-layout';
import type { PagedPhotos } from '../lib/paged-photos';
import { PhotoTile } from './PhotoTile';
import { useFocusFollowsViewer, useGridKeys, type GridSelection } from '../hooks/useGridKeys';
import { gridTabStop, useGridTabStop } from '../hooks/useGridTabStop';

interface PhotoGridProps {
  source: PagedPhotos;
  /** Changes when the list changes (scroll back to the top). */
  listKey: string;
  /** Index to keep in view (the viewer's photo, so closing it lands there). */
  reveal: number | null;
  onOpen: (index: number) => void;
  onMoreLikeThis: (photo: Photo) => void;
  label: string;
  /** Selection by click, shift-click, ctrl/cmd-click and the keyboard (absent: clicks open). */
  select?: GridSelection;
}

/**
 * A virtualized grid of square thumbnails: only the rows on screen (plus a few) are in the
 * DOM, positioned inside a spacer as tall as the whole list, so 100k photos scroll like 100.
 */
export function PhotoGrid({ source, listKey, reveal, onOpen, onMoreLikeThis, label, select }: PhotoGridProps) {
  const client = useClient();
  const scroller = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(scroller);
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef(0);
  const count = source.count;
  const layout = gridLayout(width, count);
  const range = visibleRange(layout, count, scrollTop, height);
  const page = useMemo(() => evenPageStep(layout.columns, layout.rowHeight, height), [layout.columns, layout.rowHeight, height]);
  const keys = useGridKeys(select, layout.columns, count, onOpen, scroller, page);
  useFocusFollowsViewer(select, reveal, listKey);
  const focus = select?.selection.focus ?? null;
  const shown = reveal ?? focus;
  const onScreen = visibleRange(layout, count, scrollTop, height, 0);
  const tabStop = gridTabStop(focus, onScreen.start < onScreen.end ? onScreen.start : null, (index) => index >= range.start && index < range.end && source.get(index) !== undefined);
  useGridTabStop(select, scroller, tabStop !== null);

  useEffect(() => {
    if (width > 0) source.request(range.start, range.end);
  }, [source, range.start, range.end, width]);

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [listKey]);

  useEffect(() => {
    const element = scroller.current;
    if (shown === null || !element || width === 0) return;
    const next = scrollToReveal(layout, shown, element.scrollTop, element.clientHeight);
    if (next !== element.scrollTop) element.scrollTop = next;
  }, [shown, layout.columns, layout.rowHeight, width]);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scroller.current?.scrollTop ?? 0));
  }, []);

  const rows = [];
  for (let row = range.firstRow; row < range.endRow; row++) {
    const tiles = [];
    for (let col = 0; col < layout.columns; col++) {
      const index = row * layout.columns + col;
      if (index >= count) break;
      const photo = source.get(index);
      tiles.push(
        <PhotoTile
          key={index}
          index={index}
          photo={photo}
          size={layout.tile}
          thumbUrl={photo ? client.imageUrl(photo.id, 'thumb', photo.rotation) : null}
          score={photo && 'score' in photo ? (photo as PhotoHit).score : null}
          selected={select?.selection.indices.has(index) ?? false}
          focused={focus === index}
          tabStop={tabStop === index}
          {...(select ? { onClick: keys.onTileClick } : {})}
          onOpen={onOpen}
          onMoreLikeThis={onMoreLikeThis}
        />,
      );
    }
    rows.push(
      <div key={row} className="grid__row" role="presentation" style={{ transform: `translateY(${row * layout.rowHeight + layout.gap}px)`, gap: layout.gap, paddingLeft: layout.gap }}>
        {tiles}
      </div>,
    );
  }

  return (
    <div ref={scroller} className="grid" onScroll={onScroll} onKeyDown={keys.onKeyDown} tabIndex={select && tabStop === null ? 0 : -1} role="region" aria-label={label}>
      <div className="grid__spacer" role="list" style={{ height: layout.height }}>
        {rows}
      </div>
    </div>
  );
}
