// `shoebox archive` as a user runs it: archive and bring back by path (a path the library does
// not hold is one line on stderr and exit 1, the rest still archived), list them; an archived
// photo leaves `on-this-day` (a timeline) but `search` still finds it, and `list --json` marks it.
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
  photos = tempDir('shoebox-cli-archive-');
  await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00' });
  await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30], { taken: '2020:06:15 09:00:00' });
  await writeExifColourPhoto(photos, 'blue.jpg', [25, 30, 210]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

function shoebox(args: string[]): Promise<CliResult> {
  return runCli(['--home', home, args[0]!, ...(args[0] === 'archive' ? [args[1]!, ...MODEL, ...args.slice(2)] : [...MODEL, ...args.slice(1)])]);
}

const names = (stdout: string): string[] => (JSON.parse(stdout) as { path: string }[]).map((p) => path.basename(p.path)).sort();

const listed = async (): Promise<string[]> => {
  const res = await shoebox(['archive', 'list', '--json']);
  expect(res.code, res.stderr).toBe(0);
  return names(res.stdout);
};

describe('shoebox archive', () => {
  it('archives what the library holds, says which path it does not, and lists them', async () => {
    expect(await listed()).toEqual([]);
    const missing = path.join(photos, 'not-indexed.jpg');
    const res = await shoebox(['archive', 'add', path.join(photos, 'red.jpg'), missing, path.join(photos, 'blue.jpg')]);
    expect(res.code).toBe(1);
    expect(res.stdout.trim()).toBe('archived 2 photos');
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: not in the library: ${missing}`]);
    expect(await listed()).toEqual(['blue.jpg', 'red.jpg']);

    const list = await shoebox(['list', '--json']);
    const rows = JSON.parse(list.stdout) as { path: string; archived?: boolean }[];
    expect(rows.filter((r) => r.archived).map((r) => path.basename(r.path)).sort()).toEqual(['blue.jpg', 'red.jpg']);
  });

  it('leaves on-this-day, not search', async () => {
    const day = await shoebox(['on-this-day', '--date', '2026-06-15', '--json']);
    expect(day.code, day.stderr).toBe(0);
    expect(names(day.stdout)).toEqual(['green.jpg']);
    const search = await shoebox(['search', '--json', '--all', 'red']);
    expect(search.code, search.stderr).toBe(0);
    expect(names(search.stdout)).toEqual(['blue.jpg', 'green.jpg', 'red.jpg']);
  });

  it('brings photos back, leaving the files alone', async () => {
    const red = path.join(photos, 'red.jpg');
    const bytes = fs.readFileSync(red);
    const res = await shoebox(['archive', 'remove', red]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe('brought back 1 photo');
    expect(await listed()).toEqual(['blue.jpg']);
    expect(fs.readFileSync(red).equals(bytes)).toBe(true);
    const day = await shoebox(['on-this-day', '--date', '2026-06-15', '--json']);
    expect(names(day.stdout)).toEqual(['green.jpg', 'red.jpg']);
    const usage = await shoebox(['archive', 'add']);
    expect(usage.code).toBe(2);
  });

  it('says when a photo was archived already, or was not archived, and counts only what changed', async () => {
    const red = path.join(photos, 'red.jpg'); // brought back above
    const blue = path.join(photos, 'blue.jpg'); // still archived
    const never = await shoebox(['archive', 'remove', red]);
    expect(never).toEqual({ code: 0, stdout: '1 photo was not archived\n', stderr: '' });
    const json = await shoebox(['archive', 'add', '--json', red, blue]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ added: [red], unchanged: [blue], missing: [], copies: [] });
    const again = await shoebox(['archive', 'add', red, blue]);
    expect(again).toEqual({ code: 0, stdout: '2 photos were archived already\n', stderr: '' });
    const back = await shoebox(['archive', 'remove', red]);
    expect(back).toEqual({ code: 0, stdout: 'brought back 1 photo\n', stderr: '' });
  });
});
