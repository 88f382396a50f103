// A process that runs for long (the app, `serve`, `shoebox watch`) gives the library's writer
// lock back once it has gone quiet, and takes it again at its next write. So on a library the
// family shares, the GPU box's watcher indexes what arrives while the laptops can still mark
// favourites, tag or add folders in between: one writer at a time still (writer-lock.ts), but
// only while there is something to write. Quiet means: no job running, no watcher's sync (each
// one runs in keep()), and nothing written or handed out by writable() for `idleMs`. Upkeep
// (the watcher's compaction and index refresh) is no use: it runs before the lock goes
// (beforeHandBack) or on its own timer, and neither keeps the lock longer.
// (The global `performance`, not node:perf_hooks': a test's fake clock replaces it.)

/** How long a long-running process keeps the writer lock unused before giving it back. */
export const HAND_BACK_MS = 30_000;
/** How often a writer that may give its lock back looks whether it has gone quiet. */
const CHECK_MS = 5_000;

/** The hand-back time: SHOEBOX_HAND_BACK_MS (a family's GPU box may keep the lock longer
 *  between bursts of photos; tests shorten or lengthen it), else HAND_BACK_MS. */
export function handBackMsFrom(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SHOEBOX_HAND_BACK_MS;
  if (raw === undefined || raw === '') return HAND_BACK_MS;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new Error(`SHOEBOX_HAND_BACK_MS must be a positive whole number of milliseconds (default ${HAND_BACK_MS}), not "${raw}"`);
  return Number(raw);
}

export class WriterHandBack {
  /** null: never given back (a CLI command keeps its lock to the end). */
  private idleMs: number | null = null;
  private busy: () => boolean = () => false;
  private lastUse = performance.now();
  private kept = 0;
  /** Upkeep running: its writes are no use of the writer (touchWrite). */
  private upkeeping = 0;
  private readonly upkeeps = new Set<() => Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private giving = false;
  private readonly listeners = new Set<() => void>();

  /** `giveBack` releases the lock (LibraryService.giveBack). */
  constructor(private readonly giveBack: () => Promise<void>) {}

  /** From now on the lock is given back after `idleMs` quiet; `busy`: the host's jobs run. */
  enable(idleMs: number, busy: () => boolean): void {
    this.idleMs = idleMs;
    this.busy = busy;
  }

  /** The writer was just used: the quiet starts again. */
  touch(): void {
    this.lastUse = performance.now();
  }

  /** This process took the lock: look for quiet until it is given back or lost. */
  writing(): void {
    if (this.idleMs === null || this.timer) return;
    this.touch();
    this.timer = setInterval(() => void this.check(), Math.max(25, Math.min(CHECK_MS, this.idleMs / 4)));
    this.timer.unref();
  }

  /** The lock is gone (lost, given back, closed). */
  notWriting(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  stop(): void {
    this.notWriting();
    this.idleMs = null;
  }

  /** A write through the writer: a use, unless upkeep made it. */
  touchWrite(): void {
    if (this.upkeeping === 0) this.touch();
  }

  /** Runs upkeep (compaction, an index refresh) with the lock kept meanwhile, as no use. */
  async upkeep<T>(work: () => Promise<T>): Promise<T> {
    this.kept++;
    this.upkeeping++;
    try {
      return await work();
    } finally {
      this.kept--;
      this.upkeeping--;
    }
  }

  /** `work` runs as upkeep before each hand-back, while the lock is still this process's. */
  beforeHandBack(work: () => Promise<void>): () => void {
    this.upkeeps.add(work);
    return () => this.upkeeps.delete(work);
  }

  /** Runs `work` with the lock kept meanwhile. */
  async keep<T>(work: () => Promise<T>): Promise<T> {
    this.kept++;
    try {
      return await work();
    } finally {
      this.kept--;
      this.touch();
    }
  }

  /** Called after each hand-back. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async check(): Promise<void> {
    if (this.giving || this.idleMs === null || this.kept > 0 || this.busy()) return;
    if (performance.now() - this.lastUse < this.idleMs) return;
    this.giving = true;
    try {
      for (const work of [...this.upkeeps]) await this.upkeep(work).catch(() => {});
      // Used meanwhile (a change came, the user wrote): kept, and looked at again later. Closed
      // meanwhile (stop()): close() lets the lock go itself.
      if (this.idleMs === null || this.kept > 0 || this.busy() || performance.now() - this.lastUse < this.idleMs) return;
      this.notWriting();
      await this.giveBack();
    } finally {
      this.giving = false;
    }
    for (const listener of this.listeners) listener();
  }
}
