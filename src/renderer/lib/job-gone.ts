// A stop the engine refused because it knows no such job (core/api/job-stop.ts
// UnknownJobError: it finished long ago, or the engine started again since): nothing runs to
// stop, and the page drops the job's card. Told by the error's name, which the RPC and
// Electron's IPC both keep (shared/rpc.ts, client/ipc-errors.ts), never by its words.

/** Whether `error`, from stopJob, says the job is gone. */
export function isJobGone(error: unknown): boolean {
  return error instanceof Error && error.name === 'UnknownJobError';
}
