import type { JobState, ModelInfo } from '../../../shared/api';
import { formatBytes } from '../../../shared/bytes-text';

/**
 * What a download that stopped (the hub went away, it was cancelled) left behind: the core
 * keeps every finished byte in models/.partial/<id> and the next install resumes from there
 * (HTTP 206), as `shoebox models list` says with "partial". How much: the stopped job's last
 * progress, while this session has it; else (serve or the app restarted since, the download
 * started from a terminal) the core's word that a partial download is kept (ModelInfo.partial),
 * without figures. Null when nothing is kept, the model is installed, or it is downloading.
 */
export interface KeptDownload {
  /** Bytes kept and the download's size, where this session saw the download stop. */
  done: number | null;
  total: number | null;
}

export function keptDownload(model: ModelInfo, job: JobState | undefined): KeptDownload | null {
  if (model.installed) return null;
  const stopped = job && (job.state === 'failed' || job.state === 'cancelled');
  const progress = stopped ? job.progress : undefined;
  if (progress && progress.done > 0 && progress.done < progress.total) return { done: progress.done, total: progress.total };
  // A job still running, or one that fetched nothing this time, is not the kept bytes' word.
  if (job && !stopped) return null;
  return model.partial ? { done: null, total: null } : null;
}

/** "about 480 MB of 1.5 GB downloaded": said where a model not installed says its download size. */
export function keptDownloadText(kept: KeptDownload): string {
  return kept.done !== null && kept.total !== null ? `about ${formatBytes(kept.done)} of ${formatBytes(kept.total)} downloaded` : 'partly downloaded';
}

/** Under the failure: that Try again does not start over. */
export function keptResumeText(kept: KeptDownload): string {
  return kept.done !== null && kept.total !== null ? `Try again resumes it: ${formatBytes(kept.done)} of ${formatBytes(kept.total)} is kept.` : 'Try again resumes it: what was downloaded is kept.';
}
