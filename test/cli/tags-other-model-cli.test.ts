// `shoebox tags find` after switching to a model that has not embedded the photos yet: the
// user's decisions hold under every model (README, Auto-tagging), so a tag the user accepted
// is found as `tags list` shows it, while the first model's own suggestions wait for the new
// model to tag. The CLI in this process (run-cli.ts), the two tiny fixture models.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const FIRST = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const OTHER = ['--model-dir', fixtureModelDir(TINY_TRANSFORMERS)];

describe('shoebox tags find under another model', () => {
  it('finds the photos whose tag the user accepted, not the first model’s suggestions', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const labels = path.join(tempDir(), 'colours.json');
    fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 }));
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    const red = path.join(photos, 'red.jpg');
    const yellow = path.join(photos, 'yellow.jpg');

    // The first model indexes and tags; the user accepts "yellow" on the red photo.
    expect((await run('tag', ...FIRST, '--labels', labels, photos)).code).toBe(0);
    expect((await run('tags', 'accept', ...FIRST, red, 'yellow')).code).toBe(0);
    expect(await run('tags', 'find', ...FIRST, 'yellow')).toEqual({ code: 0, stdout: `${red}\n${yellow}\n`, stderr: '' });

    // The other model, nothing embedded with it: the decision is found as `tags list` shows it,
    // and why the first model's suggestions are not is said (auto-tags-wait.ts).
    const waiting = expect.stringMatching(/^shoebox: no photos are embedded with model \S+ yet, so none has its automatic tags: .*shoebox index.*\n$/);
    expect((await run('tags', 'list', ...OTHER, photos)).stdout).toBe(`${red}\tyellow (accepted)\n`);
    expect(await run('tags', 'find', ...OTHER, 'yellow')).toEqual({ code: 0, stdout: `${red}\n`, stderr: waiting });
    expect(await run('tags', 'find', ...OTHER, '--json', '--set', 'colours', 'Yellow')).toEqual({ code: 0, stdout: `${JSON.stringify([red])}\n`, stderr: waiting });
    expect(await run('tags', 'find', ...OTHER, 'red')).toEqual({ code: 0, stdout: '', stderr: waiting });

    // Back on the first model, its suggestions are there again.
    expect(await run('tags', 'find', ...FIRST, 'yellow')).toEqual({ code: 0, stdout: `${red}\n${yellow}\n`, stderr: '' });
  });
});
