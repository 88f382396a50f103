// "On this day" in the app: today as the engine takes it (this computer's calendar), and the
// view asking the timeline for it.
import { describe, expect, it } from 'vitest';
import { timelineOptions } from '../../../src/renderer/hooks/usePhotoSource';
import { onThisDayText, todayIso } from '../../../src/renderer/lib/on-this-day';
import { LIBRARY_VIEW, ON_THIS_DAY_VIEW, viewKey } from '../../../src/renderer/lib/view';

describe('on this day in the app', () => {
  it("is today on this computer's calendar", () => {
    expect(todayIso(new Date(2026, 1, 3, 23, 59))).toBe('2026-02-03');
    expect(todayIso(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
    expect(onThisDayText(new Date(2026, 11, 3, 12))).toBe('December 3 in earlier years');
  });

  it('is a timeline view of its own that asks for today', () => {
    expect(viewKey(ON_THIS_DAY_VIEW)).not.toBe(viewKey(LIBRARY_VIEW));
    expect(timelineOptions(ON_THIS_DAY_VIEW as Extract<typeof ON_THIS_DAY_VIEW, { kind: 'library' }>)).toMatchObject({ onThisDay: todayIso() });
    expect(timelineOptions(LIBRARY_VIEW as Extract<typeof LIBRARY_VIEW, { kind: 'library' }>)).not.toHaveProperty('onThisDay');
  });
});
