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
