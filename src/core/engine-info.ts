// EngineInfo (LibraryApi.info): version, data folder, platform, execution providers and threads.
// Before CLIP's sessions are loaded, the provider they would run on is found by loading a
// tiny probe model once (provider-probe.ts), minding the verdicts remembered for the active
// model, so `shoebox info` and the settings screen answer without loading CLIP; once
// sessions run, their own status is the truth.
import type { EngineInfo, ExecutionProviderName, ProviderStatus } from '../shared/api';
import { probeProvider, type ProbeOptions } from './clip/provider-probe';
import { availableProviders, inferenceOnGpu } from './clip/providers';
import { homePaths } from './paths';
import { activeModelState } from './models/active-model';
import { askedProvider } from './settings';
import { VERSION } from './version';
import { cores, decodesAtOnce, threadpoolSize } from '../base/thread-budget';

export function engineInfo(home: string, provider: ExecutionProviderName | 'auto'): (loaded?: ProviderStatus | null) => Promise<EngineInfo> {
  let probed: ReturnType<typeof probeProvider> | undefined;
  // Read as the engine starts, with the settings it was started with.
  const asked = askedProvider(home, provider);
  const info = (providers: ProviderStatus): EngineInfo => ({
    version: VERSION,
    home,
    platform: `${process.platform}-${process.arch}`,
    providers: { ...providers, ...asked },
    threads: { cores: cores(), decodes: decodesAtOnce(cores(), inferenceOnGpu(providers)), pool: threadpoolSize() },
  });
  return async (loaded) => {
    if (loaded?.inUse) return info(loaded);
    probed ??= probeProvider(provider, activeModelProbe(home));
    const { provider: inUse, fallbackReason, adapter, measured } = await probed;
    return info({ available: availableProviders(), inUse, fallbackReason, adapter, measured });
  };
}

/** The active model's files (by the engine's rule, active-model.ts), whose remembered verdicts apply. */
function activeModelProbe(home: string): ProbeOptions {
  const paths = homePaths(home);
  try {
    const state = activeModelState(home);
    if (state.kind !== 'active') return { cacheDir: paths.cache }; // a broken one: status and search say so
    return { modelPath: state.folder.visionModelPath, textModelPath: state.folder.textModelPath, cacheDir: paths.cache };
  } catch {
    // A broken settings file is reported by the commands that use it.
    return { cacheDir: paths.cache };
  }
}
