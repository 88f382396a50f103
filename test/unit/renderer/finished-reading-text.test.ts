// Once a reading of the text in photos ends, Settings says what it read and how long it took,
// in the words `shoebox index` ends its summary with: the index run's own time is the
// embedding's, and a first run after turning text on spends most of its time reading.
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/shared/api';
import { finishedReadingText } from '../../../src/renderer/components/settings/finished-reading-text';
import { textReadingText } from '../../../src/shared/text-reading-text';

const job = (over: Partial<JobState>): JobState => ({
  id: 'j1', kind: 'read-text', folder: '', state: 'done', progress: null, error: null, queuedAt: 0, startedAt: 1_000, finishedAt: 25_800,
  result: { added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, text: { read: 37, unreadable: 0, left: 0, interrupted: false } },
  ...over,
});

describe('the finished reading of text in photos', () => {
  it('says the photos read and the time it took, as the CLI does', () => {
    expect(finishedReadingText(job({}))).toBe('Last reading: text read in 37 photos (24.8 s).');
    expect(textReadingText({ read: 37, unreadable: 0 }, 24.8)).toBe('text read in 37 photos (24.8 s)');
    expect(textReadingText({ read: 1, unreadable: 2 }, 3)).toBe('text read in 1 photo, 2 unreadable (3.0 s)');
  });

  it('says nothing for a reading that read nothing, or a job still running', () => {
    expect(finishedReadingText(job({ result: { added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, text: { read: 0, unreadable: 0, left: 0, interrupted: false } } }))).toBeNull();
    expect(finishedReadingText(job({ state: 'running', result: null }))).toBeNull();
    expect(finishedReadingText(null)).toBeNull();
  });
});
