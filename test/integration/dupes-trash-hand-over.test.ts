// The duplicates trash gives the moved photos' marks (favourite, description) to their keepers
// only for what really moved, and a kill between the moves and that hand-over loses none of
// them: the next trash finishes it. Real LanceDB, tiny model, the CLI as a user runs it, with
// SHOEBOX_TRASH_DIR so no real trash is touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

/** Two pictures, each with a smaller re-encoded copy (a near duplicate whose keeper is the original). */
async function pairs(dir: string): Promise<void> {
  for (const seed of [31, 32]) {
    fs.writeFileSync(path.join(dir, `p${seed}.jpg`), await sceneJpeg(seed, 800, 600));
    await sharp(path.join(dir, `p${seed}.jpg`)).resize({ width: 400 }).jpeg({ quality: 70 }).toFile(path.join(dir, `p${seed} small.jpg`));
  }
}

describe('the duplicates trash and the marks of what it moves', () => {
  const openHost = useApiHosts();

  it('gives no mark to a keeper when its copy could not be moved', async () => {
    const dir = tempDir('shoebox-handover-');
    await pairs(dir);
    const blocker = path.join(tempDir(), 'a file');
    fs.writeFileSync(blocker, '');
    const { host, events } = await openHost({ trashDir: path.join(blocker, 'trash') });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    expect(await jobFinished(events, await host.findDuplicates(['near']))).toMatchObject({ state: 'done' });
    const copy = photoId(path.join(dir, 'p31 small.jpg'));
    await host.setFavourites([copy], true);
    const result = await host.trashDuplicates([copy]);
    expect(result.moved).toEqual([]);
    expect(result.failed.map((f) => f.path)).toEqual([path.join(dir, 'p31 small.jpg')]);
    expect((await host.getPhoto(photoId(path.join(dir, 'p31.jpg'))))!.favourite).toBeUndefined();
  }, 180_000);

  it('a kill right after the first move: the next trash gives every keeper its copy’s marks', async () => {
    const dir = tempDir('shoebox-handover-');
    await pairs(dir);
    const home = tempDir('shoebox-handover-home-');
    const trash = tempDir('shoebox-handover-trash-');
    const env = { SHOEBOX_TRASH_DIR: trash };
    expect((await shoebox(['--home', home, 'index', ...MODEL, dir])).code).toBe(0);
    const copies = [path.join(dir, 'p31 small.jpg'), path.join(dir, 'p32 small.jpg')];
    expect((await shoebox(['--home', home, 'favourites', 'add', ...MODEL, ...copies])).code).toBe(0);
    expect((await shoebox(['--home', home, 'description', 'set', ...MODEL, 'the day we met', ...copies])).code).toBe(0);

    // Killed (as by a power cut) as soon as one photo is in the trash.
    const killer = path.join(tempDir(), 'kill-after-first-move.cjs');
    fs.writeFileSync(killer, `const fsp = require('node:fs/promises'); const rename = fsp.rename;
fsp.rename = async (a, b) => { await rename(a, b); if (String(b).includes('/files/')) process.kill(process.pid, 'SIGKILL'); };`);
    const killed = spawnSync(process.execPath, ['--require', killer, path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, '--provider', 'cpu', 'dupes', ...MODEL, '--trash', '--yes'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    expect(copies.filter((p) => fs.existsSync(p))).toHaveLength(1);

    const again = await shoebox(['--home', home, 'dupes', ...MODEL, '--trash', '--yes'], env);
    expect(again.code).toBe(0);
    expect(copies.filter((p) => fs.existsSync(p))).toEqual([]);
    const favourites = await shoebox(['--home', home, 'favourites', 'list', ...MODEL]);
    expect(favourites.stdout.trim().split('\n').sort()).toEqual([path.join(dir, 'p31.jpg'), path.join(dir, 'p32.jpg')]);
    const described = await shoebox(['--home', home, 'description', 'find', ...MODEL, 'day we met']);
    expect(described.stdout).toContain(path.join(dir, 'p31.jpg'));
    expect(described.stdout).toContain(path.join(dir, 'p32.jpg'));
  }, 240_000);

  it('a kill before any move, then a trash while a disk is unplugged: nothing of that disk leaves the library', async () => {
    const disk = tempDir('shoebox-handover-usb-');
    await pairs(disk);
    const home = tempDir('shoebox-handover-home-');
    const env = { SHOEBOX_TRASH_DIR: tempDir('shoebox-handover-trash-') };
    expect((await shoebox(['--home', home, 'index', ...MODEL, disk])).code).toBe(0);
    const copy = path.join(disk, 'p31 small.jpg');
    expect((await shoebox(['--home', home, 'favourites', 'add', ...MODEL, copy])).code).toBe(0);
    const killer = path.join(tempDir(), 'kill-before-first-move.cjs');
    fs.writeFileSync(killer, `const fsp = require('node:fs/promises'); const rename = fsp.rename;
fsp.rename = async (a, b) => { if (String(b).includes('/files/')) process.kill(process.pid, 'SIGKILL'); return rename(a, b); };`);
    const killed = spawnSync(process.execPath, ['--require', killer, path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, '--provider', 'cpu', 'dupes', ...MODEL, '--trash', '--yes'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.existsSync(copy)).toBe(true);

    fs.renameSync(disk, `${disk}.unplugged`);
    await shoebox(['--home', home, 'dupes', ...MODEL, '--trash', '--yes'], env);
    fs.renameSync(`${disk}.unplugged`, disk);
    expect((await shoebox(['--home', home, 'list', ...MODEL])).stdout).toContain(copy);
    expect((await shoebox(['--home', home, 'favourites', 'list', ...MODEL])).stdout.trim()).toBe(copy);
  }, 240_000);
});
