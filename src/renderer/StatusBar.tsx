import type { ExecutionProviderName, ProviderStatus } from '../shared/api';
import type { EngineInfoState } from './useEngineInfo';

const providerLabels: Record<ExecutionProviderName, string> = {
  cuda: 'CUDA',
  dml: 'DirectML',
  coreml: 'Core ML',
  cpu: 'CPU',
};

/** What CLIP runs on, in words a user can act on ("no model loaded" rather than "null"). */
function describeProviders({ inUse, available, fallbackReason }: ProviderStatus): string {
  if (inUse) {
    const used = `Running on ${providerLabels[inUse]}`;
    return fallbackReason ? `${used} (${fallbackReason})` : used;
  }
  if (available.length === 0) return 'No model loaded';
  return `No model loaded · available: ${available.map((name) => providerLabels[name]).join(', ')}`;
}

export function StatusBar({ state }: { state: EngineInfoState }) {
  if (state.status === 'loading') {
    return <footer className="status-bar">Connecting to the library…</footer>;
  }
  if (state.status === 'error') {
    return (
      <footer className="status-bar status-bar--error" role="alert">
        {state.message}
      </footer>
    );
  }
  const { version, platform, providers } = state.info;
  return (
    <footer className="status-bar">
      <span>Shoebox {version}</span>
      <span>{platform}</span>
      <span>{describeProviders(providers)}</span>
    </footer>
  );
}
