// Closing a LanceDB table under one of its writes crashes the process: a SIGSEGV in
// `optimize_indices` was seen in a core dump when a table was closed under its optimize().
// A store's close waits for the writes in flight up to a bound (a dropped network's may never
// end); past it, it returns without closing, and the tables are closed once those writes end
// (or go with the process that exits meanwhile, which is safe: a commit is atomic).

/**
 * Runs `close` once every write of `inFlight` settled; resolves then, or after `boundMs` at
 * most, having run `giveUp` (the connection is no longer handed to the next opener).
 */
export async function closeAfterWrites(inFlight: readonly Promise<unknown>[], boundMs: number, close: () => Promise<void>, giveUp: () => void): Promise<void> {
  if (inFlight.length === 0) return close();
  const settled = Promise.allSettled(inFlight);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), boundMs).unref()));
  const inTime = await Promise.race([settled.then(() => true), bound]);
  clearTimeout(timer);
  if (inTime) return close();
  giveUp();
  void settled.then(close).catch(() => {}); // the close of a library already given up on: nothing to tell
}
