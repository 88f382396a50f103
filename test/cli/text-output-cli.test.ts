// What a person reads in a terminal: a file named with an escape sequence and a newline is
// shown escaped (`\x1b`, `\n`) by every command that prints paths as text, as `favourites
// list` always did, never sent raw (it would recolour the terminal, or pass for two photos);
// --json keeps it exact. A listing narrowed to a folder that holds no photo says so in one
// stderr line, as `search --folder` does, instead of printing nothing.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const ODD = 'esc\x1b[31mred\nline.jpg';
const SHOWN = 'esc\\x1b[31mred\\nline.jpg';
let home: string;
let photos: string;
let labels: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-text-');
  await writeColourPhoto(photos, ODD, COLOURS.red!);
  await writeColourPhoto(photos, 'green.jpg', COLOURS.green!);
  labels = path.join(tempDir(), 'colours.json');
  fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 }));
  const index = await runCli(['--home', home, 'index', ...MODEL, photos]);
  expect(index.code, index.stderr).toBe(0);
});

const run = (...args: string[]): Promise<CliResult> => runCli(['--home', home, ...args]);

/** No control character reaches the terminal, and the odd name is shown escaped on one line of its own. */
function expectEscaped(res: CliResult, what: string): void {
  expect(res.code, `${what}: ${res.stderr}`).toBe(0);
  // eslint-disable-next-line no-control-regex
  expect(res.stdout.replace(/[\t\n]/g, ''), what).not.toMatch(/[\u0000-\u001f\u007f]/);
  const lines = res.stdout.split('\n').filter(Boolean);
  expect(lines.filter((l) => l.includes(path.join(photos, SHOWN))), what).toHaveLength(1);
  expect(lines.some((l) => l.startsWith('line.jpg')), what).toBe(false);
}

describe('text output of a path with control characters', () => {
  it('is escaped by list, search, similar, tag, tags list and tags find', async () => {
    expectEscaped(await run('tag', ...MODEL, '--labels', labels, photos), 'tag');
    expectEscaped(await run('list'), 'list');
    expectEscaped(await run('search', ...MODEL, '--all', 'red'), 'search');
    expectEscaped(await run('similar', ...MODEL, path.join(photos, 'green.jpg')), 'similar');
    expectEscaped(await run('tags', 'list', ...MODEL), 'tags list');
    expectEscaped(await run('tags', 'find', ...MODEL, 'red'), 'tags find');
  });

  it('is kept exact with --json', async () => {
    const list = await run('list', '--json');
    expect((JSON.parse(list.stdout) as { path: string }[]).map((p) => p.path)).toContain(path.join(photos, ODD));
    const search = await run('search', ...MODEL, '--all', '--json', 'red');
    expect((JSON.parse(search.stdout) as { path: string }[]).map((p) => p.path)).toContain(path.join(photos, ODD));
  });
});

describe('a listing narrowed to a folder with no photo', () => {
  it('says so in one stderr line, naming a folder outside the library, and still exits 0', async () => {
    const outside = path.join(tempDir(), 'nonexistent');
    const list = await run('list', '--folder', outside);
    expect(list).toEqual({ code: 0, stdout: '', stderr: `shoebox: no photo matches the filters (--folder ${outside}): ${outside} is not in a library folder (shoebox folders list shows them)\n` });
    const tags = await run('tags', 'list', ...MODEL, outside);
    expect(tags).toEqual({ code: 0, stdout: '', stderr: `shoebox: no photo matches the filters (folder ${outside}): ${outside} is not in a library folder (shoebox folders list shows them)\n` });
    // A folder inside a library folder, with no photo in it: only that nothing matched.
    // (A folder there that does not exist says so: path-wording-cli.test.ts.)
    const empty = path.join(photos, 'empty');
    fs.mkdirSync(empty, { recursive: true });
    const inside = await run('list', '--json', '--folder', empty);
    expect(inside).toEqual({ code: 0, stdout: '[]\n', stderr: `shoebox: no photo matches the filters (--folder ${empty})\n` });
    // Past the end of a folder's photos is no mistake: nothing said.
    expect(await run('list', '--folder', photos, '--offset', '5')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
