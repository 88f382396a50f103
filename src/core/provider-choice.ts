// The execution provider a front end starts the engine on when none was typed for this run
// (--provider): SHOEBOX_PROVIDER, else settings.json's "provider", else auto. Decided here once
// for the `shoebox` CLI and the app (src/main), each name read by parseProvider (any case; an
// unknown one refused). What a refused name costs is the front end's to say: the CLI stops
// with a usage error for the variable (typed for this shell) and goes on with auto for
// settings.json (not the command's mistake); the app starts on auto for both, saying why.
import type { ExecutionProviderName } from '../shared/api';
import { parseProvider } from './clip/providers';
import { providerSetting } from './settings';

export interface ProviderChoice {
  /** What to start on: auto where the named value is no provider. */
  provider: ExecutionProviderName | 'auto';
  /** Where it came from; 'default' where nothing names one (or settings.json cannot be read:
   *  left to the commands that need it). */
  source: 'SHOEBOX_PROVIDER' | 'settings.json' | 'default';
  /** Why the named value is not used, in one line that names where it is
   *  (`SHOEBOX_PROVIDER: unknown execution provider "gpu" (auto, …)`); null when it is used. */
  refused: string | null;
  /** That line as said where the engine goes on with auto: `…; using auto`. */
  problem: string | null;
}

export function chooseProvider(home: string, env: NodeJS.ProcessEnv = process.env): ProviderChoice {
  const named = env['SHOEBOX_PROVIDER'];
  // An empty variable is unset, as for SHOEBOX_HOME and SHOEBOX_LIBRARY.
  if (named) {
    try {
      return { provider: parseProvider(named), source: 'SHOEBOX_PROVIDER', refused: null, problem: null };
    } catch (error) {
      const refused = `SHOEBOX_PROVIDER: ${(error as Error).message}`;
      return { provider: 'auto', source: 'SHOEBOX_PROVIDER', refused, problem: `${refused}; using auto` };
    }
  }
  // The core's one line ("…/settings.json: "provider": …; using auto"), which Settings →
  // Inference shows too (EngineInfo's providers.askedProblem).
  const setting = providerSetting(home);
  if (setting.provider === undefined) return { provider: 'auto', source: 'default', refused: null, problem: null };
  const refused = setting.problem?.replace(/; using auto$/, '') ?? null;
  return { provider: setting.provider, source: 'settings.json', refused, problem: setting.problem };
}
