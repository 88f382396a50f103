// The members of a duplicates report gone from disk, as the app's review pages read them. A
// pass stats every member (gone-from-disk.ts): seconds over 10k members on a NAS, too slow to
// do again for every page scrolled to. So a pass is reused for the same report until the
// library says its photos changed (its photos version moves: an index run, a watcher's batch,
// another device's commit followed, a folder mapped elsewhere, the same changes the API's
// photos-changed events announce) or it is TTL_MS old: a file deleted while no watcher runs
// drops out of the review within that time. The trash and its plan never use it: what they
// act on is checked fresh (dupes-api.ts).
import { goneFromDisk, type StatFile } from './gone-from-disk';

/** How long a pass stands for a report whose library did not change. */
export const GONE_FROM_DISK_TTL_MS = 30_000;

interface Pass {
  version: string;
  at: number;
  gone: Promise<Set<string>>;
}

export class GoneFromDiskCache {
  /** Keyed by the report object: a new scan or a trashed photo makes a new report, read afresh. */
  private readonly passes = new WeakMap<object, Pass>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly stat: StatFile | undefined;

  constructor(options: { ttlMs?: number; now?: () => number; stat?: StatFile } = {}) {
    this.ttlMs = options.ttlMs ?? GONE_FROM_DISK_TTL_MS;
    this.now = options.now ?? Date.now;
    this.stat = options.stat;
  }

  /** The paths of `report` (its members: `paths()`) gone from disk, from the last pass while
   *  the library's photos `version` is the one it was made at and it is younger than the TTL. */
  gone(report: object, paths: () => Iterable<string>, version: string): Promise<Set<string>> {
    const known = this.passes.get(report);
    const now = this.now();
    if (known && known.version === version && now - known.at < this.ttlMs) return known.gone;
    // Pages read at once share one pass: the promise is kept, not its answer.
    const gone = goneFromDisk(paths(), this.stat);
    this.passes.set(report, { version, at: now, gone });
    return gone;
  }
}
