// Ctrl-C and SIGTERM during a long command (index, import, copy-library, dupes, a model
// download, watch): the command's AbortSignal aborts and the work stops cleanly at its next
// step, instead of the process dying half-way. Handlers are taken off by release(): `index`
// releases them only once the library is closed (a Ctrl-C while it closes is answered, not
// fatal); the others before closing, as they did before this helper.

/** Exit code of a command stopped by Ctrl-C / SIGTERM before the end: 128 + SIGINT, as shells report it. */
export const EXIT_INTERRUPTED = 130;

export interface StopSignals {
  readonly signal: AbortSignal;
  release(): void;
}

export function stopOnSignals(): StopSignals {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: stop.signal,
    release() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
