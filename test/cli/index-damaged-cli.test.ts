// A photo the library had whose file becomes unreadable (cut short by a failing disk or a
// copy that stopped): `shoebox index` says it left the library, counts it as removed, and the
// favourite on it comes back once the file is restored.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('a photo whose file became unreadable', () => {
  it('is said to have left the library, counted as removed, and comes back with its favourite when restored', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-cli-damaged-');
    const red = await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('favourites', 'add', ...MODEL, red)).code).toBe(0);
    const good = fs.readFileSync(red);

    fs.writeFileSync(red, good.subarray(0, Math.floor(good.length / 3)));
    const damaged = await run('index', ...MODEL, photos);
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toMatch(/^2 files: 0 added, 0 updated, 1 unchanged, 1 removed, 0 embedded, 1 failed /);
    const lines = damaged.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^failed: ${red.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+ \\(it was in the library: out of it until the file can be indexed again; its favourites, tags and description come back with it\\)$`));
    const listed = JSON.parse((await run('list', '--json')).stdout) as { path: string }[];
    expect(listed.map((p) => path.basename(p.path))).toEqual(['blue.jpg']);
    // --json says the same.
    const again = JSON.parse((await run('index', ...MODEL, '--json', photos)).stdout) as { removed: number; failed: { path: string; dropped?: boolean }[] };
    expect(again.failed).toEqual([expect.objectContaining({ path: red })]);
    expect(again.failed[0]!.dropped).toBeUndefined(); // already out: nothing left this time
    expect(again.removed).toBe(0);

    fs.writeFileSync(red, good);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    const favourites = JSON.parse((await run('favourites', 'list', ...MODEL, '--json')).stdout) as { path: string }[];
    expect(favourites.map((p) => p.path)).toEqual([red]);
  });
});
