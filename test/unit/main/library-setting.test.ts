// Settings → Library in the desktop app: the choice saved in the home with no secret in it,
// the S3 keys only encrypted with safeStorage (the mocked electron's), the engine started on
// the choice, and a bad setting refused in one line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { safeStorage } = await import('electron');
const { LibrarySetting } = await import('../../../src/main/library-setting');
const { switchLibrary } = await import('../../../src/main/library-ipc');
const { checkLibraryLocation } = await import('../../../src/core/index');

const SECRET = 'sEcReT+abcdefghij/0123456789KLMNOPqrst';
const home = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-app-home-'));
const everyFile = (dir: string) => fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('\n');

describe('the library setting', () => {
  beforeEach(fake.resetFakeElectron);

  it('is the default library until one is chosen', () => {
    const setting = new LibrarySetting(home(), safeStorage);
    expect(setting.view()).toEqual({ choice: { kind: 'default' }, uri: null, hasKeys: false, canStoreKeys: true });
    expect(setting.engineOptions()).toEqual({});
  });

  it('keeps S3 keys only encrypted, never in the settings file, and gives them to the engine', () => {
    const dir = home();
    const setting = new LibrarySetting(dir, safeStorage);
    const view = setting.save({ choice: { kind: 's3', bucket: 'family', prefix: '/photos/', endpoint: 'http://nas.local:9000/' }, keys: { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET } });
    expect(view).toEqual({ choice: { kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://nas.local:9000' }, uri: 's3://family/photos', hasKeys: true, canStoreKeys: true });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(everyFile(dir)).not.toContain(SECRET);
    expect(everyFile(dir)).not.toContain('AKIDNAS');
    expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);
    // A new start (a new LibrarySetting) finds it all again.
    const again = new LibrarySetting(dir, safeStorage);
    expect(again.engineOptions()).toEqual({ library: 's3://family/photos', s3: { endpoint: 'http://nas.local:9000', credentials: { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET } } });
    // Saved again without keys: the stored ones stay; with keys: null, they are forgotten.
    expect(again.save({ choice: { kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://nas.local:9000', region: 'eu-west-3' } }).hasKeys).toBe(true);
    expect(again.save({ choice: { kind: 's3', bucket: 'family', prefix: 'photos' }, keys: null }).hasKeys).toBe(false);
    expect(again.engineOptions()).toEqual({ library: 's3://family/photos' }); // the AWS variables and files then
  });

  it("sends stored keys only to the endpoint and bucket they were saved for, never to another one's host", () => {
    const nas = { kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://nas.local:9000' };
    const keys = { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET };
    const credentials = (setting: InstanceType<typeof LibrarySetting>, choice: object) => setting.optionsFor({ choice }).s3?.credentials;
    const places = [
      ['another bucket on the same NAS', { ...nas, bucket: 'work' }],
      ['the same bucket name on another host', { ...nas, endpoint: 'http://evil.example:9000' }],
      ['the same bucket name on AWS', { kind: 's3', bucket: 'family', prefix: 'photos' }],
    ] as const;
    for (const [what, elsewhere] of places) {
      const dir = home();
      const setting = new LibrarySetting(dir, safeStorage);
      setting.save({ choice: nas, keys });
      // Another prefix or region is the same place: the keys go with it.
      expect(credentials(setting, { ...nas, prefix: 'other', region: 'eu-west-3' }), what).toEqual(keys);
      // Checked or copied to (switchLibrary's optionsFor) without keys typed: none (the AWS default chain).
      expect(credentials(setting, elsewhere), what).toBeUndefined();
      expect(setting.optionsFor({ choice: elsewhere, keys: { accessKeyId: 'AKIDWORK', secretAccessKey: SECRET } }).s3?.credentials, what).toEqual({ accessKeyId: 'AKIDWORK', secretAccessKey: SECRET });
      // Saved without keys typed: the old place's keys are forgotten, not started with.
      expect(setting.save({ choice: elsewhere }).hasKeys, what).toBe(false);
      expect(setting.engineOptions().s3?.credentials, what).toBeUndefined();
      expect(new LibrarySetting(dir, safeStorage).engineOptions().s3?.credentials, what).toBeUndefined();
    }
  });

  it('uses stored keys only for the place kept with them: not keys an older version kept without it, not after a crash between the two files', () => {
    const nas = { kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://nas.local:9000' };
    const keys = { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET };
    // An older version kept bucket family's keys through a "copy and open" to bucket work.
    const legacy = home();
    fs.writeFileSync(path.join(legacy, 'library-choice.json'), JSON.stringify({ ...nas, bucket: 'work' }));
    fs.writeFileSync(path.join(legacy, 'library-keys.bin'), safeStorage.encryptString(JSON.stringify(keys)));
    const old = new LibrarySetting(legacy, safeStorage);
    expect(old.engineOptions().s3?.credentials).toBeUndefined();
    expect(old.view().hasKeys).toBe(false);
    // Keys typed for bucket work, then a crash before library-choice.json was written: still family's choice, not work's keys.
    const crashed = home();
    new LibrarySetting(crashed, safeStorage).save({ choice: nas, keys });
    const stale = fs.readFileSync(path.join(crashed, 'library-choice.json'));
    new LibrarySetting(crashed, safeStorage).save({ choice: { ...nas, bucket: 'work' }, keys: { accessKeyId: 'AKIDWORK', secretAccessKey: SECRET } });
    fs.writeFileSync(path.join(crashed, 'library-choice.json'), stale);
    expect(new LibrarySetting(crashed, safeStorage).engineOptions().s3?.credentials).toBeUndefined();
  });

  it("copies to another bucket with the AWS default chain, not the open library's stored keys", async () => {
    const setting = new LibrarySetting(home(), safeStorage, {});
    setting.save({ choice: { kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://nas.local:9000' }, keys: { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET } });
    const check = vi.fn(async (_options: object, _toOpen: boolean) => undefined);
    const copy = vi.fn(async (_target: object) => undefined);
    const target = { kind: 's3', bucket: 'backup', prefix: 'shoebox', endpoint: 'https://s3.example.com' };
    await switchLibrary(setting, { choice: target, copy: true }, { check, copy, restart: async () => undefined });
    expect(check).toHaveBeenCalledWith({ library: 's3://backup/shoebox', s3: { endpoint: 'https://s3.example.com' } }, false);
    expect(copy).toHaveBeenCalledWith({ library: 's3://backup/shoebox', s3: { endpoint: 'https://s3.example.com' } });
    expect(setting.view()).toMatchObject({ uri: 's3://backup/shoebox', hasKeys: false });
  });

  it('refuses to keep keys where the system cannot encrypt them', () => {
    vi.mocked(safeStorage.isEncryptionAvailable).mockReturnValue(false);
    const dir = home();
    const setting = new LibrarySetting(dir, safeStorage);
    expect(() => setting.save({ choice: { kind: 's3', bucket: 'family', prefix: '' }, keys: { accessKeyId: 'AKID', secretAccessKey: SECRET } })).toThrow(/cannot keep the keys encrypted: put them in ~\/\.aws\/credentials/);
    expect(everyFile(dir)).not.toContain(SECRET);
    expect(setting.view().canStoreKeys).toBe(false);
  });

  it("refuses keys on Linux without a keyring, where safeStorage's 'encryption' is a built-in password", () => {
    const keys = { accessKeyId: 'AKID', secretAccessKey: SECRET };
    for (const backend of ['basic_text', 'unknown'] as const) {
      vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue(backend);
      const dir = home();
      const setting = new LibrarySetting(dir, safeStorage, {}, 'linux');
      expect(() => setting.save({ choice: { kind: 's3', bucket: 'family', prefix: '' }, keys }), backend).toThrow(/cannot keep the keys encrypted/);
      expect(fs.readdirSync(dir), backend).toEqual([]);
      expect(setting.view().canStoreKeys, backend).toBe(false);
      // The backend is a Linux thing: elsewhere isEncryptionAvailable() alone decides.
      expect(new LibrarySetting(dir, safeStorage, {}, 'darwin').view().canStoreKeys, backend).toBe(true);
    }
    vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue('kwallet5');
    expect(new LibrarySetting(home(), safeStorage, {}, 'linux').save({ choice: { kind: 's3', bucket: 'family', prefix: '' }, keys }).hasKeys).toBe(true);
  });

  it('takes a local folder, and forgets keys when leaving S3', () => {
    const dir = home();
    const setting = new LibrarySetting(dir, safeStorage);
    setting.save({ choice: { kind: 's3', bucket: 'family', prefix: 'x' }, keys: { accessKeyId: 'AKID', secretAccessKey: SECRET } });
    expect(setting.save({ choice: { kind: 'local', folder: '/mnt/nas/shoebox' } })).toMatchObject({ uri: '/mnt/nas/shoebox', hasKeys: false });
    expect(fs.readdirSync(dir)).toEqual(['library-choice.json']);
    expect(setting.engineOptions()).toEqual({ library: '/mnt/nas/shoebox' });
  });

  it('refuses a bad setting from the page in one line, never echoing the secret', () => {
    const setting = new LibrarySetting(home(), safeStorage);
    const bad: [unknown, RegExp][] = [
      [null, /library setting is not an object/],
      [{ choice: { kind: 'ftp' } }, /kind must be default, local or s3/],
      [{ choice: { kind: 'local', folder: 'relative/dir' } }, /must be an absolute path/],
      [{ choice: { kind: 's3', bucket: 'x' } }, /not a valid bucket name/],
      [{ choice: { kind: 's3', bucket: 'family', prefix: 'a/../b' } }, /"\." and "\.\." are not allowed/],
      [{ choice: { kind: 's3', bucket: 'family', endpoint: 'ftp://nas' } }, /endpoint must be a URL/],
      [{ choice: { kind: 's3', bucket: 'family' }, keys: { accessKeyId: 'AKID' } }, /secret access key is missing/],
      [{ choice: { kind: 'local', folder: '/x' }, keys: { accessKeyId: 'AKID', secretAccessKey: SECRET } }, /keys are for an S3 library only/],
    ];
    for (const [input, message] of bad) {
      let error: Error | undefined;
      try {
        setting.save(input);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, JSON.stringify(input)).toMatch(message);
      expect(error!.message).not.toContain(SECRET);
    }
  });

  it('says when SHOEBOX_LIBRARY overrides the choice', () => {
    const dir = home();
    expect(new LibrarySetting(dir, safeStorage, { SHOEBOX_LIBRARY: 's3://other/lib' }).view().overriddenBy).toBe('SHOEBOX_LIBRARY');
    expect(new LibrarySetting(dir, safeStorage, {}).view()).not.toHaveProperty('overriddenBy');
  });

  it('never keeps a library the engine cannot open: checked before saving, put back when the engine fails on it', async () => {
    const dir = home();
    const setting = new LibrarySetting(dir, safeStorage, {});
    setting.save({ choice: { kind: 'local', folder: '/mnt/nas/shoebox' } });
    const restart = vi.fn(async () => undefined);
    // A bucket whose server does not answer: refused in one line, nothing saved, no restart.
    const check = (o: { library?: string; s3?: object }) => checkLibraryLocation(o.library, { defaultDir: path.join(dir, 'library'), env: {}, ...(o.s3 ? { s3: o.s3 } : {}) });
    const unreachable = { choice: { kind: 's3', bucket: 'family', prefix: 'x', endpoint: 'http://127.0.0.1:9' }, keys: { accessKeyId: 'AKID', secretAccessKey: SECRET } };
    const copy = vi.fn(async () => undefined);
    const refused = await switchLibrary(setting, unreachable, { check, copy, restart }).then(() => 'saved', (e: Error) => e.message);
    expect(refused).toMatch(/^cannot reach s3:\/\/family\/x at http:\/\/127\.0\.0\.1:9: ECONNREFUSED$/);
    expect(refused).not.toContain(SECRET);
    expect(setting.choice()).toEqual({ kind: 'local', folder: '/mnt/nas/shoebox' });
    expect(fs.readdirSync(dir)).toEqual(['library-choice.json']); // the keys were not kept either
    expect(restart).not.toHaveBeenCalled();

    // Passes the check but the engine cannot start on it: the previous choice is put back and the engine restarted on it.
    const failing = vi.fn().mockRejectedValueOnce(new Error('the engine could not open it')).mockResolvedValue(undefined);
    await expect(switchLibrary(setting, { choice: { kind: 'local', folder: '/elsewhere' } }, { check: async () => undefined, copy, restart: failing })).rejects.toThrow('the engine could not open it');
    expect(setting.choice()).toEqual({ kind: 'local', folder: '/mnt/nas/shoebox' });
    expect(failing).toHaveBeenCalledTimes(2);

    // A good one is saved and opened.
    expect((await switchLibrary(setting, { choice: { kind: 'default' } }, { check, copy, restart })).choice).toEqual({ kind: 'default' });
    expect(setting.choice()).toEqual({ kind: 'default' });
    expect(restart).toHaveBeenCalledTimes(1);
  });

  it('copies the open library to the new place first when asked, and stays where it was when the copy fails', async () => {
    const dir = home();
    const setting = new LibrarySetting(dir, safeStorage, {});
    const steps: string[] = [];
    const check = vi.fn(async (_options: object, _toOpen: boolean) => void steps.push('check'));
    const restart = vi.fn(async () => void steps.push('restart'));
    const input = { choice: { kind: 's3', bucket: 'family', prefix: 'shoebox', endpoint: 'http://nas.local:9000' }, keys: { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET }, copy: true };

    // The copy is refused (the place holds another library): nothing saved, no restart.
    const refusing = vi.fn(async () => {
      steps.push('copy');
      throw new Error('s3://family/shoebox is not empty (3 files, e.g. thumbs/ab/x.jpg)');
    });
    await expect(switchLibrary(setting, input, { check, copy: refusing, restart })).rejects.toThrow(/is not empty/);
    expect(steps).toEqual(['check', 'copy']);
    expect(setting.choice()).toEqual({ kind: 'default' });
    expect(fs.readdirSync(dir)).toEqual([]); // the keys were not kept either

    // It copies to the place with the keys typed (in memory only), then saves and opens it.
    steps.length = 0;
    const copy = vi.fn(async (_target: object) => void steps.push('copy'));
    const view = await switchLibrary(setting, input, { check, copy, restart });
    expect(steps).toEqual(['check', 'copy', 'restart']);
    expect(check).toHaveBeenLastCalledWith(expect.anything(), false); // an unfinished copy there is finished, not refused
    expect(copy).toHaveBeenCalledWith({ library: 's3://family/shoebox', s3: { endpoint: 'http://nas.local:9000', credentials: { accessKeyId: 'AKIDNAS', secretAccessKey: SECRET } } });
    expect(view.uri).toBe('s3://family/shoebox');
    expect(setting.choice()).toMatchObject({ kind: 's3', bucket: 'family' });

    // Keys this system cannot keep are refused before the copy, not after it.
    vi.mocked(safeStorage.isEncryptionAvailable).mockReturnValueOnce(false);
    copy.mockClear();
    await expect(switchLibrary(setting, { ...input, choice: { ...input.choice, prefix: 'elsewhere' } }, { check, copy, restart })).rejects.toThrow(/cannot keep the keys encrypted/);
    expect(copy).not.toHaveBeenCalled();

    // Without "copy" it only switches; a copy into the data folder is refused as it is read.
    copy.mockClear();
    await switchLibrary(setting, { choice: { kind: 'local', folder: '/mnt/nas/shoebox' } }, { check, copy, restart });
    expect(copy).not.toHaveBeenCalled();
    await expect(switchLibrary(setting, { choice: { kind: 'default' }, copy: true }, { check, copy, restart })).rejects.toThrow(/a copy goes to a folder or an S3 bucket/);
    expect(setting.choice()).toEqual({ kind: 'local', folder: '/mnt/nas/shoebox' });
  });
});
