// The line Settings' "Text in photos" shows once a reading job has ended: what it read and how
// long it took, in the words `shoebox index` ends its summary with (shared/text-reading-text.ts).
import type { JobState } from '../../../shared/api';
import { jobSeconds, textReadingText } from '../../../shared/text-reading-text';
import { formatCount } from '../../lib/format';

/** "Last reading: text read in 37 photos (24.8 s)." for a finished 'read-text' job that read any; else null. */
export function finishedReadingText(job: JobState | null): string | null {
  const counts = job?.kind === 'read-text' && job.state === 'done' ? job.result?.text : undefined;
  if (!job || !counts || counts.read + counts.unreadable === 0) return null;
  return `Last reading: ${textReadingText(counts, jobSeconds(job), formatCount)}.`;
}
