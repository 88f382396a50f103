// Library folders come and go: a disk is unmounted and mounted again, a folder is moved away
// and back. A watch dies with its folder and never sees it return, so every few seconds each
// folder is looked at: one that is back (or was never followed) is watched again and caught
// up on; one that is gone stops being watched. Its photos are kept meanwhile (indexer.ts).
//
// A disk unmounted from the folder's path (or mounted on it) does not end the watch where
// anyone hears it: @parcel/watcher ignores inotify's IN_UNMOUNT, so the watch just goes
// silent while the path still reads as a folder (the empty mount point, then the disk again).
// So the folder's identity (device and inode) is remembered when it is followed: a path that
// now leads to another folder is followed again and caught up on. The unmounted path shows
// the folder under the mount point; the same disk unmounted and mounted again between two
// checks (2 s) may show the very same identity, and would not be seen.
import fs from 'node:fs/promises';
import type { FolderWatcher } from './watcher';

/** How often library folders are looked at; a stat and an open each, never a listing. */
export const FOLDER_CHECK_MS = 2_000;

export class FolderPresence {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;
  /** The identity (folderIdentity) each followed folder had when its watch began. */
  private readonly followedAs = new Map<string, string>();

  constructor(
    private readonly watcher: FolderWatcher,
    private readonly folders: readonly string[],
    /** Catches up on a folder that is followed again; runs between the watcher's batches.
     *  `replaced`: it was followed, and its path now leads to another folder (a disk mounted or
     *  unmounted there), rather than back after it was gone. */
    private readonly onBack: (folder: string, replaced: boolean) => Promise<void>,
    private readonly intervalMs = FOLDER_CHECK_MS,
    /** A followed folder is gone (its photos are kept): told, so a page can show it at once. */
    private readonly onGone: (folder: string) => void = () => {},
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
      // A stat and an open, never a listing (a library folder may hold 100k files).
      const identity = await folderIdentity(folder);
      const present = identity !== null && (await isReadableFolder(folder));
      const followed = this.watcher.isFollowing(folder);
      // Another folder at its path (a disk mounted or unmounted there): its watch is silent.
      const replaced = followed && identity !== this.followedAs.get(folder);
      if (present && (!followed || replaced)) {
        await this.watcher.unwatch(folder); // a dead or silent watch, if any
        this.followedAs.delete(folder);
        if (await this.follow(folder)) await this.watcher.run(() => this.onBack(folder, replaced));
      } else if (!present && this.followedAs.has(folder)) {
        // Followed until now (its watch may have seen it go and died already).
        await this.watcher.unwatch(folder);
        this.followedAs.delete(folder);
        this.onGone(folder);
      }
    }
  }

  private async follow(folder: string): Promise<boolean> {
    // Read before the watch begins: a disk mounted in between then shows as a change on the
    // next check (one catch-up too many), never as the folder the watch is on (one missed).
    const identity = await folderIdentity(folder);
    try {
      await this.watcher.watch(folder);
    } catch {
      return false; // missing or unreadable: looked at again on the next check
    }
    if (identity !== null) this.followedAs.set(folder, identity);
    return true;
  }
}

/** Which folder a path leads to now (device and inode), or null when nothing is there. */
async function folderIdentity(folder: string): Promise<string | null> {
  // bigint: a 64-bit inode (Windows' file index) stays exact.
  return fs.stat(folder, { bigint: true }).then(
    (st) => `${st.dev}:${st.ino}`,
    () => null,
  );
}

/** Whether the folder can be listed, without listing it. */
async function isReadableFolder(folder: string): Promise<boolean> {
  return fs.opendir(folder).then(
    (dir) => dir.close().then(() => true),
    () => false,
  );
}
