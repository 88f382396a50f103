// The timeline rail's keys (lib/scrubber-keys.ts), without a page: from each tick, ↓ is the next
// (older) month and ↑ the one before, Home and End the newest and oldest; the component moves
// the focus and the Tab stop to it (the walker's ↓ ×5 stayed on December, jumping to November).
import { describe, expect, it } from 'vitest';
import { scrubberKeyTarget } from '../../../src/renderer/lib/scrubber-keys';
import type { TimelineMonth } from '../../../src/renderer/lib/timeline-layout';

const MONTHS: TimelineMonth[] = ['2026-12', '2026-11', '2026-10', '2020-12'].map((month, i) => ({ month, year: Number(month.slice(0, 4)), top: i * 500, first: i * 4, count: 4 }));
const to = (at: number, key: string) => scrubberKeyTarget(MONTHS, at, key)?.month ?? null;

describe('the timeline rail keys', () => {
  it('walks month by month from the tick pressed: ↓ ×3 from December 2026 reaches December 2020', () => {
    let at = 0;
    const walked = [];
    for (let i = 0; i < 3; i++) {
      const next = to(at, 'ArrowDown')!;
      walked.push(next);
      at = MONTHS.findIndex((m) => m.month === next);
    }
    expect(walked).toEqual(['2026-11', '2026-10', '2020-12']);
    expect(to(2, 'ArrowUp')).toBe('2026-11');
  });

  it('Home and End go to the newest and oldest month; nothing past the ends, nor for other keys', () => {
    expect(to(2, 'Home')).toBe('2026-12');
    expect(to(1, 'End')).toBe('2020-12');
    expect(to(0, 'ArrowUp')).toBeNull();
    expect(to(3, 'ArrowDown')).toBeNull();
    expect(to(0, 'Home')).toBeNull();
    expect(to(1, 'Enter')).toBeNull();
  });
});
