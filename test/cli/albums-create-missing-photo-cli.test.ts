// `shoebox albums create NAME PHOTO...` with a photo argument the library does not hold (a typo:
// `red` for `red.jpg`): the core saves an album with its photos in one write, so nothing is made
// (no "NAME: hand-picked, 0 photos" left behind whose name then blocks the retry), the photo is
// said in one line (exit 1; a word that names no file at all offered as --query), and the retry with the right photo works.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox albums create with photos the library does not hold', () => {
  it('makes no album when none of them is in the library, so the name is free for the retry', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args], {}, { cwd: photos });
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);

    const typo = await run('albums', 'create', ...MODEL, 'reds2', 'red');
    // No file is called that: said so, the word offered as the query it may have been (albums-create-query-offer-cli).
    expect(typo).toEqual({ code: 1, stdout: '', stderr: `shoebox: no such file: ${path.join(photos, 'red')} (to make an album of the photos matching words, give them as --query "red")\n` });
    expect((await run('albums', 'list', ...MODEL)).stdout).not.toContain('reds2');

    const retry = await run('albums', 'create', ...MODEL, 'reds2', 'red.jpg');
    expect(retry).toEqual({ code: 0, stdout: `reds2: hand-picked, 1 photo\n${path.join(photos, 'red.jpg')}\n`, stderr: '' });

    // A smart album given only such photos is not made either.
    const smart = await run('albums', 'create', ...MODEL, 'warm', '--query', 'red', 'nothing.jpg');
    expect([smart.code, smart.stdout, smart.stderr]).toEqual([1, '', `shoebox: not in the library: ${path.join(photos, 'nothing.jpg')}\n`]);
    expect((await run('albums', 'show', ...MODEL, 'warm')).code).toBe(1);
  });
});
