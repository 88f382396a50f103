// Which members of a duplicates report are gone from disk now: deleted (`rm`, another app)
// while no watcher ran, so their library rows are still there. The report as read for a front
// end (the app's review, `shoebox dupes` and its --trash) leaves them out; the saved report
// keeps them (a photo on a disk unplugged for now comes back with it). One stat per path, a few
// at a time; the app's pages reuse a pass a while (gone-from-disk-cache.ts): on a NAS a pass
// over 10k members takes seconds.
import fs from 'node:fs/promises';

/** How a file is looked at: fs.stat, or a test's counting one. */
export type StatFile = (file: string) => Promise<unknown>;

/** At most this many stats in flight: a report of 100k members must not queue 100k at once. */
const AT_ONCE = 32;

/** Codes that mean "no such file": anything else (a permission, an I/O error) is not "gone". */
const GONE = new Set(['ENOENT', 'ENOTDIR']);

/** The paths among `paths` whose file is gone (a link whose target is gone counts as gone). */
export async function goneFromDisk(paths: Iterable<string>, stat: StatFile = (file) => fs.stat(file)): Promise<Set<string>> {
  const list = [...new Set(paths)];
  const gone = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const file = list[next++]!;
      await stat(file).catch((error: NodeJS.ErrnoException) => {
        if (GONE.has(error.code ?? '')) gone.add(file);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, list.length) }, worker));
  return gone;
}
