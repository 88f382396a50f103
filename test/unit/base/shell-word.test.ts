// A path in a command a message suggests (`shoebox folders remove PATH`): pasted into a shell,
// it names that very path, whatever it holds; and the message stays one printable line.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../../src/base/shell-word';

const PATHS = ['/photos/2024', '/photos/Summer 2024', "/photos/Anne's phone", '/photos/-dash', '/photos/$HOME `x` "q" \\ *?', '/photos/tab\there', '/photos/new\nline', '/photos/bell\u0007 and \u202eevil', '/photos/next\u0085line', '/photos/Zürich 写真'];

describe('shellWord', () => {
  it.each(PATHS)('is read back by bash as the same path: %j', (p) => {
    const word = shellWord(p);
    // Whatever the locale (none here: macOS's bash and a bare environment have no UTF-8 one).
    expect(execFileSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8', env: { PATH: process.env.PATH } })).toBe(p);
    // eslint-disable-next-line no-control-regex
    expect(word).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('leaves a plain path bare', () => {
    expect(shellWord('/photos/2024/trip-1.jpg')).toBe('/photos/2024/trip-1.jpg');
  });
});
