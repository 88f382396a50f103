// The library the app's engine starts on, by the one rule the CLI follows too
// (shared/home-library.ts): SHOEBOX_LIBRARY, checked as the CLI checks it, else the saved
// choice (Settings → Library, with the keys stored for it), else <home>/library. Asked at
// every engine start, so a choice saved in Settings applies at the restart.
import { parseLibraryUri } from '../core/index';
import { homeLibrary } from '../shared/home-library';
import type { EngineLibraryOptions, LibrarySetting } from './library-setting';

/** Throws `SHOEBOX_LIBRARY: …` in one line (the CLI's words) on a malformed variable: the engine start fails with it. */
export function engineLibrary(setting: Pick<LibrarySetting, 'choice' | 'optionsFor'>, env: NodeJS.ProcessEnv = process.env): EngineLibraryOptions {
  const resolved = homeLibrary({ variable: env['SHOEBOX_LIBRARY'], saved: () => setting.choice() }, parseLibraryUri);
  if (resolved.from === 'default') return {};
  // The saved choice's options carry the keys stored for its place (decrypted in memory only).
  if (resolved.from === 'saved') return setting.optionsFor({ choice: resolved.choice });
  return { library: resolved.uri };
}
