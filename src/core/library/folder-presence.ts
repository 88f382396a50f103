// Library folders come and go: a disk is unmounted and mounted again, a folder is moved away
// and back. A watch dies with its folder and never sees it return, so every few seconds each
// folder is looked at: one that is back (or was never followed) is watched again and caught
// up on; one that is gone stops being watched. Its photos are kept meanwhile (indexer.ts).
import fs from 'node:fs/promises';
import type { FolderWatcher } from './watcher';

/** How often library folders are looked at; a stat each, nothing more. */
export const FOLDER_CHECK_MS = 2_000;

export class FolderPresence {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly watcher: FolderWatcher,
    private readonly folders: readonly string[],
    /** Catches up on a folder that is followed again; runs between the watcher's batches. */
    private readonly onBack: (folder: string) => Promise<void>,
    private readonly intervalMs = FOLDER_CHECK_MS,
  ) {}

  /** Follows every folder that can be followed now; the others are looked at again later. */
  async start(): Promise<void> {
    for (const folder of this.folders) await this.follow(folder);
    this.timer = setInterval(() => {
      this.checking ??= this.check().finally(() => (this.checking = null));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  private async check(): Promise<void> {
    for (const folder of this.folders) {
      const present = await isReadableFolder(folder);
      const followed = this.watcher.isFollowing(folder);
      if (present && !followed) {
        await this.watcher.unwatch(folder); // a dead watch, if any
        if (await this.follow(folder)) await this.watcher.run(() => this.onBack(folder));
      } else if (!present && followed) {
        await this.watcher.unwatch(folder);
      }
    }
  }

  private async follow(folder: string): Promise<boolean> {
    try {
      await this.watcher.watch(folder);
      return true;
    } catch {
      return false; // missing or unreadable: looked at again on the next check
    }
  }
}

async function isReadableFolder(folder: string): Promise<boolean> {
  return fs.readdir(folder).then(
    () => true,
    () => false,
  );
}
