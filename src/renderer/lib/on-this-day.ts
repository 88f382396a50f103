// "On this day" in the app: today on this computer's calendar, as the engine's
// TimelineOptions.onThisDay takes it, and the words shown for it.

/** Today as YYYY-MM-DD on this computer's calendar (not UTC: a memory is today's, here). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "December 3 in earlier years". */
export function onThisDayText(now: Date = new Date()): string {
  return `${now.toLocaleDateString('en-US', { month: 'long', day: 'numeric' })} in earlier years`;
}
