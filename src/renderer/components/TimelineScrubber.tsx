import { useRef, useState, type PointerEvent } from 'react';
import { scrubberKeyTarget } from '../lib/scrubber-keys';
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
 *
 * One Tab stop (roving tabindex): the month at the top of the view, or the tick the keyboard
 * last moved to. ↑ ↓ Home End jump and take the focus along: left on the tick pressed, the
 * focus stayed on a tick that then lost its Tab stop, and every ↓ jumped to the same month.
 */
export function TimelineScrubber({ months, height, current, onJump }: TimelineScrubberProps) {
  const rail = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ y: number; month: TimelineMonth } | null>(null);
  const dragging = useRef(false);
  /** The tick the keyboard is on (null: none, the rail's Tab stop is the current month). */
  const [roving, setRoving] = useState<string | null>(null);
  const ticks = useRef(new Map<string, HTMLButtonElement>());
  // The tab stop: a jump near the end cannot scroll the last month to the top, so `current`
  // may never become the tick moved to; without a current month (nothing scrolled yet) the newest.
  const tabStop = roving ?? current ?? months[0]?.month ?? null;
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
    <nav
      className="scrubber"
      aria-label="Jump to a date"
      onBlur={(event) => {
        // Tabbed away: the Tab stop goes back to the month at the top of the view.
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setRoving(null);
      }}
    >
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
            ref={(button) => {
              if (button) ticks.current.set(m.month, button);
              else ticks.current.delete(m.month);
            }}
            type="button"
            className={m.month === current ? 'scrubber__tick scrubber__tick--current' : 'scrubber__tick'}
            style={at(percentOf(m.top))}
            aria-label={`Jump to ${monthLabel(m.month)}`}
            aria-current={m.month === current ? 'date' : undefined}
            tabIndex={m.month === tabStop ? 0 : -1}
            onFocus={() => setRoving(m.month)}
            onClick={() => onJump(m.top)}
            onKeyDown={(event) => {
              const next = scrubberKeyTarget(months, months.indexOf(m), event.key);
              if (!next) return;
              event.preventDefault();
              setRoving(next.month);
              onJump(next.top);
              ticks.current.get(next.month)?.focus();
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
