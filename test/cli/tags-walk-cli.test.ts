// What a new user's walk through auto-tagging found, as the CLI shows it: a rejection that
// holds when its label is imported again in another case, tags of several sets named by
// set, repeats said ("was rejected already", "pinned ... already"), and empty lists and a
// device without a model answered in a line rather than with nothing or "no model".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

async function setup() {
  const home = tempDir();
  const photos = tempDir('shoebox-walk-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const dir = tempDir();
  const set = (file: string, value: unknown) => {
    fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
    return path.join(dir, file);
  };
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  return { photos, set, run };
}

describe('auto-tagging as a new user walks it', () => {
  it('keeps a rejection when the label comes back in another case', async () => {
    const { photos, set, run } = await setup();
    const red = path.join(photos, 'red.jpg');
    expect((await run('tag', ...MODEL, '--labels', set('colors.json', { name: 'colors', labels: ['red', 'green', 'blue', 'yellow'] }), photos)).code).toBe(0);
    expect((await run('tags', 'reject', ...MODEL, red, 'red')).stdout).toBe(`${red}: colors/red rejected\n`);
    // Twice: said, as favourites say "was a favourite already".
    expect((await run('tags', 'reject', ...MODEL, red, 'red')).stdout).toBe(`${red}: colors/red was rejected already\n`);
    expect((await run('labels', 'import', ...MODEL, set('colors2.json', { name: 'colors', labels: ['Red', 'green', 'blue', 'yellow'] }))).code).toBe(0);
    const tagged = await run('tag', ...MODEL, '--set', 'colors', photos);
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(tagged.stdout).not.toContain(red);
    // The untagged photo is counted, as `tags list` counts it, not a bare "path<TAB>" line.
    expect(tagged.stdout.split('\n').every((line) => !line.endsWith('\t'))).toBe(true);
    expect(tagged.stderr).toBe('shoebox: 1 photo with no tag of colors above its threshold not listed\n');
    const shown = (await run('show', ...MODEL, red)).stdout;
    expect(shown).not.toMatch(/^tags:/m);
    expect(shown).toMatch(/^rejected tags: Red$/m);
    expect((await run('tags', 'list', ...MODEL, photos)).stdout).not.toContain(red);
    expect((await run('tags', 'reject', ...MODEL, red, 'Red')).stdout).toBe(`${red}: colors/Red was rejected already\n`);
  });

  it('names the set of each tag when a photo has tags of several sets, and says how to choose one', async () => {
    const { photos, set, run } = await setup();
    const red = path.join(photos, 'red.jpg');
    expect((await run('tag', ...MODEL, '--labels', set('colors.json', { name: 'colors', labels: ['red', 'green', 'blue', 'yellow'] }), photos)).code).toBe(0);
    expect((await run('tag', ...MODEL, '--labels', set('warm.json', { name: 'warm', labels: ['red', 'orange'] }), photos)).code).toBe(0);
    const several = await run('tags', 'accept', ...MODEL, red, 'red');
    expect([several.code, several.stderr]).toEqual([2, 'shoebox: the label "red" is in several sets (colors, warm): choose one with --set colors or --set warm\n']);
    expect((await run('tags', 'accept', ...MODEL, '--set', 'warm', red, 'red')).code).toBe(0);
    expect((await run('tags', 'list', ...MODEL, photos)).stdout).toMatch(new RegExp(`^${red}\\tcolors/red \\(\\d\\.\\d\\d\\), warm/red \\(accepted\\)$`, 'm'));
    expect((await run('show', ...MODEL, red)).stdout).toMatch(/^tags: colors\/red \(\d\.\d\d\), warm\/red \(accepted\)$/m);
    // One set: labels alone, as before.
    expect((await run('tags', 'list', ...MODEL, '--set', 'colors', photos)).stdout).toMatch(new RegExp(`^${red}\\tred \\(\\d\\.\\d\\d\\)$`, 'm'));
  });

  it('says when a photo was pinned to the album already', async () => {
    const { photos, run } = await setup();
    const red = path.join(photos, 'red.jpg');
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'mine', red)).code).toBe(0);
    const again = await run('albums', 'pin', ...MODEL, 'mine', red);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`shoebox: ${red} was pinned to the album "mine" already; nothing changed\n`);
  });

  it('answers empty lists in a line, and reads without a model', async () => {
    const { photos, set, run } = await setup();
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect(await run('labels', 'list', ...MODEL)).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^shoebox: no label set in the library yet \(shoebox labels import FILE/) });
    expect(await run('tags', 'folders', ...MODEL)).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^shoebox: no folder is auto-tagged \(shoebox tag --labels FILE FOLDER/) });
    expect((await run('labels', 'list', ...MODEL, '--json')).stdout).toBe('[]\n');
    expect((await run('tag', ...MODEL, '--labels', set('colors.json', { name: 'colors', labels: ['red', 'green', 'blue', 'yellow'] }), photos)).code).toBe(0);
    // No --model-dir, nothing installed: reading commands still read.
    const sets = await run('labels', 'list');
    expect([sets.code, sets.stderr]).toEqual([0, '']);
    expect(sets.stdout).toMatch(/^colors\t4 labels/);
    const listed = await run('tags', 'list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(4);
  });
});
