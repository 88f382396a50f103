// The name of a timeline day's check. The day's visible heading stays short ("Mon, Dec 7": the
// month header above it carries the year), but a screen reader's list of checkboxes has no
// month header: Dec 7 2026 and Dec 7 2020 were both "Select Mon, Dec 7". The year is always
// named, so every day reads the same way, whichever year it is.

/** "Select Mon, Dec 7, 2026" in the reader's language (`day`: YYYY-MM-DD, a wall-clock date). */
export function dayCheckLabel(day: string, locale?: string): string {
  const date = new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return `Select ${date}`;
}
