// The time left to read the text in photos (src/shared/reading-time.ts), said by the CLI's
// `settings` / `status` line and by the app's Settings: one estimate for both.
import { describe, expect, it } from 'vitest';
import { readingTimeText } from '../../../src/shared/reading-time';

describe('the reading time', () => {
  it('is rounded to the minute, a minute at least', () => {
    expect(readingTimeText(150, 0.8)).toBe('about 2 min');
    expect(readingTimeText(1, 0.3)).toBe('about 1 min');
    expect(readingTimeText(0, 0.3)).toBe('about 1 min');
    expect(readingTimeText(100_000, 0.9)).toBe('about 1500 min');
  });

  it('words its number as the caller does (the app groups digits)', () => {
    expect(readingTimeText(100_000, 0.9, (n) => n.toLocaleString('en-US'))).toBe('about 1,500 min');
  });
});
