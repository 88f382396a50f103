import type { EngineInfo, ExecutionProviderName, ProviderStatus } from '../../../shared/api';
import { gpuAdapterText, providerCaveat } from '../../../shared/gpu-text';
import { useClient } from '../../client/ClientContext';
import type { AsyncState } from '../../hooks/useAsync';
import { describeMeasured } from '../StatusBar';

const PROVIDER_NAMES: Record<ExecutionProviderName, string> = { cuda: 'CUDA', dml: 'DirectML', coreml: 'Core ML', webgpu: 'WebGPU', cpu: 'CPU' };
/** What a provider runs on, where its name does not say. */
const PROVIDER_HARDWARE: Partial<Record<ExecutionProviderName, string>> = { cuda: 'NVIDIA GPU', dml: 'GPU', webgpu: 'any GPU' };

/** "CUDA (NVIDIA GPU)", "WebGPU (any GPU)"; "WebGPU (no usable GPU)" where it has only a software renderer. */
function providerLabel(provider: ExecutionProviderName, providers: ProviderStatus): string {
  const note = providerCaveat(provider, providers) ?? PROVIDER_HARDWARE[provider];
  return note ? `${PROVIDER_NAMES[provider]} (${note})` : PROVIDER_NAMES[provider];
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The provider asked for (--provider, SHOEBOX_PROVIDER or settings.json), where it is not the
 * one in use: "WebGPU, not used here" (Fallback says why), or the core's line about a name that
 * is no provider (settings.json's "gpu"), which the terminal and the app's log say too. Null
 * when auto was asked for, or what was asked for runs.
 */
function askedText(providers: ProviderStatus): string | null {
  if (providers.askedProblem) return providers.askedProblem;
  const asked = providers.asked;
  if (!asked || asked === providers.inUse) return null;
  const name = asked in PROVIDER_NAMES ? PROVIDER_NAMES[asked as ExecutionProviderName] : asked;
  return providers.inUse ? `${name}, not used here` : name;
}

/** Where inference runs and could run (the GPU, its measured speed, why not), the data folder and the version. */
export function InferenceSection({ info }: { info: AsyncState<EngineInfo> }) {
  const client = useClient();
  const providers = info.status === 'ready' ? info.value.providers : null;
  const gpu = providers && gpuAdapterText(providers);
  const asked = providers && askedText(providers);
  return (
    <section aria-labelledby="settings-inference-title">
      <h3 id="settings-inference-title">Inference</h3>
      {info.status === 'ready' && providers && (
        <dl className="metadata">
          <div className="metadata__row">
            <dt>Runs on</dt>
            <dd>{providers.inUse ? providerLabel(providers.inUse, providers) : 'not loaded yet'}</dd>
          </div>
          {asked && (
            <div className="metadata__row">
              <dt>Asked for</dt>
              <dd>{asked}</dd>
            </div>
          )}
          <div className="metadata__row">
            <dt>Available</dt>
            <dd>{providers.available.map((p) => providerLabel(p, providers)).join(', ') || 'none'}</dd>
          </div>
          {gpu && (
            <div className="metadata__row">
              <dt>GPU</dt>
              <dd>{capitalized(gpu)}</dd>
            </div>
          )}
          {describeMeasured(providers.measured) && (
            <div className="metadata__row">
              <dt>Measured</dt>
              <dd>{describeMeasured(providers.measured)}</dd>
            </div>
          )}
          {providers.fallbackReason && (
            <div className="metadata__row">
              <dt>Fallback</dt>
              <dd>{providers.fallbackReason}</dd>
            </div>
          )}
          <div className="metadata__row">
            <dt>Data folder</dt>
            <dd>{info.value.home}</dd>
          </div>
          <div className="metadata__row">
            <dt>Version</dt>
            <dd>
              Shoebox {info.value.version} · {info.value.platform} · {client.transport === 'ipc' ? 'desktop app' : 'shoebox serve'}
            </dd>
          </div>
        </dl>
      )}
      {info.status === 'error' && <p className="form-error">{info.message}</p>}
    </section>
  );
}
