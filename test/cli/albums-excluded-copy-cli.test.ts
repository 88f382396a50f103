// The duplicates review's flow on a smart album, as a user runs it: exclude the copy of a photo,
// then delete (or trash) that copy: the original stays in the album. And an album whose matches
// are all excluded says so, with how to put one back, not that nothing matches. The CLI on
// colour photos and the tiny fixture model.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox albums and an excluded copy', () => {
  it('excluding a copy then deleting it leaves the original in the album; all matches excluded is said so', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const red = path.join(photos, 'red.jpg');
    const copy = path.join(photos, 'red-copy.jpg');
    fs.copyFileSync(red, copy);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'Reds', '--query', 'red', '--threshold', '0.8')).code).toBe(0);
    expect((await run('albums', 'exclude', ...MODEL, 'Reds', copy)).code).toBe(0);

    fs.rmSync(copy);
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
    const show = JSON.parse((await run('albums', 'show', ...MODEL, '--json', 'Reds')).stdout) as { excluded: string[]; members: { path: string }[] };
    expect(show.members.map((m) => m.path)).toEqual([red]);
    expect(show.excluded).toEqual([]);

    // The original excluded too: its one match is excluded, not "no photo matches".
    expect((await run('albums', 'exclude', ...MODEL, 'Reds', red)).code).toBe(0);
    const empty = await run('albums', 'show', ...MODEL, 'Reds');
    expect(empty.stdout).toBe('Reds: "red", threshold 0.800, 0 photos\n');
    expect(empty.stderr).toBe('shoebox: no photo to show: 1 matching photo is excluded (shoebox albums unpin "Reds" PHOTO puts it back)\n');
  }, 180_000);
});
