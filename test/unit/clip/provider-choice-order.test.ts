// The provider order the CLI and the app both start by (core's chooseProvider): SHOEBOX_PROVIDER,
// else settings.json's "provider", else auto. Where a name is refused, each front end says it
// (the CLI: exit 2 for the variable; the app: auto, with the same line): what they start on
// otherwise must be the same for every input, a bad value in either place included.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseProvider } from '../../../src/core/index';
import { providerChoice } from '../../../src/main/provider-choice';

const KNOWN = '(auto, cuda, dml, coreml, webgpu or cpu)';

function home(settings?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-provider-order-'));
  if (settings !== undefined) fs.writeFileSync(path.join(dir, 'settings.json'), settings);
  return dir;
}

describe('the provider a front end starts on', () => {
  it('is the variable, else settings.json, else auto; an empty variable is unset, an unreadable settings.json is auto', () => {
    const rows: [string | undefined, string | undefined, string, string][] = [
      ['CPU', JSON.stringify({ provider: 'cuda' }), 'cpu', 'SHOEBOX_PROVIDER'],
      ['webgpu', JSON.stringify({ provider: 42 }), 'webgpu', 'SHOEBOX_PROVIDER'],
      ['', JSON.stringify({ provider: 'DML' }), 'dml', 'settings.json'],
      [undefined, JSON.stringify({ provider: 'auto' }), 'auto', 'settings.json'],
      [undefined, JSON.stringify({ other: 1 }), 'auto', 'default'],
      [undefined, '{not json', 'auto', 'default'],
      [undefined, undefined, 'auto', 'default'],
    ];
    for (const [named, settings, provider, source] of rows) {
      const dir = home(settings);
      const env = named === undefined ? {} : { SHOEBOX_PROVIDER: named };
      expect(chooseProvider(dir, env), `${named} / ${settings}`).toEqual({ provider, source, refused: null, problem: null });
      const warned: string[] = [];
      expect(providerChoice(dir, (line) => warned.push(line), env)).toBe(provider);
      expect(warned).toEqual([]);
    }
  });

  it('is auto for a name in either place that is no provider, with one line naming the place; the variable wins over settings.json', () => {
    const dir = home(JSON.stringify({ provider: 'cpu' }));
    expect(chooseProvider(dir, { SHOEBOX_PROVIDER: ' cpu' })).toEqual({
      provider: 'auto',
      source: 'SHOEBOX_PROVIDER',
      refused: `SHOEBOX_PROVIDER: unknown execution provider " cpu" ${KNOWN}`,
      problem: `SHOEBOX_PROVIDER: unknown execution provider " cpu" ${KNOWN}; using auto`,
    });
    const bad = home(JSON.stringify({ provider: 'tpu' }));
    const where = `${path.join(bad, 'settings.json')}: "provider": unknown execution provider "tpu" ${KNOWN}`;
    expect(chooseProvider(bad, {})).toEqual({ provider: 'auto', source: 'settings.json', refused: where, problem: `${where}; using auto` });
    expect(chooseProvider(bad, { SHOEBOX_PROVIDER: 'coreml' })).toMatchObject({ provider: 'coreml', problem: null });
    const warned: string[] = [];
    expect(providerChoice(bad, (line) => warned.push(line), {})).toBe('auto');
    expect(warned).toEqual([`${where}; using auto`]);
  });
});
