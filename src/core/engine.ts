// createEngine composes the engine's parts and implements LibraryApi (DESIGN.md). For now
// it reports what the engine is and where it runs; library features plug in here.
import type { EngineInfo, ExecutionProviderName, LibraryApi, LibraryEvent, Unsubscribe } from '../shared/api';
import { resolveHome } from './home';
import { VERSION } from './version';
import { availableProviders, providerOrder } from './clip/providers';
import { probeProvider } from './clip/provider-probe';

export interface EngineOptions {
  /** Data folder; default: SHOEBOX_HOME, else the platform's user-data folder. */
  home?: string;
  provider?: ExecutionProviderName | 'auto';
}

export interface Engine extends LibraryApi {
  readonly home: string;
  close(): Promise<void>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const home = resolveHome(options.home);
  const listeners = new Set<(event: LibraryEvent) => void>();
  let probed: Promise<{ provider: ExecutionProviderName; fallbackReason: string | null }> | undefined;

  return {
    home,
    async info(): Promise<EngineInfo> {
      probed ??= probeProvider(providerOrder(options.provider ?? 'auto'));
      const { provider, fallbackReason } = await probed;
      return {
        version: VERSION,
        home,
        platform: `${process.platform}-${process.arch}`,
        providers: { available: availableProviders(), inUse: provider, fallbackReason },
      };
    },
    subscribe(listener): Unsubscribe {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
