// A stop (Ctrl-C, SIGTERM, a cancelled job) must end a run promptly even when a photo's
// decode is stuck on a file that does not answer: the run stops waiting for it. The decode
// itself cannot be cancelled; what it would have done is dropped (the indexer checks the
// signal before committing anything from it).

/** Why a photo was not finished: the run was stopped. Not a failure of the photo. */
export class StoppedError extends Error {
  override name = 'StoppedError';
  constructor() {
    super('stopped before this photo was done');
  }
}

/** Settles as `work` does, or rejects with StoppedError as soon as `signal` aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => {}); // settles later, unobserved
    return Promise.reject(new StoppedError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StoppedError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Throws StoppedError when the run was stopped: checked before a late decode commits anything. */
export function throwIfStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StoppedError();
}
