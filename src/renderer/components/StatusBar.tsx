import type { ExecutionProviderName, LibraryStatus, ProviderStatus } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { formatCount } from '../lib/format';

const providerLabels: Record<ExecutionProviderName, string> = { cuda: 'CUDA', dml: 'DirectML', coreml: 'Core ML', cpu: 'CPU' };

/** What CLIP runs on, in words a user can act on ("no model loaded" rather than "null"). */
export function describeProviders({ inUse, available, fallbackReason }: ProviderStatus): string {
  if (inUse) {
    const used = `Running on ${providerLabels[inUse]}`;
    return fallbackReason ? `${used} (${fallbackReason})` : used;
  }
  if (available.length === 0) return 'No model loaded';
  return `No model loaded · available: ${available.map((name) => providerLabels[name]).join(', ')}`;
}

/** The line at the bottom: library size, model, where inference runs, version. */
export function StatusBar({ status, error }: { status: LibraryStatus | null; error: string | null }) {
  const client = useClient();
  const [info] = useAsync(() => client.info(), [client, status?.model?.id]);
  if (error) {
    return (
      <footer className="status-bar status-bar--error" role="alert">
        {error}
      </footer>
    );
  }
  return (
    <footer className="status-bar">
      {status ? (
        <>
          <span>{formatCount(status.photos, 'photo')}</span>
          <span>{formatCount(status.folders, 'folder')}</span>
          {status.failed > 0 && <span>{formatCount(status.failed, 'file')} not readable</span>}
          <span>{status.model ? `Model ${status.model.id}` : 'No model'}</span>
          {status.watching && <span>Watching for changes</span>}
        </>
      ) : (
        <span>Connecting to the library…</span>
      )}
      {info.status === 'ready' && (
        <>
          <span>{describeProviders(info.value.providers)}</span>
          <span className="status-bar__end">Shoebox {info.value.version}</span>
        </>
      )}
    </footer>
  );
}
