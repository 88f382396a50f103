// The app's words for a search refusal whose subject names two options: the dates cross
// ("--after 2021-06-02 is not earlier than --before 2021-06-01: no photo can match", from
// core/search/filters.ts, which an album saved from the command line can hold). Dropping the
// subject as for one option ("--tag cat: …") left only "No photo can match", without why.
import { describe, expect, it } from 'vitest';
import { appWording } from '../../../src/shared/app-wording';
import { searchErrorText } from '../../../src/renderer/lib/filters';

const CROSSED = '--after 2021-06-02 is not earlier than --before 2021-06-01: no photo can match';

describe('a refusal naming two options, in the app', () => {
  it('keeps why, and names no command-line option', () => {
    const shown = searchErrorText(CROSSED);
    expect(shown).toBe('“after” 2021-06-02 is not earlier than “before” 2021-06-01: no photo can match');
    expect(shown).not.toMatch(/--/);
    expect(appWording(CROSSED)).toContain('2021-06-02 is not earlier than');
  });

  it('still drops a one-option subject and the command at the end', () => {
    expect(appWording('--camera: empty camera name')).toBe('empty camera name');
    expect(appWording('--after 2021-13: not a date (shoebox search --help)')).toBe('not a date');
  });
});
