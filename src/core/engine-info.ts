// EngineInfo (LibraryApi.info): version, data folder, platform and execution providers.
// Before CLIP's sessions are loaded, the provider they would run on is found by loading a
// tiny probe model once (provider-probe.ts), so `shoebox info` and the settings screen
// answer without loading CLIP; once sessions run, their own status is the truth.
import type { EngineInfo, ExecutionProviderName, ProviderStatus } from '../shared/api';
import { probeProvider } from './clip/provider-probe';
import { availableProviders, providerOrder } from './clip/providers';
import { VERSION } from './version';

export function engineInfo(home: string, provider: ExecutionProviderName | 'auto'): (loaded?: ProviderStatus | null) => Promise<EngineInfo> {
  let probed: ReturnType<typeof probeProvider> | undefined;
  const info = (providers: ProviderStatus): EngineInfo => ({ version: VERSION, home, platform: `${process.platform}-${process.arch}`, providers });
  return async (loaded) => {
    if (loaded?.inUse) return info(loaded);
    probed ??= probeProvider(providerOrder(provider));
    const { provider: inUse, fallbackReason } = await probed;
    return info({ available: availableProviders(), inUse, fallbackReason });
  };
}
