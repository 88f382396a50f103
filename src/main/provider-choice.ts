// The execution provider the app's engine is started with, decided as the `shoebox` CLI
// decides it: SHOEBOX_PROVIDER, else settings.json's "provider", else auto, each read by
// core's own parsers (any case; an unknown name is refused). Unlike the CLI, which stops with
// the error, the app starts all the same, on auto, and says why in one line.
import { parseProvider, providerSetting } from '../core/index';
import type { ExecutionProviderName } from '../shared/api';

export function providerChoice(home: string, warn: (line: string) => void, env: NodeJS.ProcessEnv = process.env): ExecutionProviderName | 'auto' {
  const named = env['SHOEBOX_PROVIDER'];
  try {
    if (named) return parseProvider(named);
  } catch (error) {
    warn(`SHOEBOX_PROVIDER: ${(error as Error).message}; using auto`);
    return 'auto';
  }
  // The core's one line ("…/settings.json: "provider": …; using auto"), which Settings →
  // Inference shows too (EngineInfo's providers.askedProblem).
  const setting = providerSetting(home);
  if (setting.problem) warn(setting.problem);
  return setting.provider ?? 'auto';
}
