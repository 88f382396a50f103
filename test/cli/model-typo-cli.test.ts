// A --model that names no model at all (a typo) is a usage error, exit 2, in the words of
// `models use`: never the advice to `models install` an id the catalog does not hold, which
// would only be refused in turn. A catalog id not installed yet keeps its install advice.
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { tempDir } from '../helpers/images';

const TYPO = 'shoebox: no model "nope": it is neither installed nor in the catalog (shoebox models list shows both; shoebox models import DIR brings a model folder)';

describe('--model naming no model', () => {
  it('is a usage error for every library command, worded as models use words it', async () => {
    const home = tempDir();
    for (const args of [['search', 'red'], ['status'], ['index', tempDir()]]) {
      const res = await shoebox(['--home', home, ...args, '--model', 'nope']);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n'), args.join(' ')).toEqual([TYPO]);
    }
    const use = await shoebox(['--home', home, 'models', 'use', 'nope']);
    expect(use.code).toBe(2);
    expect(TYPO.startsWith(use.stderr.trim())).toBe(true);
  });

  it('a catalog model not installed yet is still offered for install (exit 1)', async () => {
    const res = await shoebox(['--home', tempDir(), 'search', 'red', '--model', 'vit-b-32-laion2b']);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('shoebox: model vit-b-32-laion2b is not installed (shoebox models install vit-b-32-laion2b)');
  });
});
