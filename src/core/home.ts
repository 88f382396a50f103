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
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}
