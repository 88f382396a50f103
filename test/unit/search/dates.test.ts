import { describe, expect, it } from 'vitest';
import { dateBound, periodStart } from '../../../src/core/search/dates';
import { QueryError } from '../../../src/core/search/query-error';

describe('periodStart (--after / --before)', () => {
  it.each([
    ['2023', Date.UTC(2023, 0, 1)],
    ['2023-06', Date.UTC(2023, 5, 1)],
    ['2023-06-15', Date.UTC(2023, 5, 15)],
    ['2023-06-15T14:30', Date.UTC(2023, 5, 15, 14, 30)],
    ['2023-06-15 14:30:05', Date.UTC(2023, 5, 15, 14, 30, 5)],
    ['2023-06-15T14:30:05.250', Date.UTC(2023, 5, 15, 14, 30, 5, 250)],
    ['2023-06-15T14:30Z', Date.UTC(2023, 5, 15, 14, 30)],
    ['2023-06-15T14:30:00+02:00', Date.UTC(2023, 5, 15, 12, 30)],
    ['2023-06-15T14:30:00-0530', Date.UTC(2023, 5, 15, 20, 0)],
    ['  2024-02-29 ', Date.UTC(2024, 1, 29)],
  ])('%j starts at its wall-clock time read as UTC, or at its exact instant with a zone', (text, expected) => {
    expect(periodStart(text)).toBe(expected);
  });

  it.each(['', '23', '2023-6', '2023-13', '2023-02-29', '2023-06-31', '2023-06-15T24:00', '2023-06-15T12:60', 'June 2023', '2023-06-15T10:00+15:00', '2023/06/15'])(
    '%j is not a date',
    (text) => {
      expect(() => periodStart(text, '--after')).toThrow(QueryError);
      expect(() => periodStart(text, '--after')).toThrow(/^--after: /);
    },
  );

  it('a date with a zone is an instant; without one, the camera clock', () => {
    expect(dateBound('2023-06-15')).toEqual({ ms: Date.UTC(2023, 5, 15), instant: false });
    expect(dateBound('2023-06-15T14:30')).toEqual({ ms: Date.UTC(2023, 5, 15, 14, 30), instant: false });
    expect(dateBound('2023-06-15T14:30Z')).toEqual({ ms: Date.UTC(2023, 5, 15, 14, 30), instant: true });
    expect(dateBound('2023-06-15T14:30+02:00')).toEqual({ ms: Date.UTC(2023, 5, 15, 12, 30), instant: true });
  });
});
