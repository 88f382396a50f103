// "On this day" in the app: today on this computer's calendar, as the engine's
// TimelineOptions.onThisDay takes it (the one today of src/shared/today.ts, which the CLI
// uses too), and the words shown for it.
export { todayIso } from '../../shared/today';

/** "December 3 in earlier years". */
export function onThisDayText(now: Date = new Date()): string {
  return `${now.toLocaleDateString('en-US', { month: 'long', day: 'numeric' })} in earlier years`;
}
