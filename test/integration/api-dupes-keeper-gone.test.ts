// The keeper of a group goes (the viewer's Delete, another app) while the app's trash
// confirmation is open: the trash must not quietly keep, in its place, a copy the dialog
// listed to go, and say nothing of it. Real files, a real library on the tiny model.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

describe('trashing duplicates whose keeper went meanwhile', () => {
  const hosts = useApiHosts();
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('names the copy kept in the gone keeper\'s place under "left alone", with why', async () => {
    const dir = tempDir('shoebox-keeper-gone-');
    const trashDir = tempDir('shoebox-keeper-gone-trash-');
    dirs.push(dir, trashDir);
    const jpeg = await sceneJpeg(321, 320, 240);
    for (const name of ['p0.jpg', 'p0 copy.jpg', 'p0 copy 2.jpg']) fs.writeFileSync(path.join(dir, name), jpeg);
    const { host, events } = await hosts({ trashDir });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    expect(await jobFinished(events, await host.findDuplicates())).toMatchObject({ state: 'done' });
    const report = (await host.duplicates())!;
    const group = report.groups[0]!;
    const keeper = path.join(dir, 'p0.jpg');
    expect(group.keep).toBe(photoId(keeper));
    const listed = group.members.map((m) => m.id).filter((id) => id !== group.keep); // what the dialog lists

    // The keeper goes while the dialog is open (the viewer's Delete), and the review is read again.
    expect((await host.trashPhotos([photoId(keeper)])).moved).toEqual([keeper]);
    await host.duplicates();

    const result = await host.trashDuplicates(listed, [group.keep]);
    // The group now keeps the best copy left, which the dialog listed to go: it stays, and says
    // why in the gone keeper's terms; the other copy goes.
    expect(result).toEqual({ moved: [path.join(dir, 'p0 copy.jpg')], skipped: [{ path: path.join(dir, 'p0 copy 2.jpg'), reason: `kept instead of ${keeper}, which is gone` }], failed: [] });
  }, 240_000);
});
