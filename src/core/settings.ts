// <home>/settings.json (DESIGN.md "Data"): the user's choices that outlive a session, such as
// the active model. Written atomically (temp file, fsync, rename) so a crash or a full disk
// never leaves half a file; a missing file means defaults; a corrupt one is reported, not
// overwritten, because it may hold choices the user wants back.
import fs from 'node:fs';
import { writeFileAtomicSync } from '../base/atomic-write';
import { homePaths } from './paths';
import type { ExecutionProviderName, ProviderStatus } from '../shared/api';
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

/** settings.json's "provider", as every front end takes it (providerSetting). */
export interface ProviderSetting {
  /** The provider to start with: the one named, 'auto' for a name that is no provider, and
   *  undefined where none is named (or settings.json cannot be read: left to the commands
   *  that need it). */
  provider: ExecutionProviderName | 'auto' | undefined;
  /** The value as written there ("gpu", "WebGPU"), where one is. */
  asked: string | null;
  /** Why it is not used, in the one line the CLI writes on stderr, the app to its log and
   *  Settings → Inference shows: `…/settings.json: "provider": unknown execution provider
   *  "gpu" (auto, …); using auto`. Null when it is used, or none is named. */
  problem: string | null;
}

/**
 * The execution provider settings.json asks for. Below --provider and SHOEBOX_PROVIDER, above
 * the default `auto`. A misspelled provider must not lock the user out of every command (even
 * `status`) nor keep the app from starting: it is one line, and auto. Worded here once, so the
 * terminal, the app's log and its Settings screen say the same.
 */
export function providerSetting(home: string): ProviderSetting {
  let value: unknown;
  try {
    value = readSettings(home).provider;
  } catch (err) {
    if (err instanceof SettingsError) return { provider: undefined, asked: null, problem: null };
    throw err;
  }
  if (value === undefined) return { provider: undefined, asked: null, problem: null };
  const asked = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    if (typeof value !== 'string') throw new Error('it must be a string');
    return { provider: parseProvider(value), asked, problem: null };
  } catch (err) {
    return { provider: 'auto', asked, problem: `${settingsPath(home)}: "provider": ${(err as Error).message}; using auto` };
  }
}

/**
 * Which provider an engine started on `provider` was asked for, for Settings → Inference beside
 * the one it runs on: that provider, or, started on auto because settings.json names a provider
 * there is none of ("gpu"), that value and providerSetting's line about it, which the terminal
 * and the app's log say on their own.
 */
export function askedProvider(home: string, provider: ExecutionProviderName | 'auto'): Pick<ProviderStatus, 'asked' | 'askedProblem'> {
  if (provider !== 'auto') return { asked: provider, askedProblem: null };
  let setting: ProviderSetting | null = null;
  try {
    setting = providerSetting(home);
  } catch {
    // A settings file that cannot be read is said by the commands that use it.
  }
  return setting?.problem ? { asked: setting.asked, askedProblem: setting.problem } : { asked: null, askedProblem: null };
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

