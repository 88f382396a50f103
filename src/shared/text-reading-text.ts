// What one reading of the text in photos did, with its time, as `shoebox index` ends its summary
// line and the app's Settings says after the reading job: "text read in 37 photos (24.8 s)".
// The index run's own "(0.0 s)" is the embedding's; without this a run that spent 25 s
// reading text said nothing of it.
import type { TextReadingCounts } from './api';
import { countText } from './count-text';

/** "text read in 37 photos (24.8 s)", with ", 2 unreadable" when some could not be read. */
export function textReadingText(counts: Pick<TextReadingCounts, 'read' | 'unreadable'>, seconds: number, count: (n: number, one: string) => string = countText): string {
  const unreadable = counts.unreadable > 0 ? `, ${counts.unreadable.toLocaleString()} unreadable` : '';
  return `text read in ${count(counts.read, 'photo')}${unreadable} (${seconds.toFixed(1)} s)`;
}

/** A finished job's seconds from its start and end (JobState's times, ms); 0 when unknown. */
export function jobSeconds(job: { startedAt: number | null; finishedAt: number | null }): number {
  return job.startedAt !== null && job.finishedAt !== null ? Math.max(0, job.finishedAt - job.startedAt) / 1000 : 0;
}
