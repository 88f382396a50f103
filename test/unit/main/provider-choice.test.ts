// The app's data folder and execution provider, decided as the `shoebox` CLI decides them
// (core's resolveHome, parseProvider, providerSetting): a terminal and the app started with
// the same variables open one library on one provider. A name core does not know starts the
// app on auto all the same, with one line saying why, never a silent difference.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appHome } from '../../../src/main/app-home';
import { providerChoice } from '../../../src/main/provider-choice';
import { parseProvider, resolveHome } from '../../../src/core/index';

const home = (settings?: object) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-app-provider-'));
  if (settings) fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings));
  return dir;
};

describe("the app's data folder", () => {
  it("is SHOEBOX_HOME resolved as the CLI resolves it, else the app's userData", () => {
    const env = { SHOEBOX_HOME: 'relative/shoebox' };
    expect(appHome('/u/Shoebox', env)).toBe(path.resolve('relative/shoebox'));
    expect(appHome('/u/Shoebox', env)).toBe(resolveHome(undefined, env));
    expect(appHome('/u/Shoebox', { SHOEBOX_HOME: '/data/shoebox/' })).toBe('/data/shoebox');
    expect(appHome('/u/Shoebox', {})).toBe('/u/Shoebox');
    expect(appHome('/u/Shoebox', { SHOEBOX_HOME: '' })).toBe('/u/Shoebox');
  });
});

describe("the app's execution provider", () => {
  it('takes SHOEBOX_PROVIDER in any case, as the CLI does', () => {
    const warn = vi.fn();
    for (const [named, provider] of [['cpu', 'cpu'], ['CUDA', 'cuda'], ['WebGPU', 'webgpu'], ['Auto', 'auto']] as const) {
      expect(providerChoice(home({ provider: 'cpu' }), warn, { SHOEBOX_PROVIDER: named }), named).toBe(provider);
      expect(parseProvider(named)).toBe(provider);
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('starts on auto for a SHOEBOX_PROVIDER core does not know, saying so in one line', () => {
    const warn = vi.fn();
    expect(providerChoice(home({ provider: 'cpu' }), warn, { SHOEBOX_PROVIDER: 'gpu' })).toBe('auto');
    expect(warn).toHaveBeenCalledExactlyOnceWith('SHOEBOX_PROVIDER: unknown execution provider "gpu" (auto, cuda, dml, coreml, webgpu or cpu); using auto');
  });

  it('else takes settings.json\'s "provider", in any case; a bad one starts on auto, saying so', () => {
    const warn = vi.fn();
    expect(providerChoice(home({ provider: 'DML' }), warn, {})).toBe('dml');
    expect(providerChoice(home(), warn, {})).toBe('auto');
    expect(warn).not.toHaveBeenCalled();
    const dir = home({ provider: 'tpu' });
    expect(providerChoice(dir, warn, {})).toBe('auto');
    expect(warn).toHaveBeenCalledExactlyOnceWith(`${path.join(dir, 'settings.json')}: "provider": unknown execution provider "tpu" (auto, cuda, dml, coreml, webgpu or cpu); using auto`);
  });
});
