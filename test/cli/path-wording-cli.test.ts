// Paths as typed, said as they are: a photo that does not exist is "no such file" (not "not in
// the library"), a --folder under a library folder that does not exist is "no such folder",
// and `folders remove` names the absolute folder it removed, not a relative path as typed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('paths typed relative to the current folder', () => {
  it('are said as the files and folders they are', async () => {
    const home = tempDir();
    const cwd = tempDir('shoebox-cli-cwd-');
    const photos = path.join(cwd, 'photos');
    fs.mkdirSync(photos);
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const outside = await writeColourPhoto(cwd, 'loose.jpg', COLOURS.blue!);
    const run = (...args: string[]) => shoebox(['--home', home, ...args], {}, { cwd });
    expect((await run('index', ...MODEL, 'photos')).code).toBe(0);

    const shown = await run('show', 'photos/nope.jpg', 'loose.jpg', 'photos/red.jpg');
    expect(shown.code).toBe(1);
    expect(shown.stderr).toBe(`shoebox: no such file: ${path.join(photos, 'nope.jpg')}\nshoebox: not in the library: ${outside}\n`);
    expect(shown.stdout).toMatch(/^path: .*red\.jpg$/m);

    const empty = await run('list', '--folder', 'photos/empty');
    expect(empty).toEqual({ code: 0, stdout: '', stderr: `shoebox: no photo matches the filters (--folder photos/empty): ${path.join(photos, 'empty')}: no such folder\n` });
    const nowhere = await run('list', '--folder', 'nowhere');
    expect(nowhere.stderr).toBe(`shoebox: no photo matches the filters (--folder nowhere): ${path.join(cwd, 'nowhere')} is not in a library folder (shoebox folders list shows them)\n`);

    const removed = await run('folders', 'remove', ...MODEL, 'photos');
    expect(removed).toEqual({ code: 0, stdout: `removed ${photos} from the library (1 photo with it)\n`, stderr: '' });
  });
});
