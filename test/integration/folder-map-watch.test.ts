// "Locate folder…" while the app watches: the watcher follows the folder at its new place at
// once (it used to keep watching the old path until a restart), and the photos already in
// the library stay as they are (nothing embedded again).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe('a folder located elsewhere while the library is watched', () => {
  it('is followed at its new place without a restart', async () => {
    const mounts = tempDir('shoebox-map-watch-');
    const before = path.join(mounts, 'nas-photos');
    const after = path.join(mounts, 'photos-here');
    fs.mkdirSync(before);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(before, `${name}.jpg`, rgb);
    const { host, events } = await openHost({ home: tempDir(), watch: true });
    await jobFinished(events, await host.addFolder(before));
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);
    const mark = events.length;

    // The share is mounted at another path on this device; the user locates it.
    fs.renameSync(before, after);
    await host.mapFolder(before, after);
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);
    await writeColourPhoto(after, 'late.jpg', [128, 0, 128]);
    await expect.poll(async () => (await host.listPhotos({ limit: 100 })).photos.map((p) => path.basename(p.path)).sort(), { timeout: 30_000 }).toEqual(
      [...Object.keys(COLOURS).map((n) => `${n}.jpg`), 'late.jpg'].sort(),
    );
    // Shown at this device's path; only the new photo was embedded.
    expect((await host.listPhotos({ limit: 100 })).photos.every((p) => p.path.startsWith(after + path.sep))).toBe(true);
    const progress = events.slice(mark).filter((e) => e.type === 'index-progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((e) => e.type === 'index-progress' && e.progress.total <= 1)).toBe(true);
  }, 120_000);
});
