// The app's duplicates review after a copy was deleted on disk while no watcher ran (`rm`,
// another app; its library row is still there): the page, its count and the trash leave it
// out, a group left with one photo is no group, and the saved report still holds it (a read
// never loses what the scan found: a disk unplugged for now comes back). Real files, a real
// library on the tiny model, no watcher. The pages reuse a pass of stats until the library's
// photos change (or a short while passes: gone-from-disk-cache.ts); the trash always looks again.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import type { LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent } from '../../src/shared/api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

/** Another photo comes into the library (a folder added elsewhere): its photos changed, the
 *  rows of the report's members as they were. */
async function photosChange(host: LibraryHost, events: LibraryEvent[], dirs: string[], seed: number): Promise<void> {
  const other = tempDir('shoebox-gone-disk-other-');
  dirs.push(other);
  fs.writeFileSync(path.join(other, 'other.jpg'), await sceneJpeg(seed, 320, 240));
  const before = events.filter((e) => e.type === 'photos-changed').length;
  expect(await jobFinished(events, await host.addFolder(other))).toMatchObject({ state: 'done' });
  expect(events.filter((e) => e.type === 'photos-changed').length).toBeGreaterThan(before);
}

describe('the duplicates review with files gone from disk', () => {
  const hosts = useApiHosts();
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('leaves the gone copy out of pages, counts and the trash, and keeps it in the saved report', async () => {
    const dir = tempDir('shoebox-gone-disk-');
    const home = tempDir('shoebox-gone-disk-home-');
    const trashDir = tempDir('shoebox-gone-disk-trash-');
    dirs.push(dir, home, trashDir);
    const jpeg = await sceneJpeg(777, 320, 240);
    const names = ['p.jpg', 'p copy.jpg', 'p copy 2.jpg'];
    for (const name of names) fs.writeFileSync(path.join(dir, name), jpeg);
    const { host, events } = await hosts({ home, trashDir });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    expect(await jobFinished(events, await host.findDuplicates(['exact']))).toMatchObject({ state: 'done' });
    expect(await host.duplicates()).toMatchObject({ total: 1, removable: 2 });
    const savedFile = path.join(home, 'duplicates', fs.readdirSync(path.join(home, 'duplicates'))[0]!);
    const saved = fs.readFileSync(savedFile, 'utf8');

    fs.rmSync(path.join(dir, 'p copy 2.jpg'));
    await photosChange(host, events, dirs, 901);
    const review = (await host.duplicates())!;
    expect(review).toMatchObject({ total: 1, removable: 1 });
    expect(review.groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['p copy.jpg', 'p.jpg']]);
    // The trash never offers it: asked for, it is "not in the last duplicate scan" as read now.
    const gone = path.join(dir, 'p copy 2.jpg');
    const asked = await host.trashDuplicates([photoId(gone)]);
    expect(asked.moved).toEqual([]);
    expect(asked.skipped).toEqual([{ path: gone, reason: 'not in the last duplicate scan' }]);

    fs.rmSync(path.join(dir, 'p copy.jpg'));
    await photosChange(host, events, dirs, 902);
    expect(await host.duplicates()).toMatchObject({ total: 0, removable: 0, groups: [] });
    // The saved report is the scan's, whole.
    expect(fs.readFileSync(savedFile, 'utf8')).toBe(saved);
  }, 240_000);

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("pages read while the library's photos stay as they were stat each member once; a change looks again", async () => {
    const dir = tempDir('shoebox-gone-disk-');
    const home = tempDir('shoebox-gone-disk-home-');
    const trashDir = tempDir('shoebox-gone-disk-trash-');
    dirs.push(dir, home, trashDir);
    const jpeg = await sceneJpeg(778, 320, 240);
    const names = ['q.jpg', 'q copy.jpg', 'q copy 2.jpg'];
    const members = names.map((name) => path.join(dir, name));
    for (const file of members) fs.writeFileSync(file, jpeg);
    const { host, events } = await hosts({ home, trashDir });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    expect(await jobFinished(events, await host.findDuplicates(['exact']))).toMatchObject({ state: 'done' });

    const stat = vi.spyOn(fsp, 'stat');
    const statsOf = (file: string) => stat.mock.calls.filter(([p]) => p === file).length;
    expect(await host.duplicates()).toMatchObject({ total: 1, removable: 2 });
    expect(await host.duplicates({ offset: 0, limit: 1 })).toMatchObject({ total: 1, removable: 2 });
    expect(await host.duplicates()).toMatchObject({ total: 1, removable: 2 });
    // Three reads, one pass: each member looked at once.
    for (const file of members) expect(statsOf(file), file).toBe(1);

    // Deleted while no watcher runs, then the library says its photos changed: left out at once.
    fs.rmSync(members[2]!);
    await photosChange(host, events, dirs, 903);
    const review = (await host.duplicates())!;
    expect(review).toMatchObject({ total: 1, removable: 1 });
    expect(review.groups.flatMap((g) => g.members.map((m) => path.basename(m.path))).sort()).toEqual(['q copy.jpg', 'q.jpg']);
  }, 240_000);
});
