// What a new user's walk of label sets found at the CLI: a Notepad file (byte-order mark) is
// read as the editor reads it; `labels export` never replaces a file without --force and writes
// whole or not at all; an import that drops labels says what went with them; `tags forget` on a
// photo with no tag says nothing was forgotten; `tags find` with no photo says so; a `--set`
// hint with spaces is quoted to paste; the validator counts labels from 1.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const COLOUR_SET = { name: 'colours', labels: ['red', 'green', 'blue'] };

async function setup() {
  const home = tempDir();
  const photos = tempDir('shoebox-labels-walk-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const dir = tempDir();
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const set = (name: string, value: unknown) => file(name, JSON.stringify(value));
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  return { photos, dir, file, set, run };
}

describe('label sets as a new user walks them at the CLI', () => {
  it('imports a file with a byte-order mark; counts labels from 1 in its refusals', async () => {
    const { file, run } = await setup();
    const bom = await run('labels', 'import', ...MODEL, file('bad13.json', `\uFEFF${JSON.stringify(COLOUR_SET)}`));
    expect([bom.code, bom.stderr, bom.stdout]).toEqual([0, '', 'imported colours (3 labels)\n']);
    const blank = await run('labels', 'import', ...MODEL, file('blank.json', JSON.stringify({ name: 'x', labels: ['red', '  ', 'blue'] })));
    expect([blank.code, blank.stderr]).toEqual([2, 'shoebox: label set blank.json: label 2 must not be empty\n']);
    const bar = await run('labels', 'import', ...MODEL, file('bar.json', JSON.stringify({ name: 'x', labels: ['a|b', 'blue'] })));
    expect(bar.stderr).toMatch(/^shoebox: label set bar\.json: label 1 must not contain "\|"/);
  });

  it('refuses to export over an existing file unless --force, and writes the set whole', async () => {
    const { dir, set, run } = await setup();
    expect((await run('labels', 'import', ...MODEL, set('colours.json', COLOUR_SET))).code).toBe(0);
    const keep = path.join(dir, 'keep.txt');
    fs.writeFileSync(keep, 'hello\n');
    const refused = await run('labels', 'export', ...MODEL, 'colours', keep);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([1, '', `shoebox: ${keep} exists: not replaced (--force replaces it)\n`]);
    expect(fs.readFileSync(keep, 'utf8')).toBe('hello\n');
    const forced = await run('labels', 'export', ...MODEL, '--force', 'colours', keep);
    expect([forced.code, forced.stdout]).toEqual([0, `wrote ${keep}\n`]);
    expect(JSON.parse(fs.readFileSync(keep, 'utf8'))).toMatchObject(COLOUR_SET);
    // No temporary file left beside it.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says what an import that drops labels takes with it, as labels remove says it', async () => {
    const { photos, set, run } = await setup();
    expect((await run('tag', ...MODEL, '--labels', set('colours.json', { name: 'colours', labels: ['red', 'green', 'blue', 'yellow'] }), photos)).code).toBe(0);
    expect((await run('tags', 'accept', ...MODEL, path.join(photos, 'green.jpg'), 'green')).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'greens', '--query', 'green', '--tag', 'green')).code).toBe(0);
    const fewer = await run('labels', 'import', ...MODEL, set('fewer.json', { name: 'colours', labels: ['red', 'blue', 'yellow'] }));
    expect(fewer.code, fewer.stderr).toBe(0);
    expect(fewer.stdout).toBe(
      'imported colours (3 labels)\n' +
        'dropped label green: 1 tag went with it; your 1 decision on it is kept and comes back if you import it again; 1 album filters by its labels and matches nothing until then: greens\n',
    );
    // Nothing dropped: nothing more said.
    expect((await run('labels', 'import', ...MODEL, set('fewer.json', { name: 'colours', labels: ['red', 'blue', 'yellow'] }))).stdout).toBe('imported colours (3 labels)\n');
  });

  it('says when forget forgot nothing and find found nothing; quotes a --set hint', async () => {
    const { photos, set, run } = await setup();
    const red = path.join(photos, 'red.jpg');
    expect((await run('tag', ...MODEL, '--labels', set('colours.json', { name: 'colours', labels: ['Red', 'green', 'blue', 'yellow', 'vert 🌿'] }), photos)).code).toBe(0);
    const forgot = await run('tags', 'forget', ...MODEL, path.join(photos, 'blue.jpg'), 'Red');
    expect([forgot.code, forgot.stdout]).toEqual([0, `${path.join(photos, 'blue.jpg')}: colours/Red had no decision to forget\n`]);
    // A rejection forgotten is said as that, not as a bare "auto" tag the photo does not show.
    expect((await run('tags', 'reject', ...MODEL, red, 'Red')).code).toBe(0);
    expect((await run('tags', 'forget', ...MODEL, red, 'Red')).stdout).toBe(`${red}: colours/Red rejection forgotten (the classifier decides again)\n`);
    const none = await run('tags', 'find', ...MODEL, 'vert 🌿');
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', 'shoebox: no photo is tagged vert 🌿\n']);
    expect((await run('tags', 'find', ...MODEL, '--json', 'vert 🌿')).stdout).toBe('[]\n');
    expect((await run('tag', ...MODEL, '--labels', set('rainbow.json', { name: '🌈 Rainbow', labels: ['red', 'violet'] }), photos)).code).toBe(0);
    const several = await run('tags', 'accept', ...MODEL, red, 'red');
    expect([several.code, several.stderr]).toEqual([2, "shoebox: the label \"red\" is in several sets (colours, 🌈 Rainbow): choose one with --set colours or --set '🌈 Rainbow'\n"]);
  });
});
