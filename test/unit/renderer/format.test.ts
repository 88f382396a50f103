// Numbers as the UI writes them: plurals, totals not known yet, failure paths (sizes:
// test/unit/shared/bytes-text.test.ts).
import { describe, expect, it } from 'vitest';
import { formatCount, formatTotal, pathInFolder, shortText, SHOWN_QUERY_CHARS } from '../../../src/renderer/lib/format';

describe('format', () => {
  it('counts in the singular for one, and says "200+" while more may follow', () => {
    expect(formatCount(1, 'photo')).toBe('1 photo');
    expect(formatCount(2, 'photo')).toBe('2 photos');
    expect(formatCount(200, 'result', 'results', false)).toBe('200+ results');
    expect(formatCount(1, 'result', 'results', false)).toBe('1+ results');
    expect(formatTotal(200, false)).toBe('200+');
    expect(formatTotal(342, true)).toBe('342');
  });

  it('names a failed file by where it is inside its folder', () => {
    expect(pathInFolder('/photos', '/photos/2019/trip/bad.jpg')).toBe('2019/trip/bad.jpg');
    expect(pathInFolder('/photos/', '/photos/bad.jpg')).toBe('bad.jpg');
    expect(pathInFolder('C:\\Photos', 'C:\\Photos\\a\\text.jpg')).toBe('a\\text.jpg');
    // Not under it (or only a name prefix): the whole path.
    expect(pathInFolder('/photos', '/photos-old/bad.jpg')).toBe('/photos-old/bad.jpg');
  });

  it('cuts a long query for a heading at a word, with "…", and leaves a short one whole', () => {
    expect(shortText('a dog on a beach')).toBe('a dog on a beach');
    const long = 'a red car parked on a wet street at night with neon signs '.repeat(62).trim();
    const short = shortText(long);
    expect([...short].length).toBeLessThanOrEqual(SHOWN_QUERY_CHARS);
    expect(short).toMatch(/^a red car parked on a wet street .* [a-z]+…$/);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    // One long word is cut where it must; an emoji is never split.
    expect(shortText('x'.repeat(3600))).toBe(`${'x'.repeat(SHOWN_QUERY_CHARS - 1)}…`);
    expect([...shortText('🐕'.repeat(100))].length).toBe(SHOWN_QUERY_CHARS);
  });
});
