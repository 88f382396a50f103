// Where Shoebox keeps its data (DESIGN.md "Data"): --home, else SHOEBOX_HOME, else the same
// per-user folder Electron's app.getPath('userData') gives the desktop app, so the CLI and
// the app share one library.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Shoebox';

export function resolveHome(explicit?: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (explicit) return path.resolve(explicit);
  if (env.SHOEBOX_HOME) return path.resolve(env.SHOEBOX_HOME);
  return path.join(userDataRoot(env, platform), APP_NAME);
}

function userDataRoot(env: NodeJS.ProcessEnv, platform: string): string {
  if (platform === 'win32') return absoluteOrNone(env.APPDATA, path.win32) ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return absoluteOrNone(env.XDG_CONFIG_HOME, path.posix) ?? path.join(os.homedir(), '.config');
}

// An empty or relative folder variable is ignored, as the XDG Base Directory spec says
// ("If an implementation encounters a relative path … it should consider the path invalid
// and ignore it"): taken as is, `XDG_CONFIG_HOME=` put the data folder (and models
// imported there) in whatever folder the command happened to run from.
function absoluteOrNone(value: string | undefined, flavour: path.PlatformPath): string | undefined {
  return value && flavour.isAbsolute(value) ? value : undefined;
}
