// Where the execution provider comes from decides what a bad name costs. Typed for this run
// (--provider) or this shell (SHOEBOX_PROVIDER): a usage error (exit 2) naming the source and
// the names known, before anything opens. Kept in settings.json: not this command's mistake,
// so it must not lock the user out of every command (even `status`): one line on stderr, then
// auto, as the app does (src/main/provider-choice.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

const KNOWN = '(auto, cuda, dml, coreml, webgpu or cpu)';

function homeWithSetting(provider: unknown): string {
  const home = tempDir();
  fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ provider }));
  return home;
}

describe('a provider name Shoebox does not know', () => {
  it('is a usage error when typed with --provider, naming the option', async () => {
    expect(await shoebox(['--home', tempDir(), '--provider', 'gpu', 'status'])).toEqual({ code: 2, stdout: '', stderr: `shoebox: --provider: unknown execution provider "gpu" ${KNOWN}\n` });
  });

  it('is a usage error when set in SHOEBOX_PROVIDER, naming the variable', async () => {
    expect(await shoebox(['--home', tempDir(), 'status'], { SHOEBOX_PROVIDER: 'bogus' })).toEqual({ code: 2, stdout: '', stderr: `shoebox: SHOEBOX_PROVIDER: unknown execution provider "bogus" ${KNOWN}\n` });
  });

  it('in settings.json is one warning line, then every command goes on with auto', async () => {
    const home = homeWithSetting('nonsense');
    const warning = `shoebox: ${path.join(home, 'settings.json')}: "provider": unknown execution provider "nonsense" ${KNOWN}; using auto\n`;
    const status = await shoebox(['--home', home, 'status'], { SHOEBOX_PROVIDER: undefined });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toBe(warning);
    expect(status.stdout).toMatch(/no model on this device/);
    const info = await shoebox(['--home', home, 'info', '--json'], { SHOEBOX_PROVIDER: undefined });
    expect(info.code, info.stderr).toBe(0);
    expect(info.stderr).toBe(warning);
    expect(JSON.parse(info.stdout).providers.inUse).toBeTruthy();
  });

  it('in settings.json is not even read when --provider or SHOEBOX_PROVIDER names one', async () => {
    const home = homeWithSetting(42);
    for (const [args, env] of [[['--provider', 'cpu'], { SHOEBOX_PROVIDER: undefined }], [[], { SHOEBOX_PROVIDER: 'CPU' }]] as const) {
      const res = await shoebox(['--home', home, ...args, 'info', '--json'], env);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toBe('');
      expect(JSON.parse(res.stdout).providers).toMatchObject({ inUse: 'cpu', fallbackReason: null });
    }
  });
});
