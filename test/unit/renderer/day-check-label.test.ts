// A timeline day's check is named with its year (lib/day-check-label.ts): All photos with
// photos on Dec 7 2026 and Dec 7 2020 had two checkboxes both named "Select Mon, Dec 7" (a
// screen reader's list of controls has no month header to tell them apart).
import { describe, expect, it } from 'vitest';
import { dayCheckLabel } from '../../../src/renderer/lib/day-check-label';

describe("a day's check", () => {
  it('names the year, this year included, so each day reads the same way', () => {
    expect(dayCheckLabel('2026-12-07', 'en-US')).toBe('Select Mon, Dec 7, 2026');
    expect(dayCheckLabel('2020-12-07', 'en-US')).toBe('Select Mon, Dec 7, 2020');
    expect(dayCheckLabel('2026-12-07', 'en-US')).not.toBe(dayCheckLabel('2020-12-07', 'en-US'));
  });
});
