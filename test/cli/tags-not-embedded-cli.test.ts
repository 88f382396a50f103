// `shoebox tags find` and `tags list` under a model that has embedded none of the photos yet:
// its automatic tags come with indexing, so only the user's decisions show, and the commands
// say why in search's words for such a model, instead of "no photo is tagged blue" or advice
// about thresholds. The CLI in this process (run-cli.ts), the tiny fixture model and its wider
// sibling (another model, nothing embedded with it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_WIDE_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const WIDE = ['--model-dir', fixtureModelDir(TINY_WIDE_IMMICH)];

describe('shoebox tags under a model that has not embedded the photos', () => {
  it('says the automatic tags wait for an index run', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const labels = path.join(tempDir(), 'colours.json');
    fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 }));
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('tag', ...MODEL, '--labels', labels, photos)).code).toBe(0);
    expect((await run('tags', 'find', ...MODEL, 'blue')).stderr).toBe('');

    const note = /^shoebox: no photos are embedded with model \S*tiny-wide-immich\S* yet, so none has its automatic tags: "shoebox index" embeds your folders \(and tags them\)\n$/;
    const find = await run('tags', 'find', ...WIDE, 'blue');
    expect([find.code, find.stdout]).toEqual([0, '']);
    expect(find.stderr).toMatch(note);
    const json = await run('tags', 'find', ...WIDE, '--json', 'blue');
    expect([json.code, json.stdout]).toEqual([0, '[]\n']);
    expect(json.stderr).toMatch(note);
    const list = await run('tags', 'list', ...WIDE, photos);
    expect([list.code, list.stdout]).toEqual([0, '']);
    expect(list.stderr).toMatch(note);

    // Back on the model that embedded them, nothing to say.
    expect((await run('tags', 'find', ...MODEL, 'blue')).stderr).toBe('');
  });
});
