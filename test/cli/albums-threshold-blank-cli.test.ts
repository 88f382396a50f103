// `--threshold ""` (an empty shell variable, a script's missing value) is no cosine: refused
// before anything opens, as "high" is, never saved as the 0 that Number('') makes of it.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

describe('albums --threshold given blank', () => {
  it.each(['', '  '])('%j is a usage error for create and edit', async (blank) => {
    for (const args of [['create', 'reds', '--query', 'red'], ['edit', 'reds']]) {
      const res = await shoebox(['--home', tempDir(), 'albums', ...args, '--threshold', blank]);
      expect([args, res]).toEqual([args, { code: 2, stdout: '', stderr: `shoebox: --threshold must be a cosine from -1 to 1, got "${blank}"\n` }]);
    }
  });
});
