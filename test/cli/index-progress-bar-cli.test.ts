// The progress bar of `shoebox index` on a terminal: a log line of the engine while the bar is
// drawn ("text in photos: reading the text of 10 photos", between the embedding's bar and the
// text reading's) starts on a line of its own, not after "ETA 0s"; the next bar is drawn below
// it. The bar counts what the job counts (an index run's photos and videos, then the photos
// whose text is read), so its rate is in items/s.
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress-bar';

/** A stderr that is a terminal, 100 columns wide, keeping what is written. */
function terminal(): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY: true, columns: 100, text: '', write(chunk: string) { stream.text += chunk; return true; } };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('the index progress bar', () => {
  it('ends its line before a log line, and draws the next bar below it', () => {
    const stderr = terminal();
    const bar = progressBar(true, stderr);
    bar.update({ done: 13, total: 13, rate: 1.94, etaSeconds: 0 });
    bar.note('shoebox: text in photos: reading the text of 10 photos');
    bar.update({ done: 1, total: 10, rate: 2, etaSeconds: 4.5 });
    bar.end();
    expect(stderr.text.split('\n')).toEqual([
      '\r[##############################] 13/13 1.9 items/s ETA 0s',
      'shoebox: text in photos: reading the text of 10 photos',
      '\r[###...........................] 1/10 2.0 items/s ETA 5s',
      '',
    ]);
  });

  it('writes a log line alone when no bar is drawn (not a terminal, or nothing to count yet)', () => {
    const stderr = terminal();
    progressBar(true, stderr).note('shoebox: text in photos: read 10, 0 unreadable');
    expect(stderr.text).toBe('shoebox: text in photos: read 10, 0 unreadable\n');
    const pipe = Object.assign(terminal(), { isTTY: false });
    const piped = progressBar(true, pipe);
    piped.update({ done: 1, total: 2, rate: 1, etaSeconds: 1 });
    piped.note('shoebox: a line');
    expect(pipe.text).toBe('shoebox: a line\n');
  });
});
