// The data folder when no --home or SHOEBOX_HOME is given: an empty or relative
// XDG_CONFIG_HOME / APPDATA is ignored (XDG spec), never a folder relative to the cwd.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveHome } from '../../../src/core/home';

describe('resolveHome platform folders', () => {
  const config = path.join(os.homedir(), '.config', 'Shoebox');

  it('uses an absolute XDG_CONFIG_HOME', () => {
    expect(resolveHome(undefined, { XDG_CONFIG_HOME: '/x/conf' }, 'linux')).toBe('/x/conf/Shoebox');
  });

  it('ignores an empty XDG_CONFIG_HOME (no data folder in the cwd)', () => {
    expect(resolveHome(undefined, { XDG_CONFIG_HOME: '' }, 'linux')).toBe(config);
  });

  it('ignores a relative XDG_CONFIG_HOME', () => {
    expect(resolveHome(undefined, { XDG_CONFIG_HOME: 'conf' }, 'linux')).toBe(config);
  });

  it('ignores an empty or relative APPDATA on Windows', () => {
    const roaming = path.join(os.homedir(), 'AppData', 'Roaming', 'Shoebox');
    expect(resolveHome(undefined, { APPDATA: '' }, 'win32')).toBe(roaming);
    expect(resolveHome(undefined, { APPDATA: 'Roaming' }, 'win32')).toBe(roaming);
    expect(resolveHome(undefined, { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', 'Shoebox'));
  });
});
