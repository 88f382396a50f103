import { useRef, useState, type PointerEvent } from 'react';
import { monthLabel, type TimelineMonth } from '../lib/timeline-layout';

interface TimelineScrubberProps {
  months: readonly TimelineMonth[];
  /** The timeline's full height (px): months sit on the rail in proportion. */
  height: number;
  /** The month at the top of the view (YYYY-MM). */
  current: string | null;
  onJump: (top: number) => void;
}

/** Rail labels closer than this (percent of the rail) are left out, so years never overlap. */
const MIN_LABEL_GAP = 4;

/**
 * A rail beside the timeline: years labelled, each month a tick, placed where they are in
 * the timeline. Click or drag along it to jump (a bubble names the month under the
 * pointer); every month is also a button, for the keyboard and screen readers.
 */
export function TimelineScrubber({ months, height, current, onJump }: TimelineScrubberProps) {
  const rail = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ y: number; month: TimelineMonth } | null>(null);
  const dragging = useRef(false);
  const at = (percent: number) => ({ top: `${percent}%` });
  const percentOf = (top: number) => (height > 0 ? (top / height) * 100 : 0);

  const monthAtPointer = (event: PointerEvent): { y: number; month: TimelineMonth; top: number } | null => {
    const box = rail.current?.getBoundingClientRect();
    if (!box || box.height === 0) return null;
    const y = Math.min(box.height, Math.max(0, event.clientY - box.top));
    const top = (y / box.height) * height;
    let month = months[0]!;
    for (const m of months) {
      if (m.top > top) break;
      month = m;
    }
    return { y, month, top };
  };

  const move = (event: PointerEvent) => {
    const found = monthAtPointer(event);
    if (!found) return;
    setHover({ y: found.y, month: found.month });
    if (dragging.current) onJump(found.month.top);
  };

  let lastLabel = -Infinity;
  const years: { year: number; percent: number; top: number }[] = [];
  for (const m of months) {
    if (years[years.length - 1]?.year === m.year) continue;
    const percent = percentOf(m.top);
    if (percent - lastLabel < MIN_LABEL_GAP) continue;
    lastLabel = percent;
    years.push({ year: m.year, percent, top: m.top });
  }

  return (
    <nav className="scrubber" aria-label="Jump to a date">
      <div
        ref={rail}
        className="scrubber__rail"
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          move(event);
        }}
        onPointerMove={move}
        onPointerUp={() => (dragging.current = false)}
        onPointerLeave={() => !dragging.current && setHover(null)}
      >
        {months.map((m) => (
          <button
            key={m.month}
            type="button"
            className={m.month === current ? 'scrubber__tick scrubber__tick--current' : 'scrubber__tick'}
            style={at(percentOf(m.top))}
            aria-label={`Jump to ${monthLabel(m.month)}`}
            aria-current={m.month === current ? 'date' : undefined}
            tabIndex={m.month === current ? 0 : -1}
            onClick={() => onJump(m.top)}
            onKeyDown={(event) => {
              const i = months.indexOf(m);
              const next = event.key === 'ArrowDown' ? months[i + 1] : event.key === 'ArrowUp' ? months[i - 1] : undefined;
              if (!next) return;
              event.preventDefault();
              onJump(next.top);
            }}
          />
        ))}
        {years.map((y) => (
          <span key={y.year} className="scrubber__year" style={at(y.percent)} aria-hidden="true">
            {y.year}
          </span>
        ))}
        {hover && (
          <span className="scrubber__bubble" style={{ top: hover.y }} aria-hidden="true">
            {monthLabel(hover.month.month)}
          </span>
        )}
      </div>
    </nav>
  );
}
