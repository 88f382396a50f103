import type { FirstModel } from './useFirstModel';

/** Why the offered model's download failed, or could not start: one line each (NoModel, NoModelBanner). */
export function FirstModelErrors({ job, error }: Pick<FirstModel, 'job' | 'error'>) {
  return (
    <>
      {job?.state === 'failed' && (
        <p className="form-error" role="alert">
          Download failed: {job.error}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
