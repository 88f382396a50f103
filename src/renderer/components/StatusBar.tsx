import type { ExecutionProviderName, LibraryStatus, ProviderAdapter, ProviderMeasurement, ProviderStatus } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import type { TimelineTotals } from '../hooks/useTimelineTotals';
import { itemsText } from '../../shared/count-text';
import { archivedText } from '../../shared/archived-text';
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
 * "73 photos, 1 video · 1 archived": All photos as the core counts it (`shown`: the same
 * timelineSummary({}) the grid's header and the sidebar say, the archive left out), said apart
 * as the header, a folder and `shoebox status` say them (itemsText), then how many are archived.
 * No arithmetic here: the archive's rule (which views leave archived items out, the Videos view
 * keeping them: shared/archive-views.ts) is the core's, so the footer cannot count an archived
 * video as one All photos shows. `shown` null (not answered yet, or a library that cannot be
 * browsed): the library's whole count (`photos`, LibraryStatus.photos), the one number known.
 */
export function photosText(shown: TimelineTotals | null, archived: TimelineTotals | number | null, photos = 0): string {
  if (!shown) return itemsText(photos, 0, formatCount);
  const items = itemsText(shown.total, shown.videos ?? 0, formatCount);
  const archive = typeof archived === 'number' ? { total: archived } : archived;
  return archive?.total ? `${items} · ${archivedText(archive, formatCount)}` : items;
}

/** Whether folders are followed: "Watching for changes", or, once the watcher stopped for good
 *  (LibraryStatus.watchStopped: the model replaced on disk), that it does not, and the core's why,
 *  rather than the line just gone; null when neither (no model, watching off). */
export function watchText(status: Pick<LibraryStatus, 'watching' | 'watchStopped'>): string | null {
  if (status.watching) return 'Watching for changes';
  return status.watchStopped ? `Not watching: ${status.watchStopped}` : null;
}

/** The line at the bottom, kept to one line: library size, model, where inference runs, version.
 *  What does not fit is cut with an ellipsis, where inference runs first (its title keeps it whole). */
/** `archived`: how many of the library's photos are archived (App's count, the sidebar's; with
 *  its videos where known), null until known;
 *  `shown`: All photos as the core counts it (App asks timelineSummary({})), null until known. */
export function StatusBar({ status, error, archived = null, shown = null }: { status: LibraryStatus | null; error: string | null; archived?: TimelineTotals | number | null; shown?: TimelineTotals | null }) {
  const client = useClient();
  const [info] = useAsync(() => client.info(), [client, status?.model?.id]);
  if (error) {
    return (
      <footer className="status-bar status-bar--error" role="alert">
        {error}
      </footer>
    );
  }
  const providers = info.status === 'ready' ? describeProviders(info.value.providers) : null;
  const model = status?.model ? `Model ${status.model.id}` : 'No model';
  const watch = status ? watchText(status) : null;
  return (
    <footer className="status-bar">
      {status ? (
        <>
          <span>{photosText(shown, archived, status.photos)}</span>
          <span>{formatCount(status.folders, 'folder')}</span>
          {status.failed > 0 && <span>{formatCount(status.failed, 'file')} not readable</span>}
          <span className="status-bar__fit" title={model}>
            {model}
          </span>
          {watch && (
            <span className="status-bar__fit" title={watch}>
              {watch}
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
