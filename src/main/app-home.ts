// The app's data folder, decided as the `shoebox` CLI decides it (core's resolveHome), so a
// terminal and the app opened with the same SHOEBOX_HOME see one library.
import { resolveHome } from '../core/index';

/** SHOEBOX_HOME, resolved against the folder the app was started from (as the CLI resolves
 *  it: a relative one must not depend on where each reads it); else the app's userData,
 *  which is the CLI's default too (core/home.ts). */
export function appHome(userData: string, env: NodeJS.ProcessEnv = process.env): string {
  return env['SHOEBOX_HOME'] ? resolveHome(undefined, env) : userData;
}
