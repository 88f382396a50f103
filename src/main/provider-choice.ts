// The execution provider the app's engine is started with, decided as the `shoebox` CLI
// decides it, by the core's chooseProvider (SHOEBOX_PROVIDER, else settings.json's
// "provider", else auto). Unlike the CLI, which stops when SHOEBOX_PROVIDER names no provider,
// the app starts all the same, on auto, and says why in one line.
import { chooseProvider } from '../core/index';
import type { ExecutionProviderName } from '../shared/api';

export function providerChoice(home: string, warn: (line: string) => void, env: NodeJS.ProcessEnv = process.env): ExecutionProviderName | 'auto' {
  const choice = chooseProvider(home, env);
  if (choice.problem) warn(choice.problem);
  return choice.provider;
}
