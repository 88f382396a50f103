import type { ExecutionProviderName, LibraryStatus, ProviderAdapter, ProviderMeasurement, ProviderStatus } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { itemsText } from '../../shared/count-text';
import { useTimelineCount } from '../hooks/useTimelineCount';
import { formatCount } from '../lib/format';

const providerLabels: Record<ExecutionProviderName, string> = { cuda: 'CUDA', dml: 'DirectML', coreml: 'Core ML', webgpu: 'WebGPU', cpu: 'CPU' };

/** "SwiftShader (software renderer)": the GPU behind WebGPU, where it could be told. */
export function describeAdapter(adapter: ProviderAdapter | null | undefined): string | null {
  if (!adapter) return null;
  return adapter.kind === 'software' ? `${adapter.name} (software renderer)` : adapter.name;
}

/** "WebGPU 41/s vs CPU 19/s": the measurement that decided, so a user sees why. */
export function describeMeasured(m: ProviderMeasurement | null | undefined): string | null {
  if (!m) return null;
  const rate = (r: number) => `${r >= 100 ? Math.round(r) : r.toFixed(1)}/s`;
  return `${providerLabels[m.provider]} ${rate(m.rate)} vs CPU ${rate(m.cpuRate)}`;
}

/** What CLIP runs on, in words a user can act on ("no model loaded" rather than "null"). */
export function describeProviders({ inUse, available, fallbackReason, adapter, measured }: ProviderStatus): string {
  if (inUse) {
    const gpu = inUse === 'webgpu' ? describeAdapter(adapter) : null;
    const used = `Running on ${providerLabels[inUse]}${gpu ? ` · ${gpu}` : ''}`;
    // A forced provider may be slower than the CPU: the figures say so.
    const notes = [fallbackReason ?? (inUse !== 'cpu' ? describeMeasured(measured) : null)].filter(Boolean);
    return notes.length ? `${used} (${notes.join('; ')})` : used;
  }
  if (available.length === 0) return 'No model loaded';
  return `No model loaded · available: ${available.map((name) => providerLabels[name]).join(', ')}`;
}

/**
 * "73 photos, 1 video · 1 archived": the library's photos and videos as All photos counts them
 * (the archive left out), said apart as the grid's header, a folder and `shoebox status` say
 * them (itemsText), then the archived ones; `photos` is the library's whole count
 * (LibraryStatus.photos, videos and archived included), `archived` how many of them are
 * archived and `videos` how many videos All photos shows (each null until known).
 */
export function photosText(photos: number, archived: number | null, videos: number | null = null): string {
  const shown = !archived || archived > photos ? photos : photos - archived;
  const items = itemsText(shown, Math.min(videos ?? 0, shown), formatCount);
  return shown === photos ? items : `${items} · ${archived!.toLocaleString()} archived`;
}

/** The videos All photos shows (the timeline's own count), asked again when the library's count or the archive changes. */
function useShownVideos(status: LibraryStatus | null, archived: number | null): number | null {
  return useTimelineCount(VIDEOS, `videos|${status?.photos ?? 0}|${archived ?? ''}`, 0, (status?.photos ?? 0) > 0);
}

const VIDEOS = { videos: true };

/** The line at the bottom, kept to one line: library size, model, where inference runs, version.
 *  What does not fit is cut with an ellipsis, where inference runs first (its title keeps it whole). */
/** `archived`: how many of the library's photos are archived (App's count, the sidebar's), null until known. */
export function StatusBar({ status, error, archived = null }: { status: LibraryStatus | null; error: string | null; archived?: number | null }) {
  const client = useClient();
  const [info] = useAsync(() => client.info(), [client, status?.model?.id]);
  const videos = useShownVideos(status, archived);
  if (error) {
    return (
      <footer className="status-bar status-bar--error" role="alert">
        {error}
      </footer>
    );
  }
  const providers = info.status === 'ready' ? describeProviders(info.value.providers) : null;
  const model = status?.model ? `Model ${status.model.id}` : 'No model';
  return (
    <footer className="status-bar">
      {status ? (
        <>
          <span>{photosText(status.photos, archived, videos)}</span>
          <span>{formatCount(status.folders, 'folder')}</span>
          {status.failed > 0 && <span>{formatCount(status.failed, 'file')} not readable</span>}
          <span className="status-bar__fit" title={model}>
            {model}
          </span>
          {status.watching && (
            <span className="status-bar__fit" title="Watching for changes">
              Watching for changes
            </span>
          )}
        </>
      ) : (
        <span>Connecting to the library…</span>
      )}
      {info.status === 'ready' && (
        <>
          <span className="status-bar__fit status-bar__fit--first" title={providers ?? undefined}>
            {providers}
          </span>
          <span className="status-bar__end">Shoebox {info.value.version}</span>
        </>
      )}
    </footer>
  );
}
