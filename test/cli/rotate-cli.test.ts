// `shoebox rotate` as a user runs it: a photo turned a quarter right lists sideways (its width
// and height swapped, `rotation: 90`), turns add up, `reset` puts it back as its file shows it,
// a path the library does not hold is one line on stderr and exit 1 (the rest still turned), a
// rotation that is not a quarter turn is refused before anything opens; the file is never touched.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;
let beach: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-rotate-');
  beach = await writeColourPhoto(photos, 'beach.jpg', [20, 90, 220], { width: 320, height: 240 });
  await writeColourPhoto(photos, 'forest.jpg', [20, 160, 40], { width: 320, height: 240 });
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

const rotate = (args: string[]) => runCli(['--home', home, 'rotate', ...MODEL, ...args]);

async function listed(file: string): Promise<{ width: number; height: number; rotation?: number }> {
  const res = await runCli(['--home', home, 'list', '--json']);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { path: string; width: number; height: number; rotation?: number }[]).find((p) => p.path === file)!;
}

describe('shoebox rotate', () => {
  it('turns a photo a quarter right: it lists sideways, and the file stays as it was', async () => {
    const before = fs.readFileSync(beach);
    const missing = path.join(photos, 'not-indexed.jpg');
    const res = await rotate(['right', beach, missing]);
    expect(res.code).toBe(1);
    expect(res.stdout.trim()).toBe('turned 1 photo a quarter turn right');
    expect(res.stderr.trim()).toBe(`shoebox: not in the library: ${missing}`);
    expect(await listed(beach)).toMatchObject({ width: 240, height: 320, rotation: 90 });
    expect(await listed(path.join(photos, 'forest.jpg'))).not.toHaveProperty('rotation');
    expect(fs.readFileSync(beach).equals(before)).toBe(true);
  });

  it('adds turns up (-90 after right is upright again), and reset puts a photo back as its file shows it', async () => {
    const back = await rotate(['--json', '-90', beach]);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ changed: [beach], missing: [], videos: [], upright: [] });
    expect(await listed(beach)).toEqual(expect.objectContaining({ width: 320, height: 240 }));
    expect(await listed(beach)).not.toHaveProperty('rotation');
    expect((await rotate(['180', beach])).code).toBe(0);
    expect(await listed(beach)).toMatchObject({ width: 320, height: 240, rotation: 180 });
    const reset = await rotate(['reset', beach]);
    expect(reset.stdout.trim()).toBe('put 1 photo back as its file shows it');
    expect(await listed(beach)).not.toHaveProperty('rotation');
    // Reset again (and with a photo never turned): nothing to put back, said as it is.
    const again = await rotate(['reset', beach, path.join(photos, 'forest.jpg')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe('2 photos were shown as their files show them already');
    expect(JSON.parse((await rotate(['--json', 'reset', beach])).stdout)).toEqual({ changed: [], missing: [], videos: [], upright: [beach] });
  });

  it('refuses what is not a quarter turn, and a mistyped option, before anything is written', async () => {
    const res = await rotate(['45', beach]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("not a rotation: '45'");
    const typo = await rotate(['right', '--libary', '/elsewhere', beach]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown option '--libary'");
    expect(await listed(beach)).not.toHaveProperty('rotation');
  });
});
