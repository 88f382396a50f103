// "On this day": which dates taken count as this day in an earlier year.
import { describe, expect, it } from 'vitest';
import { onSameDay, sameDayOf } from '../../../src/core/api/on-this-day';
import { QueryError } from '../../../src/core/search/query-error';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('on this day', () => {
  it('counts the same month and day of earlier years, by the camera clock', () => {
    const day = sameDayOf('2026-12-03');
    expect(onSameDay(at('2019-12-03T00:00:00'), day)).toBe(true);
    expect(onSameDay(at('2025-12-03T23:59:59'), day)).toBe(true);
    expect(onSameDay(at('2026-12-03T10:00:00'), day)).toBe(false); // this year: not a memory yet
    expect(onSameDay(at('2019-12-04T00:00:00'), day)).toBe(false);
    expect(onSameDay(at('2019-11-03T12:00:00'), day)).toBe(false);
  });

  it("shows 29 February's photos on 28 February of a year without it", () => {
    expect(onSameDay(at('2024-02-29T12:00:00'), sameDayOf('2026-02-28'))).toBe(true);
    expect(onSameDay(at('2024-02-29T12:00:00'), sameDayOf('2028-02-28'))).toBe(false); // 2028 has its own 29th
    expect(onSameDay(at('2024-02-29T12:00:00'), sameDayOf('2028-02-29'))).toBe(true);
  });

  it('refuses anything but a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-12-03', '2026-12-3', 'today', '']) expect(() => sameDayOf(bad)).toThrow(/onThisDay must be a date/);
    // The caller's mistake, told apart from a library that fails by its class (as a search's is).
    expect(() => sameDayOf('2026-02-30')).toThrow(QueryError);
  });
});
