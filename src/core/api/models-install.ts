// The install-model job: a catalog download through ModelManager, reported as job progress in
// bytes (done/total, bytes per second, seconds left).
import { formatBytes } from '../../shared/bytes-text';
import type { IndexProgress, JobResult } from '../../shared/api';
import type { DownloadProgress } from '../models/download';
import { ModelManager } from '../models/model-manager';

/** Progress events per second at most: a fast download calls back for every chunk. */
const PROGRESS_INTERVAL_MS = 250;

export interface InstallOutcome {
  result: JobResult;
  /** It became the active model (none was): the library can open with it now. */
  activated: boolean;
}

export async function runInstall(
  home: string,
  id: string,
  signal: AbortSignal,
  report: (progress: IndexProgress) => void,
): Promise<InstallOutcome> {
  const started = Date.now();
  let last = 0;
  const onProgress = (p: DownloadProgress) => {
    const now = Date.now();
    const finished = p.bytesDone >= p.bytesTotal;
    if (!finished && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    report(bytesProgress(p.bytesDone, p.bytesTotal, (now - started) / 1000));
  };
  const installed = await new ModelManager({ home }).install(id, { onProgress, signal });
  const summary = installed.alreadyInstalled ? `${id} was already installed` : `installed ${id} (${formatBytes(installed.bytes)})`;
  return {
    result: { added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, summary },
    activated: installed.activated,
  };
}

export function bytesProgress(done: number, total: number, seconds: number): IndexProgress {
  const rate = seconds > 0 ? done / seconds : 0;
  return { done, total, rate, etaSeconds: rate > 0 ? Math.max(0, (total - done) / rate) : null };
}
