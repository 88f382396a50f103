// What the app's duplicates review and its sidebar count are served (LibraryApi, as `shoebox
// serve` serves them): the count is the groups still standing, whichever page is asked for; a
// scan saved by `shoebox dupes` (another process on the library) replaces the report the app
// shows at its next ask; a hard link of the kept photo is marked on its page and never planned
// for the trash. Real files, a real library on the tiny model, a trash folder of our own.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { jobFinished, useApiHosts, type OpenedHost } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

describe('the duplicates report the app is served', () => {
  const hosts = useApiHosts();
  let trashDir: string;
  const folders: string[] = [];
  beforeAll(() => {
    trashDir = tempDir('shoebox-standing-trash-');
  });
  afterAll(() => {
    for (const d of [trashDir, ...folders]) fs.rmSync(d, { recursive: true, force: true });
  });

  /** p0..p(n-1), each with an exact copy. */
  const writePictures = async (n: number): Promise<string> => {
    const dir = tempDir('shoebox-standing-');
    folders.push(dir);
    for (let i = 0; i < n; i++) {
      const jpeg = await sceneJpeg(200 + i, 320, 240);
      fs.writeFileSync(path.join(dir, `p${i}.jpg`), jpeg);
      fs.writeFileSync(path.join(dir, `p${i} copy.jpg`), jpeg);
    }
    return dir;
  };

  const scanned = async ({ host, events }: OpenedHost) => {
    expect(await jobFinished(events, await host.findDuplicates())).toMatchObject({ state: 'done' });
    return (await host.duplicates())!;
  };

  it('counts the groups still standing on every page: a photo deleted from the viewer leaves the sidebar\'s count too', async () => {
    const dir = await writePictures(2);
    const app = await hosts({ trashDir });
    expect(await jobFinished(app.events, await app.host.addFolder(dir))).toMatchObject({ state: 'done' });
    expect(await scanned(app)).toMatchObject({ total: 2 });
    expect(await app.host.duplicates({ limit: 1 })).toMatchObject({ total: 2 });

    // The viewer's Delete, on the second picture's copy (not on the sidebar's one-picture page).
    const copy = path.join(dir, 'p1 copy.jpg');
    expect((await app.host.trashPhotos([photoId(copy)])).moved).toEqual([copy]);
    const sidebar = (await app.host.duplicates({ limit: 1 }))!;
    const review = (await app.host.duplicates())!;
    expect(review).toMatchObject({ total: 1, removable: 1 });
    expect(sidebar).toMatchObject({ total: 1, removable: 1, photos: review.photos });
  }, 240_000);

  it('serves a scan another process saved meanwhile (shoebox dupes while the app serves), not its own older one', async () => {
    const dir = await writePictures(2);
    const library = tempDir('shoebox-standing-library-');
    folders.push(library);
    // The app, giving the writer lock back once quiet, and a second process on the library.
    const app = await hosts({ library, handBackMs: 300, trashDir });
    expect(await jobFinished(app.events, await app.host.addFolder(dir))).toMatchObject({ state: 'done' });
    const seen = await scanned(app);
    const cli = await hosts({ library, handBackMs: 300, trashDir });
    // Its own scan of one folder only, so the report it saves differs from the app's; scanned
    // again until it could save it (the app hands the writer lock back once quiet).
    const unsaved = () => cli.events.filter((e) => e.type === 'log' && e.message.startsWith('could not save the duplicates report')).length;
    await expect
      .poll(async () => {
        const before = unsaved();
        await cli.host.scanDuplicatesNow({ kinds: ['exact'], folder: dir });
        return unsaved() === before;
      }, { timeout: 30_000, interval: 500 })
      .toBe(true);
    const saved = (await cli.host.duplicates())!;
    expect(saved.scannedAt).toBeGreaterThan(seen.scannedAt);
    await cli.host.close();

    const shown = (await app.host.duplicates())!;
    expect(shown.scannedAt).toBe(saved.scannedAt);
    expect(shown.folder).toBe(dir);
  }, 240_000);

  it('marks a hard link of the kept photo on its page and plans no trash for it: the same file stays', async () => {
    const root = tempDir('shoebox-standing-links-');
    folders.push(root);
    const orig = path.join(root, 'orig');
    const links = path.join(root, 'links');
    fs.mkdirSync(orig);
    fs.mkdirSync(links);
    const file = path.join(orig, '0004.jpg');
    fs.writeFileSync(file, await sceneJpeg(240, 320, 240));
    const hard = path.join(links, 'hard0004.jpg');
    fs.linkSync(file, hard);
    const app = await hosts({ trashDir });
    for (const folder of [orig, links]) expect(await jobFinished(app.events, await app.host.addFolder(folder))).toMatchObject({ state: 'done' });

    const report = await scanned(app);
    expect(report.groups).toHaveLength(1);
    const group = report.groups[0]!;
    const other = group.members.find((m) => m.id !== group.keep)!;
    expect(other.sameFileAs).toEqual([group.keep]);
    expect(report.pictures[0]!.members.find((m) => m.id === other.id)!.sameFileAs).toEqual([group.keep]);

    const plan = await app.host.planDuplicateTrash();
    expect(plan.paths).toEqual([]);
    expect(plan.skipped).toEqual([{ path: other.path, reason: 'same file as the kept one (a hard link): stays' }]);
    const result = await app.host.trashDuplicates([other.id]);
    expect(result.moved).toEqual([]);
    expect(fs.existsSync(file) && fs.existsSync(hard)).toBe(true);
  }, 240_000);
});
