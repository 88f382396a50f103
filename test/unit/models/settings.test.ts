import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THUMBNAIL_CACHE_MB, SettingsError, readSettings, settingsPath, thumbnailCacheBytes, updateSettings } from '../../../src/core/settings';

let home: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-settings-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('settings.json', () => {
  it('reads defaults when the file (or the whole data folder) is missing', () => {
    expect(readSettings(home)).toEqual({});
    expect(readSettings(path.join(home, 'not-yet'))).toEqual({});
  });

  it('merges a patch, keeps unknown keys, removes keys set to undefined', () => {
    fs.writeFileSync(settingsPath(home), JSON.stringify({ theme: 'dark' }));
    expect(updateSettings(home, { activeModel: 'vit-b-32-openai' })).toEqual({ theme: 'dark', activeModel: 'vit-b-32-openai' });
    expect(readSettings(home)).toEqual({ theme: 'dark', activeModel: 'vit-b-32-openai' });
    updateSettings(home, { activeModel: undefined });
    expect(readSettings(home)).toEqual({ theme: 'dark' });
  });

  it('creates the data folder on first write', () => {
    const fresh = path.join(home, 'a', 'b');
    updateSettings(fresh, { activeModel: 'x' });
    expect(readSettings(fresh).activeModel).toBe('x');
  });

  it('writes through a temp file and a rename, leaving no temp files behind', () => {
    const rename = vi.spyOn(fs, 'renameSync');
    updateSettings(home, { activeModel: 'x' });
    expect(rename).toHaveBeenCalledTimes(1);
    const [from, to] = rename.mock.calls[0]!;
    expect(to).toBe(settingsPath(home));
    expect(String(from)).toMatch(/settings\.json\..+\.tmp$/);
    expect(fs.readdirSync(home)).toEqual(['settings.json']);
  });

  it('keeps the old file intact when the write fails midway', () => {
    updateSettings(home, { activeModel: 'old' });
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => updateSettings(home, { activeModel: 'new' })).toThrow(/ENOSPC/);
    vi.restoreAllMocks();
    expect(readSettings(home).activeModel).toBe('old');
    expect(fs.readdirSync(home)).toEqual(['settings.json']);
  });

  it('reports a corrupt file in one line naming it, and does not overwrite it', () => {
    fs.writeFileSync(settingsPath(home), '{"activeModel": ');
    let error: unknown;
    try {
      readSettings(home);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const message = (error as Error).message;
    expect(message).toContain(settingsPath(home));
    expect(message).toContain('not valid JSON');
    expect(message).not.toContain('\n');
    expect(() => updateSettings(home, { activeModel: 'x' })).toThrow(SettingsError);
    expect(fs.readFileSync(settingsPath(home), 'utf8')).toBe('{"activeModel": ');
    // A bad token over several lines: where it is, not V8's quote of the text (its newlines too).
    fs.writeFileSync(settingsPath(home), '{\n  "activeModel": oops\n}\n');
    expect(() => readSettings(home)).toThrow(`${settingsPath(home)} is not valid JSON (Unexpected token 'o' at line 2, column 18); fix it or delete it to start from defaults`);
  });

  it('rejects JSON that is not an object, or an activeModel that is not a string', () => {
    fs.writeFileSync(settingsPath(home), '[1,2]');
    expect(() => readSettings(home)).toThrow(/must hold a JSON object/);
    fs.writeFileSync(settingsPath(home), '{"activeModel": 3}');
    expect(() => readSettings(home)).toThrow(/"activeModel" must be a string/);
  });

  it('the thumbnail cache size: 2 GB by default, "thumbnailCacheMB" otherwise, one line when it is not a size', () => {
    expect(thumbnailCacheBytes(home)).toBe(DEFAULT_THUMBNAIL_CACHE_MB * 1024 * 1024);
    updateSettings(home, { thumbnailCacheMB: 500 });
    expect(thumbnailCacheBytes(home)).toBe(500 * 1024 * 1024);
    updateSettings(home, { thumbnailCacheMB: 0 });
    expect(thumbnailCacheBytes(home)).toBe(0);
    updateSettings(home, { thumbnailCacheMB: '2 GB' });
    expect(() => thumbnailCacheBytes(home)).toThrow(/"thumbnailCacheMB" must be a number of megabytes, 0 or more/);
  });
});
