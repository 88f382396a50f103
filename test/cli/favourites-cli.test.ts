// `shoebox favourites` as a user runs it: mark and unmark by path (a path the library does
// not hold is one line on stderr and exit 1, the rest still marked), list them, and search
// among them with search/similar --favourites; `list --json` marks them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-favourites-');
  await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00' });
  await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30]);
  await writeExifColourPhoto(photos, 'blue.jpg', [25, 30, 210]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

function shoebox(args: string[]): Promise<CliResult> {
  return runCli(['--home', home, args[0]!, ...(args[0] === 'favourites' ? [args[1]!, ...MODEL, ...args.slice(2)] : [...MODEL, ...args.slice(1)])]);
}

const listed = async (): Promise<string[]> => {
  const res = await shoebox(['favourites', 'list', '--json']);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { path: string }[]).map((p) => path.basename(p.path));
};

describe('shoebox favourites', () => {
  it('marks what the library holds, says which path it does not, and lists them', async () => {
    expect(await listed()).toEqual([]);
    const missing = path.join(photos, 'not-indexed.jpg');
    const res = await shoebox(['favourites', 'add', path.join(photos, 'red.jpg'), missing, path.join(photos, 'blue.jpg')]);
    expect(res.code).toBe(1);
    expect(res.stdout.trim()).toBe('marked 2 photos');
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: not in the library: ${missing}`]);
    expect(await listed()).toEqual(['blue.jpg', 'red.jpg']);

    const list = await shoebox(['list', '--json']);
    const rows = JSON.parse(list.stdout) as { path: string; favourite?: boolean }[];
    expect(rows.filter((r) => r.favourite).map((r) => path.basename(r.path)).sort()).toEqual(['blue.jpg', 'red.jpg']);
  });

  it('searches among the favourites only with --favourites', async () => {
    const all = await shoebox(['search', '--json', '--all', 'green']);
    expect((JSON.parse(all.stdout) as unknown[]).length).toBe(3);
    const res = await shoebox(['search', '--json', '--all', '--favourites', 'green']);
    expect(res.code, res.stderr).toBe(0);
    expect((JSON.parse(res.stdout) as { path: string }[]).map((h) => path.basename(h.path)).sort()).toEqual(['blue.jpg', 'red.jpg']);
    const similar = await shoebox(['similar', '--json', '--favourites', path.join(photos, 'green.jpg')]);
    expect(similar.code, similar.stderr).toBe(0);
    expect((JSON.parse(similar.stdout) as { path: string }[]).map((h) => path.basename(h.path)).sort()).toEqual(['blue.jpg', 'red.jpg']);
  });

  it('unmarks, leaving the files alone', async () => {
    const red = path.join(photos, 'red.jpg');
    const bytes = fs.readFileSync(red);
    const res = await shoebox(['favourites', 'remove', red]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe('unmarked 1 photo');
    expect(await listed()).toEqual(['blue.jpg']);
    expect(fs.readFileSync(red).equals(bytes)).toBe(true);
    const usage = await shoebox(['favourites', 'add']);
    expect(usage.code).toBe(2);
  });

  it('says when a photo was a favourite already, or was not one, and counts only what changed', async () => {
    const red = path.join(photos, 'red.jpg');
    const blue = path.join(photos, 'blue.jpg'); // a favourite since the first test
    const green = path.join(photos, 'green.jpg');
    const again = await shoebox(['favourites', 'add', blue]);
    expect(again).toEqual({ code: 0, stdout: '1 photo was a favourite already\n', stderr: '' });
    const some = await shoebox(['favourites', 'add', red, blue]);
    expect(some).toEqual({ code: 0, stdout: 'marked 1 photo (1 was a favourite already)\n', stderr: '' });
    const never = await shoebox(['favourites', 'remove', green]);
    expect(never).toEqual({ code: 0, stdout: '1 photo was not a favourite\n', stderr: '' });
    const json = await shoebox(['favourites', 'remove', '--json', red, green]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ removed: [red], unchanged: [green], missing: [], copies: [] });
    expect(await listed()).toEqual(['blue.jpg']);
  });
});
