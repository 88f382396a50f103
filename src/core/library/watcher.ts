// Keeps watched folders in sync while Shoebox runs. @parcel/watcher watches directories
// (one inotify watch per directory on Linux, FSEvents / ReadDirectoryChangesW elsewhere),
// so large trees do not exhaust per-file watches. Events are coalesced for a moment and
// then handed to the indexer as paths; the indexer re-stats each one, so event order,
// duplicates and partial writes do not matter.
import watcher from '@parcel/watcher';
import path from 'node:path';
import { isInside } from './scan';

export interface FolderWatcherOptions {
  /** How long events are collected before one batch is handed over (ms). */
  settleMs?: number;
  /** Called with every batch; the next batch waits until this resolves. */
  onBatch: (paths: string[]) => Promise<void>;
  onError: (err: Error) => void;
}

export class FolderWatcher {
  private readonly subscriptions = new Map<string, watcher.AsyncSubscription>();
  private pendingPaths = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: FolderWatcherOptions) {}

  async watch(folder: string): Promise<void> {
    const root = path.resolve(folder);
    if (this.subscriptions.has(root)) return;
    const sub = await watcher.subscribe(
      root,
      (err, events) => {
        if (err) return this.options.onError(err);
        for (const e of events) if (!isHidden(root, e.path)) this.pendingPaths.add(e.path);
        this.schedule();
      },
      { ignore: ['**/.*', '**/.*/**'] },
    );
    this.subscriptions.set(root, sub);
  }

  async unwatch(folder: string): Promise<void> {
    const root = path.resolve(folder);
    await this.subscriptions.get(root)?.unsubscribe();
    this.subscriptions.delete(root);
  }

  folders(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** The watched folder a path belongs to, if any. */
  folderOf(p: string): string | undefined {
    return this.folders().find((f) => isInside(p, f) || p === f);
  }

  /** Stops watching and waits for the batch in progress to finish (a clean stop). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all([...this.subscriptions.values()].map((s) => s.unsubscribe()));
    this.subscriptions.clear();
    await this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.closed || this.pendingPaths.size === 0) return;
      const batch = [...this.pendingPaths];
      this.pendingPaths = new Set();
      this.running = this.running.then(() => this.options.onBatch(batch)).catch((err: unknown) => this.options.onError(err as Error));
    }, this.options.settleMs ?? 700);
  }
}

function isHidden(root: string, p: string): boolean {
  return path.relative(root, p).split(path.sep).some((part) => part.startsWith('.'));
}
