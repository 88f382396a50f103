// The provider a command's model ran on, and the one line said when it is not the one the user
// forced (--provider, SHOEBOX_PROVIDER or settings.json). A forced provider that cannot run here
// (CUDA without its libraries, WebGPU without a GPU) falls back to the CPU without failing the
// command: without this line `index` and `search` ran on the CPU silently, and only `info` and
// `status` told it. The reason is the core's (EngineInfo's fallbackReason, with what to do for
// CUDA), worded as `status` says it and as Settings → Inference shows it ("Fallback").
import type { LibraryHost } from '../core/index';
import type { ProviderStatus } from '../shared/api';
import { printable } from './output';

/**
 * The library's providers as the core tells them: once the model ran, its sessions' own
 * status. Null when the core cannot tell (the command's result stands; `info` says why).
 */
export async function modelProviders(api: Pick<LibraryHost, 'info'>): Promise<ProviderStatus | null> {
  try {
    return (await api.info()).providers;
  } catch {
    return null;
  }
}

/**
 * "not on cuda as asked: cuda failed to load: …", or null under auto, when what was asked for
 * runs, or when the name asked for is no provider (the CLI said so as it started: askedProblem).
 */
export function askedProviderNote(providers: ProviderStatus): string | null {
  const reason = askedProviderReason(providers);
  return reason === null ? null : notOnAsked(providers.asked!, reason);
}

/** Why the provider asked for is not the one in use (`status --json`'s providerNote), or null when none is to be said. */
export function askedProviderReason(providers: ProviderStatus): string | null {
  const { asked, askedProblem, inUse } = providers;
  if (!asked || asked === 'auto' || askedProblem || !inUse || asked === inUse) return null;
  return providers.fallbackReason ?? `${asked} is not used here`;
}

/** The words, one place for every command that says it (`status` too). */
export function notOnAsked(asked: string, reason: string): string {
  return `not on ${asked} as asked: ${reason}`;
}

/** The note on stderr, once, as `shoebox: …` (nothing when there is none to say). */
export function writeProviderNote(providers: ProviderStatus | null): void {
  const note = providers && askedProviderNote(providers);
  if (note) process.stderr.write(`shoebox: ${printable(note)}\n`);
}

/** Whether a provider other than auto was asked for: only then has a command that names none its note to look for. */
export function providerForced(asked: string | undefined): boolean {
  return asked !== undefined && asked !== 'auto';
}
