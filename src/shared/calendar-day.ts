// Calendar days as date text ("2024-03-07"), the form SearchFilters and AlbumFilters take for
// the camera's clock: pure string arithmetic, no time zone, so a day is the same day on every
// machine (the app's date inputs give and take exactly this text).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is one whole day, YYYY-MM-DD (a real one: not 2021-02-30). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The day `days` after (or, negative, before) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
