// Keeps watched folders in sync while Shoebox runs. @parcel/watcher watches directories
// (one inotify watch per directory on Linux, FSEvents / ReadDirectoryChangesW elsewhere),
// so large trees do not exhaust per-file watches. Events are coalesced for a moment and
// then handed to the indexer as paths; the indexer re-stats each one, so event order,
// duplicates and partial writes do not matter.
import watcher from '@parcel/watcher';
import path from 'node:path';
import { outermostFolder } from './scan';

export interface FolderWatcherOptions {
  /** How long events are collected before one batch is handed over (ms). */
  settleMs?: number;
  /** Called with every batch; the next batch waits until this resolves. */
  onBatch: (paths: string[]) => Promise<void>;
  onError: (err: Error) => void;
  /** Absolute paths never reported (Shoebox's own data folders, when inside a watched one). */
  ignore?: string[];
}

export class FolderWatcher {
  private readonly subscriptions = new Map<string, watcher.AsyncSubscription>();
  private pendingPaths = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  /** Watched folders that were deleted or moved away since they were subscribed. */
  private readonly lost = new Set<string>();

  constructor(private readonly options: FolderWatcherOptions) {}

  /** Follows `folder`; throws when it cannot (a folder that is missing or unreadable). */
  async watch(folder: string): Promise<void> {
    const root = path.resolve(folder);
    if (this.subscriptions.has(root)) return;
    const sub = await watcher.subscribe(
      root,
      (err, events) => {
        if (err) return this.options.onError(err);
        for (const e of events) {
          // The folder itself went (moved away, deleted): its watch is dead, even if it comes back.
          if (e.path === root && e.type === 'delete') this.lost.add(root);
          if (!isHidden(root, e.path)) this.pendingPaths.add(e.path);
        }
        this.schedule();
      },
      { ignore: ['**/.*', '**/.*/**', ...this.options.ignore ?? []] },
    );
    this.subscriptions.set(root, sub);
  }

  async unwatch(folder: string): Promise<void> {
    const root = path.resolve(folder);
    const sub = this.subscriptions.get(root);
    this.subscriptions.delete(root);
    this.lost.delete(root);
    // A folder that vanished took its watch with it: unsubscribing then fails, harmlessly.
    await sub?.unsubscribe().catch(() => {});
  }

  /** Runs `task` after the batch in progress, never alongside one (a catch-up scan). */
  run(task: () => Promise<void>): Promise<void> {
    this.running = this.running.then(task).catch((err: unknown) => this.options.onError(err as Error));
    return this.running;
  }

  /** Subscribed, and the subscription still sees the folder. */
  isFollowing(folder: string): boolean {
    const root = path.resolve(folder);
    return this.subscriptions.has(root) && !this.lost.has(root);
  }

  folders(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** The watched folder a path belongs to, if any (the outermost, should folders nest). */
  folderOf(p: string): string | undefined {
    return outermostFolder(p, this.folders());
  }

  /** Stops watching and waits for the batch in progress to finish (a clean stop). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all([...this.subscriptions.values()].map((s) => s.unsubscribe().catch(() => {})));
    this.subscriptions.clear();
    await this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.closed || this.pendingPaths.size === 0) return;
      const batch = [...this.pendingPaths];
      this.pendingPaths = new Set();
      void this.run(() => this.options.onBatch(batch));
    }, this.options.settleMs ?? 700);
  }
}

function isHidden(root: string, p: string): boolean {
  return path.relative(root, p).split(path.sep).some((part) => part.startsWith('.'));
}
