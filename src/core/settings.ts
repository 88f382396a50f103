// <home>/settings.json (DESIGN.md "Data"): the user's choices that outlive a session, such as
// the active model. Written atomically (temp file, fsync, rename) so a crash or a full disk
// never leaves half a file; a missing file means defaults; a corrupt one is reported, not
// overwritten, because it may hold choices the user wants back.
import fs from 'node:fs';
import { writeFileAtomicSync } from '../base/atomic-write';
import { homePaths } from './paths';
import type { ExecutionProviderName } from '../shared/api';
import { parseProvider } from './clip/providers';
import { jsonSyntaxText } from '../shared/json-syntax-text';

export interface Settings {
  /** Id of the model folder under <home>/models that search and embedding use. */
  activeModel?: string;
  /** Execution provider when neither --provider nor SHOEBOX_PROVIDER says: auto, webgpu, cpu... */
  provider?: string;
  /** Other parts of the app keep their own keys here; unknown keys are preserved. */
  [key: string]: unknown;
}

/** One line naming settings.json and what is wrong with it. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function settingsPath(home: string): string {
  return homePaths(home).settings;
}

export function readSettings(home: string): Settings {
  const file = settingsPath(home);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SettingsError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SettingsError(`${file} is not valid JSON (${jsonSyntaxText(text, err)}); fix it or delete it to start from defaults`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingsError(`${file} must hold a JSON object; fix it or delete it to start from defaults`);
  }
  const settings = value as Settings;
  if (settings.activeModel !== undefined && typeof settings.activeModel !== 'string') {
    throw new SettingsError(`${file}: "activeModel" must be a string`);
  }
  return settings;
}

/**
 * The execution provider settings.json asks for, if any. Below --provider and
 * SHOEBOX_PROVIDER, above the default `auto`. A settings file that cannot be read is left to
 * the commands that need it (undefined here); a misspelled provider is one clear line.
 */
export function providerSetting(home: string): ExecutionProviderName | 'auto' | undefined {
  let value: unknown;
  try {
    value = readSettings(home).provider;
  } catch (err) {
    if (err instanceof SettingsError) return undefined;
    throw err;
  }
  if (value === undefined) return undefined;
  try {
    if (typeof value !== 'string') throw new Error('it must be a string');
    return parseProvider(value);
  } catch (err) {
    throw new SettingsError(`${settingsPath(home)}: "provider": ${(err as Error).message}`);
  }
}

/** The device's cache of an S3 library's thumbnails holds at most this much unless settings.json says ("thumbnailCacheMB"). */
export const DEFAULT_THUMBNAIL_CACHE_MB = 2048;

/**
 * Bytes this device may keep of an S3 library's thumbnails (settings.json "thumbnailCacheMB";
 * 0: keep none). A settings file that cannot be read is left to the commands that need it.
 */
export function thumbnailCacheBytes(home: string): number {
  let value: unknown;
  try {
    value = readSettings(home).thumbnailCacheMB;
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
  }
  if (value === undefined) value = DEFAULT_THUMBNAIL_CACHE_MB;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new SettingsError(`${settingsPath(home)}: "thumbnailCacheMB" must be a number of megabytes, 0 or more`);
  }
  return Math.round(value * 1024 * 1024);
}

/**
 * Merges `patch` into the stored settings (shallow) and writes the result atomically.
 * A key set to undefined is removed. Returns the settings as written.
 */
export function updateSettings(home: string, patch: Partial<Settings>): Settings {
  const next: Settings = { ...readSettings(home) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  writeFileAtomicSync(settingsPath(home), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

