// A date taken as the user types it (the viewer's date field, `shoebox date set`): the camera's
// clock read as UTC, as the library stores it, with the offset when one is given; a date
// that does not exist is refused in one line rather than rolled over into the next month.
import { describe, expect, it } from 'vitest';
import { parseTakenAt, parseTakenShift, shiftText, takenAtIso } from '../../../src/shared/taken-at';

describe('parseTakenAt', () => {
  it('reads a day, a minute, a second and an offset, and writes back as it was given', () => {
    expect(parseTakenAt('2024-03-07')).toEqual({ takenAt: Date.UTC(2024, 2, 7), takenOffset: null });
    expect(parseTakenAt('2024-03-07T18:05')).toEqual({ takenAt: Date.UTC(2024, 2, 7, 18, 5), takenOffset: null });
    expect(parseTakenAt(' 2024-03-07 18:05:30 ')).toEqual({ takenAt: Date.UTC(2024, 2, 7, 18, 5, 30), takenOffset: null });
    expect(parseTakenAt('2024-03-07T18:05-05:30')).toEqual({ takenAt: Date.UTC(2024, 2, 7, 18, 5), takenOffset: -330 });
    expect(parseTakenAt('2024-03-07T18:05Z').takenOffset).toBe(0);
    const { takenAt, takenOffset } = parseTakenAt('2021-06-15T15:56:00+02:00');
    expect(takenAtIso(takenAt, takenOffset)).toBe('2021-06-15T15:56:00+02:00');
  });

  it('refuses what is not a date taken, naming the form it expects', () => {
    for (const bad of ['', 'yesterday', '2024-02-30', '2023-02-29T10:00', '2024-03-07T24:00', '2024-03-07T18:60', '2024-03-07T18:05+15:00', '07/03/2024', '1200-01-01', '2300-01-01']) {
      expect(() => parseTakenAt(bad), bad).toThrow(/^not a date taken: ".*" \(/);
    }
    expect(parseTakenAt('2024-02-29').takenAt).toBe(Date.UTC(2024, 1, 29)); // a leap day exists
  });
});

// A shift as typed (`shoebox date shift`): a sign, then days, hours, minutes, seconds in any mix.
describe('parseTakenShift', () => {
  it('reads days, hours, minutes and seconds, either way, and writes them back', () => {
    expect(parseTakenShift('+1h')).toBe(3600);
    expect(parseTakenShift('-2d')).toBe(-2 * 86_400);
    expect(parseTakenShift('+1d2h30m')).toBe(86_400 + 2 * 3600 + 30 * 60);
    expect(parseTakenShift(' -1h 30m ')).toBe(-5400);
    expect(parseTakenShift('+90s')).toBe(90);
    expect(shiftText(parseTakenShift('+1d2h30m'))).toBe('+1d 2h 30m');
    expect(shiftText(-5400)).toBe('-1h 30m');
    expect(shiftText(-45)).toBe('-45s');
  });

  it('refuses what is not a shift: no sign, no unit, nothing to move, or beyond any date', () => {
    for (const bad of ['', '1h', '+1', '+1x', '+h', '+0h', '+0d0m', '+1h-2m', 'one hour', '+999999999d']) {
      expect(() => parseTakenShift(bad), bad).toThrow(/^not a time shift: ".*" \(expected/);
    }
  });
});
