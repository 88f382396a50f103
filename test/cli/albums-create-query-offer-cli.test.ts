// `shoebox albums create Reds red`: a new user types a query where a hand-picked album takes its
// photos. When none of the words names anything on disk, the one line says so (as `show` says a
// missing file) and offers them as --query, exit 1, nothing made; a file that is there but not
// in the library keeps the line every command says it in.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox albums create NAME WORDS without --query', () => {
  it('offers the words as --query when none of them is a file', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args], {}, { cwd: photos });
    expect((await run('index', ...MODEL, photos)).code).toBe(0);

    const one = await run('albums', 'create', ...MODEL, 'Reds', 'red');
    expect(one).toEqual({ code: 1, stdout: '', stderr: `shoebox: no such file: ${path.join(photos, 'red')} (to make an album of the photos matching words, give them as --query "red")\n` });
    const two = await run('albums', 'create', ...MODEL, 'Sky', 'blue', 'sky');
    expect(two).toEqual({ code: 1, stdout: '', stderr: `shoebox: no such files: ${path.join(photos, 'blue')}, ${path.join(photos, 'sky')} (to make an album of the photos matching words, give them as --query "blue sky")\n` });
    expect((await run('albums', 'list', ...MODEL)).stdout).not.toMatch(/Reds|Sky/);

    // A file that is there, only not in the library, is said as every command says it.
    const outside = await writeColourPhoto(tempDir('shoebox-outside-'), 'blue.jpg', COLOURS.blue!);
    const held = await run('albums', 'create', ...MODEL, 'Blues', outside);
    expect(held).toEqual({ code: 1, stdout: '', stderr: `shoebox: not in the library: ${outside}\n` });

    // The offer, taken, makes the album.
    const smart = await run('albums', 'create', ...MODEL, 'Reds', '--query', 'red');
    expect(smart.code, smart.stderr).toBe(0);
  });
});
