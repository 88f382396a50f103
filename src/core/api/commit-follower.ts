// A library shown without a model on this device has no watcher (nothing could be embedded
// or recorded here), but another device may be indexing it, or marking favourites, meanwhile.
// This follows their commits by the store's data version and tells the front end to read
// again, so the page shows them without a restart.
import type { LibraryService } from '../library/library-service';

/** How often a library shown without a model looks for other devices' commits. */
export const FOLLOW_MS = 10_000;

export interface CommitFollower {
  stop(): void;
}

/** `onChange` runs when another process committed; `onTick` (optional) after every look. */
export function followCommits(lib: LibraryService, onChange: () => void, everyMs = FOLLOW_MS, onTick?: () => Promise<void>): CommitFollower {
  let last: string | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const version = await (await lib.readable()).dataVersion();
      if (last !== null && version !== last && !stopped) onChange();
      last = version;
      if (!stopped) await onTick?.();
    } catch {
      // Unreachable for now (an S3 library off the network): the next look tries again.
    }
    if (!stopped) timer = setTimeout(() => void tick(), everyMs).unref();
  };
  void tick();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
