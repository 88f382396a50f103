// A disk unmounted from a watched library folder's path, or mounted on it, ends its watch
// without a word (@parcel/watcher ignores inotify's IN_UNMOUNT): the watcher still says it is
// following. FolderPresence must see that the path now leads to another folder and follow it
// again, or nothing there is seen until `watch` restarts. Here the watcher is a stand-in that
// keeps saying "following", as the real one does after an unmount, and the folder at the path
// is replaced (a new inode), as a mount or an unmount does.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderPresence } from '../../../src/core/library/folder-presence';
import type { FolderWatcher } from '../../../src/core/library/watcher';
import { tempDir } from '../../helpers/images';

/** A watcher whose watches never report their end, recording what it is asked. */
function silentWatcher() {
  const calls: string[] = [];
  const following = new Set<string>();
  const watcher = {
    watch: async (f: string) => {
      if (!fs.existsSync(f)) throw new Error('missing');
      calls.push(`watch ${f}`);
      following.add(f);
    },
    unwatch: async (f: string) => {
      calls.push(`unwatch ${f}`);
      following.delete(f);
    },
    isFollowing: (f: string) => following.has(f),
    run: (task: () => Promise<void>) => task(),
  };
  return { watcher: watcher as unknown as FolderWatcher, calls };
}

const stops: FolderPresence[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!.stop();
});

describe('a watched folder whose path leads to another folder', () => {
  it('is followed again and caught up on, as when a disk is unmounted from it and mounted again', async () => {
    const parent = tempDir('shoebox-presence-');
    const folder = path.join(parent, 'disk');
    fs.mkdirSync(folder);
    const { watcher, calls } = silentWatcher();
    const back: string[] = [];
    const presence = new FolderPresence(watcher, [folder], async (f) => void back.push(f), 30);
    stops.push(presence);
    await presence.start();
    expect(calls).toEqual([`watch ${folder}`]);
    // Unchanged: checked many times, never followed again.
    await new Promise((r) => setTimeout(r, 200));
    expect(back).toEqual([]);
    expect(calls).toEqual([`watch ${folder}`]);

    // Another folder at the same path (the mount point under an unmounted disk).
    fs.renameSync(folder, path.join(parent, 'away'));
    fs.mkdirSync(folder);
    await expect.poll(() => back, { timeout: 5_000 }).toEqual([folder]);
    expect(calls).toEqual([`watch ${folder}`, `unwatch ${folder}`, `watch ${folder}`]);

    // And once more (the disk mounted again): followed again, then left alone.
    fs.rmdirSync(folder);
    fs.renameSync(path.join(parent, 'away'), folder);
    await expect.poll(() => back.length, { timeout: 5_000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(back).toEqual([folder, folder]);
  });
});
