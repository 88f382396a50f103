// Today as "On this day" asks for it (TimelineOptions.onThisDay), for the app and the CLI alike.

/** Today as YYYY-MM-DD on this computer's calendar (not UTC: a memory is today's, here). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
