// `shoebox info` says which provider this run uses and why, the same way whether auto chose it
// or it was asked for: a forced provider is the only one tried (no GPU probed), so the others
// are said to be untried, not listed bare as if they had been checked and were usable.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

const providerLine = (stdout: string) => stdout.split('\n').find((line) => line.startsWith('execution providers: '));

describe('shoebox info, execution providers', () => {
  it('says auto chose the one in use', async () => {
    const res = await shoebox(['--home', tempDir(), 'info'], { SHOEBOX_PROVIDER: undefined });
    expect(res.code, res.stderr).toBe(0);
    expect(providerLine(res.stdout)).toMatch(/; in use: \w+ \(chosen by auto\)$/);
  });

  it('says a forced cpu is as asked, and the GPU providers were not tried (--provider or SHOEBOX_PROVIDER)', async () => {
    for (const [args, env] of [
      [['--provider', 'cpu'], { SHOEBOX_PROVIDER: undefined }],
      [[], { SHOEBOX_PROVIDER: 'CPU' }],
    ] as [string[], NodeJS.ProcessEnv][]) {
      const res = await shoebox(['--home', tempDir(), ...args, 'info'], env);
      expect(res.code, res.stderr).toBe(0);
      const line = providerLine(res.stdout)!;
      expect(line).toMatch(/; in use: cpu \(as asked: cpu\)$/);
      // Every provider but the CPU is marked: none is listed bare as though it were checked.
      const listed = line.replace(/^execution providers: /, '').replace(/; in use: .*$/, '').split(', ');
      for (const name of listed) expect(name === 'cpu' || / \(not tried\)$/.test(name), line).toBe(true);
    }
  });
});
