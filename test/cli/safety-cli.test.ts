// The reviewer's data-safety cases as a user runs them, with the real bin: a duplicate that
// is a link to the only real file, and an album exported into a library folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('data safety from the command line', () => {
  it('dupes --trash never trashes the real file a kept link points to', async () => {
    const p2 = tempDir('shoebox-p2-');
    fs.mkdirSync(path.join(p2, 'originals'));
    fs.mkdirSync(path.join(p2, 'album'));
    const original = await writeColourPhoto(path.join(p2, 'originals'), 'tench.jpg', [40, 120, 60]);
    const link = path.join(p2, 'album', 'tench.jpg');
    fs.symlinkSync(original, link);
    const home = tempDir();
    const trash = path.join(tempDir(), 'Trash');
    expect((await shoebox(['--home', home, 'index', ...MODEL, p2])).code).toBe(0);
    const res = await shoebox(['--home', home, 'dupes', ...MODEL, '--trash', '--yes', '--json'], { SHOEBOX_TRASH_DIR: trash });
    expect(res.code, res.stderr).toBe(0);
    // Whether the library holds one row or two for the picture, its file stays and the link works.
    expect(fs.lstatSync(original).isFile()).toBe(true);
    expect(fs.readFileSync(original).length).toBeGreaterThan(0);
    if (fs.existsSync(path.join(trash, 'files'))) {
      for (const name of fs.readdirSync(path.join(trash, 'files'))) expect(fs.lstatSync(path.join(trash, 'files', name)).isSymbolicLink()).toBe(true);
    }
    for (const g of JSON.parse(res.stdout) as { keep: string }[]) expect(g.keep).toBe(original);
  });

  it('albums export refuses a folder inside a library folder, as the app does (exit 2, one line)', async () => {
    const photos = tempDir('shoebox-export-cli-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const home = tempDir();
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'reds', '--query', 'red', '--threshold', '0.5')).code).toBe(0);
    const inside = path.join(photos, 'export');
    const res = await run('albums', 'export', ...MODEL, 'reds', inside);
    expect(res).toMatchObject({ code: 2, stdout: '' });
    expect(res.stderr).toBe(`shoebox: export to a folder outside the library: ${inside} is inside the library folder ${photos}, whose photos are indexed (the exported photos would be added again)\n`);
    expect(fs.existsSync(inside)).toBe(false);
    // A file where the folder would be: said plainly (was mkdir's EEXIST), the file untouched.
    const notes = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notes, 'mine');
    expect(await run('albums', 'export', ...MODEL, 'reds', notes)).toEqual({ code: 2, stdout: '', stderr: `shoebox: export to a folder: ${notes} is a file\n` });
    expect(await run('albums', 'export', ...MODEL, 'reds', path.join(notes, 'out'))).toEqual({ code: 2, stdout: '', stderr: `shoebox: export to a folder: ${notes} is a file, so ${path.join(notes, 'out')} cannot be made\n` });
    expect(fs.readFileSync(notes, 'utf8')).toBe('mine');
    expect((await run('albums', 'export', ...MODEL, 'reds', path.join(tempDir(), 'out'))).code).toBe(0);
  });
});
