// When a photo was taken, written the way its camera showed it. The library stores the
// camera's clock read as UTC (core/media/exif.ts), so every format here works in UTC:
// formatting in the viewer's own zone would move a photo taken at 15:56 to 00:56 the next
// day in Tokyo. The EXIF offset, when the camera recorded one, is shown beside the clock.

/** "2021-06-15T15:56:00" (no zone: the camera's clock), or "2021-06-15T15:56:00+02:00". */
export function takenAtIso(takenAt: number, offsetMinutes?: number | null): string {
  const clock = new Date(takenAt).toISOString().slice(0, 19);
  return typeof offsetMinutes === 'number' ? `${clock}${offsetText(offsetMinutes)}` : clock;
}

/** Minutes east of UTC → "+02:00", "-05:30", "+00:00". */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "Jun 15, 2021, 3:56 PM" in the reader's language, the camera's clock; " (UTC+02:00)" with an offset. */
export function takenAtText(takenAt: number, offsetMinutes?: number | null, locale?: string): string {
  const text = new Date(takenAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return typeof offsetMinutes === 'number' ? `${text} (UTC${offsetText(offsetMinutes)})` : text;
}

const RANGE_TEXT = 'the year must be between 1826, the first photograph, and 2200';

/** Whether a date taken lies in the years a library keeps: 1826 (the first photograph) to 2200. */
export function takenAtInRange(takenAt: number): boolean {
  const year = new Date(takenAt).getUTCFullYear();
  return year >= 1826 && year <= 2200;
}

/** A date taken as a person writes it: "2024-03-07", "2024-03-07T18:05", "2024-03-07 18:05:30", with an optional "Z" or "+02:00". */
const TAKEN_AT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses a date taken the user types (the camera's clock, read as UTC as the library stores it;
 * an offset when given). Throws a one-line error naming what it expected.
 */
export function parseTakenAt(text: string): { takenAt: number; takenOffset: number | null } {
  const m = TAKEN_AT.exec(text.trim());
  const fail = () => new Error(`not a date taken: "${text}" (expected 2024-03-07T18:05, seconds and an offset such as +02:00 optional)`);
  if (!m) throw fail();
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1, 7) as (string | undefined)[];
  // setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999 (0001 would be 1901).
  const back = new Date(Date.UTC(2000, 0, 1, Number(h), Number(mi), Number(s)));
  back.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  const takenAt = back.getTime();
  // Date.UTC rolls 2024-02-30 over into March: a date that does not exist is refused instead.
  if (back.getUTCFullYear() !== Number(y) || back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) throw fail();
  if (!takenAtInRange(takenAt)) throw new Error(`not a date taken: "${text}" (${RANGE_TEXT})`);
  const zone = m[7];
  if (!zone) return { takenAt, takenOffset: null };
  if (zone === 'Z') return { takenAt, takenOffset: 0 };
  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  if (minutes > 14 * 60) throw fail();
  return { takenAt, takenOffset: zone.startsWith('-') ? -minutes : minutes };
}

const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };
/** A sign, then days, hours, minutes and seconds in any mix: "+1h", "-2d", "+1d2h30m", "-90s". */
const SHIFT = /^([+-])((?:\d{1,9}[dhms])+)$/;
/** Past this a shift cannot keep any date in range (375 years and a margin). */
export const MAX_SHIFT_SECONDS = 400 * 366 * 86_400;

/**
 * Parses a shift of dates taken as a person writes it, for a camera whose clock was off by a time
 * zone or a day: "+1h", "-2d", "+1d2h30m". Seconds; throws a one-line error naming what it expected.
 */
export function parseTakenShift(text: string): number {
  const m = SHIFT.exec(text.trim().replace(/\s+/g, ''));
  const seconds = m ? [...m[2]!.matchAll(/(\d+)([dhms])/g)].reduce((sum, [, n, unit]) => sum + Number(n) * UNIT_SECONDS[unit!]!, 0) : 0;
  if (!m || seconds === 0 || seconds > MAX_SHIFT_SECONDS) throw new Error(`not a time shift: "${text}" (expected a sign and days, hours, minutes or seconds: +1h, -2d, +1d2h30m)`);
  return m[1] === '-' ? -seconds : seconds;
}

/** Seconds → "+1d 2h 30m", "-45s": how a shift is shown back to the user. */
export function shiftText(seconds: number): string {
  let rest = Math.abs(seconds);
  const parts: string[] = [];
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) parts.push(`${n}${unit}`);
  }
  return `${seconds < 0 ? '-' : '+'}${parts.join(' ') || '0s'}`;
}
