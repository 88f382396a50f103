// `shoebox dupes` after a member's file was deleted on disk (`rm`, no watcher running, so its
// library row is still there): the report as read for either front end leaves it out, and a
// group left with one photo is no group; the saved report file keeps it (decisions and an
// unplugged disk's photos are never lost by a read). `--trash` when the keeper itself was
// deleted names the copy kept in its place, not the gone keeper as "not trashing".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const dupes = (home: string, args: string[], env: NodeJS.ProcessEnv = {}) => shoebox(['--home', home, 'dupes', ...MODEL, ...args], env);

type Group = { kind: string; keep: string; members: { path: string; trashed?: boolean }[] };

/** A folder of exact copies of one picture, indexed into a fresh home. */
async function copiesIndexed(names: string[]): Promise<{ home: string; dir: string }> {
  const dir = tempDir('shoebox-dupes-gone-');
  const jpeg = await sceneJpeg(4242, 320, 240);
  for (const name of names) fs.writeFileSync(path.join(dir, name), jpeg);
  const home = tempDir();
  const res = await shoebox(['--home', home, 'index', ...MODEL, '--json', dir]);
  expect(res.code, res.stderr).toBe(0);
  return { home, dir };
}

describe('shoebox dupes with files deleted since they were indexed', () => {
  it('leaves a deleted member out of the list, and a group left with one photo is none', async () => {
    const { home, dir } = await copiesIndexed(['IMG_0011.JPG', 'IMG_0011 copy.JPG', 'IMG_0011 copy 2.JPG']);
    fs.rmSync(path.join(dir, 'IMG_0011 copy 2.JPG'));
    const json = await dupes(home, ['--json', '--mode', 'exact']);
    expect(json.code, json.stderr).toBe(0);
    const groups = JSON.parse(json.stdout) as Group[];
    expect(groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['IMG_0011 copy.JPG', 'IMG_0011.JPG']]);
    const text = await dupes(home, ['--mode', 'exact']);
    expect(text.stdout).toMatch(/^exact copies: 2 photos$/m);

    fs.rmSync(path.join(dir, 'IMG_0011 copy.JPG'));
    const alone = await dupes(home, ['--json', '--mode', 'exact']);
    expect(JSON.parse(alone.stdout)).toEqual([]);
    expect((await dupes(home, ['--mode', 'exact'])).stdout).toMatch(/^no duplicates found$/m);
  }, 240_000);

  it('--trash with the keeper deleted keeps the next copy and says so in the gone keeper\'s terms', async () => {
    const { home, dir } = await copiesIndexed(['IMG_0011.JPG', 'IMG_0011 copy.JPG', 'IMG_0011 copy 2.JPG']);
    const keeper = path.join(dir, 'IMG_0011.JPG');
    const first = JSON.parse((await dupes(home, ['--json', '--mode', 'exact'])).stdout) as Group[];
    expect(first[0]!.keep).toBe(keeper);
    fs.rmSync(keeper);
    const trashDir = tempDir('shoebox-trash-');
    const res = await dupes(home, ['--trash', '--yes', '--mode', 'exact'], { SHOEBOX_TRASH_DIR: trashDir });
    expect(res.code, res.stderr).toBe(0);
    // One copy stays (keep-best's pick among the two left), the other goes; the line names
    // the one that stays, and the gone keeper is not reported as a photo "not trashed".
    const left = fs.readdirSync(dir);
    expect(left).toHaveLength(1);
    const instead = path.join(dir, left[0]!);
    expect(res.stderr).not.toContain(`not trashing ${keeper}`);
    expect(res.stderr).toContain(`shoebox: the kept photo ${keeper} is gone: ${instead} is kept instead\n`);
    expect(res.stdout).toMatch(/^moved 1 of 1 photos to the trash$/m);
  }, 240_000);
});
