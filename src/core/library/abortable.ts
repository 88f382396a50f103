// A stop (Ctrl-C, SIGTERM, a cancelled job) must end a run promptly even when a photo's
// decode is stuck on a file that does not answer: the run stops waiting for it. The decode
// itself cannot be cancelled; what it would have done is dropped (the indexer checks the
// signal before committing anything from it).
import { defaultMaxListeners, getMaxListeners, setMaxListeners } from 'node:events';

/** Works waiting on each signal now: one abort listener each. */
const waiting = new WeakMap<AbortSignal, number>();

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
  // A run decodes one photo per core at once, each with a listener removed when it settles:
  // on a 16-core machine Node's leak warning (past 10 listeners) printed on every index run
  // (seen on a 16-core GPU box), so the signal's allowance grows with the works waiting on it.
  const count = (waiting.get(signal) ?? 0) + 1;
  waiting.set(signal, count);
  if (count + defaultMaxListeners > getMaxListeners(signal)) setMaxListeners(count + defaultMaxListeners, signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StoppedError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
      waiting.set(signal, (waiting.get(signal) ?? 1) - 1);
    });
  });
}

/** Throws StoppedError when the run was stopped: checked before a late decode commits anything. */
export function throwIfStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StoppedError();
}
