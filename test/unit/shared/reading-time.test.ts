// The time left to read the text in photos (src/shared/reading-time.ts), said by the CLI's
// `settings` / `status` line and by the app's Settings: one estimate for both. A few photos
// left (8 at 0.31 s after a Ctrl-C) said "about 1 min" for 2.5 s of work.
import { describe, expect, it } from 'vitest';
import { readingTimeText } from '../../../src/shared/reading-time';

describe('the reading time', () => {
  it('is rounded to the minute from a minute on', () => {
    expect(readingTimeText(150, 0.8)).toBe('about 2 min');
    expect(readingTimeText(200, 0.31)).toBe('about 1 min');
    expect(readingTimeText(100_000, 0.9)).toBe('about 1500 min');
  });

  it('says seconds, not a minute, for a small backlog', () => {
    expect(readingTimeText(8, 0.31)).toBe('a few seconds');
    expect(readingTimeText(1, 0.3)).toBe('a few seconds');
    expect(readingTimeText(0, 0.3)).toBe('a few seconds');
    expect(readingTimeText(40, 0.31)).toBe('under a minute');
    expect(readingTimeText(193, 0.31)).toBe('under a minute');
  });

  it('words its number as the caller does (the app groups digits)', () => {
    expect(readingTimeText(100_000, 0.9, (n) => n.toLocaleString('en-US'))).toBe('about 1,500 min');
  });
});
