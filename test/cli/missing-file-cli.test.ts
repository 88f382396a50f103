// A file argument that names nothing on disk (a typo) is said as `shoebox show` says it, `no such
// file: /abs/path`, exit 1 (the command line was right, the file is not there): by `similar`
// (it said "image not found", exit 2, as if the query were malformed) and by `embed-image`
// (Node's raw "ENOENT: no such file or directory, open 'x'").
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-missing-file-');
  await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
  expect((await shoebox(['--home', home, 'index', ...MODEL, photos])).code).toBe(0);
});

const run = (...args: string[]) => shoebox(['--home', home, ...args], {}, { cwd: photos });

describe('a file that is not there', () => {
  it('is said by similar in show\'s words, exit 1', async () => {
    const gone = path.join(photos, 'nothing.jpg');
    const show = await run('show', 'nothing.jpg');
    expect([show.code, show.stdout, show.stderr]).toEqual([1, '', `shoebox: no such file: ${gone}\n`]);
    const similar = await run('similar', ...MODEL, 'nothing.jpg');
    expect([similar.code, similar.stdout, similar.stderr]).toEqual([1, '', `shoebox: no such file: ${gone}\n`]);
  });

  it('is said by embed-image in the same words, the other files still embedded, exit 1', async () => {
    const gone = path.join(photos, 'nonexist.jpg');
    const text = await run('embed-image', ...MODEL, 'nonexist.jpg', 'red.jpg');
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('red.jpg\t4-d\n');
    expect(text.stderr).toBe(`shoebox: no such file: ${gone}\n`);
    const json = await run('embed-image', ...MODEL, '--json', 'nonexist.jpg');
    expect([json.code, JSON.parse(json.stdout)]).toEqual([1, [{ path: 'nonexist.jpg', error: 'no such file' }]]);
  });
});

describe('shoebox embed-text', () => {
  it('shows a newline in a text escaped, so each text stays one line', async () => {
    const res = await run('embed-text', ...MODEL, 'red\nsky', 'blue');
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['red\\nsky', 'blue']);
  });
});
