// The library the app's engine starts on follows the CLI's rule (shared/home-library.ts):
// SHOEBOX_LIBRARY, checked as the CLI checks it, else the saved choice with its stored keys,
// else <home>/library. Before, main passed a malformed SHOEBOX_LIBRARY on unchecked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { safeStorage } = await import('electron');
const { LibrarySetting } = await import('../../../src/main/library-setting');
const { engineLibrary } = await import('../../../src/main/engine-library');
const { libraryChoice } = await import('../../../src/cli/global-options');

const home = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-app-home-'));
const SECRET = 'engine-library-secret-9z8y7x6w5v';

describe("the app engine's library", () => {
  beforeEach(fake.resetFakeElectron);

  it('is the saved choice, with its stored keys; SHOEBOX_LIBRARY wins over it; none is <home>/library', () => {
    const dir = home();
    const setting = new LibrarySetting(dir, safeStorage, {});
    expect(engineLibrary(setting, {})).toEqual({});
    setting.save({ choice: { kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://nas.local:9000' }, keys: { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET } });
    expect(engineLibrary(setting, {})).toEqual({ library: 's3://family/photos', s3: { endpoint: 'http://nas.local:9000', credentials: { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET } } });
    const elsewhere = path.join(dir, 'elsewhere');
    expect(engineLibrary(setting, { SHOEBOX_LIBRARY: elsewhere })).toEqual({ library: elsewhere });
    // The CLI, on the same home, opens the same library (the keys are the app's alone).
    expect(libraryChoice({ home: dir }, {})).toEqual({ library: 's3://family/photos', s3: { endpoint: 'http://nas.local:9000' } });
    expect(libraryChoice({ home: dir }, { SHOEBOX_LIBRARY: elsewhere })).toEqual({ library: elsewhere });
  });

  it('refuses a malformed SHOEBOX_LIBRARY in the same one line as the CLI, never echoing a key', () => {
    const setting = new LibrarySetting(home(), safeStorage, {});
    for (const bad of ['s3:/family', 's3://AKID:secret-pasted@family/photos', 'ftp://nas/photos', 's3://family/photos?aws_secret_access_key=secret-pasted']) {
      const env = { SHOEBOX_LIBRARY: bad };
      let cli = '';
      try {
        libraryChoice({}, env);
      } catch (error) {
        cli = (error as Error).message;
      }
      expect(cli).toMatch(/^SHOEBOX_LIBRARY: /);
      expect(() => engineLibrary(setting, env)).toThrow(cli);
      expect(cli).not.toContain('secret-pasted');
      expect(cli).not.toContain('\n');
    }
  });
});
