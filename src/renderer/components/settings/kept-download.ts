import type { IndexProgress, JobState, ModelInfo } from '../../../shared/api';
import { formatBytes } from '../../../shared/bytes-text';

/**
 * What a download that stopped (the hub went away, it was cancelled) left behind: the core
 * keeps every finished byte in models/.partial/<id> and the next install resumes from there
 * (HTTP 206), as `shoebox models list` says with "partial". Its last progress tells how much;
 * null when nothing was fetched, the model is installed, or the download has not stopped.
 */
export function keptDownload(model: ModelInfo, job: JobState | undefined): IndexProgress | null {
  if (model.installed || !job || (job.state !== 'failed' && job.state !== 'cancelled')) return null;
  const progress = job.progress;
  return progress && progress.done > 0 && progress.done < progress.total ? progress : null;
}

/** "about 480 MB of 1.5 GB downloaded": said where a model not installed says its download size. */
export function keptDownloadText(kept: IndexProgress): string {
  return `about ${formatBytes(kept.done)} of ${formatBytes(kept.total)} downloaded`;
}

/** Under the failure: that Try again does not start over. */
export function keptResumeText(kept: IndexProgress): string {
  return `Try again resumes it: ${formatBytes(kept.done)} of ${formatBytes(kept.total)} is kept.`;
}
