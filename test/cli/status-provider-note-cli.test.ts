// A forced provider that cannot run here falls back to the CPU; `status` says so and why, in one
// line (and `--json` as "providerNote"), rather than only "on cpu": the reason is the core's
// (info's fallbackReason), with what to do for CUDA (`npm run fetch-cuda` on Linux x64).
// No CUDA provider is installed here, so a forced cuda fails to load.
import { describe, expect, it } from 'vitest';
import { TINY_IMMICH, fixtureModelDir } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

async function homeWithModel(): Promise<string> {
  const home = tempDir();
  expect((await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH)])).code).toBe(0);
  return home;
}

const fetchCuda = process.platform === 'linux' && process.arch === 'x64' ? /npm run fetch-cuda/ : /CUDA/;

describe('shoebox status with a forced provider that fell back to the CPU', () => {
  it('says which provider was asked for, that it failed and why, in one line', async () => {
    const home = await homeWithModel();
    const res = await shoebox(['--home', home, '--provider', 'cuda', 'status']);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toMatch(/; model tiny-immich on cpu$/);
    expect(lines[1]).toMatch(/^ {2}not on cuda as asked: cuda failed to load: .+/);
    expect(lines[1]).toMatch(fetchCuda);
  });

  it('gives the reason as providerNote with --json; null when the provider asked for is the one used', async () => {
    const home = await homeWithModel();
    const forced = await shoebox(['--home', home, '--provider', 'cuda', 'status', '--json']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ provider: 'cpu', providerNote: expect.stringMatching(/^cuda failed to load: /) });
    expect(JSON.parse(forced.stdout).providerNote).toMatch(fetchCuda);
    const cpu = await shoebox(['--home', home, '--provider', 'cpu', 'status', '--json']);
    expect(JSON.parse(cpu.stdout)).toMatchObject({ provider: 'cpu', providerNote: null });
  });
});
