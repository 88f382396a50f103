// Dates for --after/--before. A date names a period: `2023` a year, `2023-06` a month,
// `2023-06-15` a day, `2023-06-15T14:30` a minute; `--after P` keeps photos taken from the
// start of P on, `--before P` those taken before the start of P, so `--after 2023
// --before 2024` is the year 2023 (a half-open range, like timestamps).
//
// Without a zone a date is camera wall-clock time, read as UTC, exactly as the library
// stores every photo's EXIF time (media/exif.ts): `--after 2023-06-15` means "from what the
// cameras showed as 15 June", wherever this machine, its user or the photos are. A date-time
// with `Z` or an offset (`2023-06-15T14:30+02:00`) is that exact instant, compared with each
// photo's instant (its clock less its EXIF offset; a clock without one is taken as UTC).
import { QueryError } from './query-error';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;

/** The start of the period a date string names, epoch ms; QueryError when it is not a date. */
export function periodStart(text: string, option = 'date'): number {
  return dateBound(text, option).ms;
}

/** periodStart, and whether it is an instant (the date named a zone) or a camera-clock time. */
export function dateBound(text: string, option = 'date'): { ms: number; instant: boolean } {
  const ms = wallClockOrInstant(text, option);
  return { ms, instant: DATE.exec(text.trim())![8] !== undefined };
}

function wallClockOrInstant(text: string, option: string): number {
  const m = DATE.exec(text.trim());
  if (!m) throw new QueryError(`${option}: "${text}" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])`);
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const zone = m[8];
  const wallClock = Date.UTC(year!, month - 1, day, hour, minute, second, ms);
  const back = new Date(wallClock);
  if (
    month < 1 || month > 12 || back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59
  ) {
    throw new QueryError(`${option}: "${text}" is not a valid date`);
  }
  if (zone === undefined || zone.toUpperCase() === 'Z') return wallClock;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (offset > 14 * 60) throw new QueryError(`${option}: "${text}" has an impossible time-zone offset`);
  return wallClock - sign * offset * 60_000;
}
