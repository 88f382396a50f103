// Automatic tags belong to the weights that made them. Another model imported under an id
// used before gets tables of its own (store/model-tables.ts) and is indexed anew; its auto
// tags must then be its own: the auto-tagged folders are tagged again by the index run, as
// after a switch to another model, and the first weights' tags neither show nor keep it from
// tagging (a photo with an auto row counted as tagged). The user's decisions hold under every
// build, and the first weights find their tags again. The CLI in this process (run-cli.ts).
//
// The two tiny fixtures embed alike (both give each colour photo its colour), so the set gains
// a label between the builds: auto tags stand until tagged again, so the old weights' tags
// still say "red" and "yellow" for the orange photo where a classification by the new
// weights says "orange".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const ID = 'mine';
const ORANGE: [number, number, number] = [255, 128, 0];

describe('auto tags after another model is imported under an id used before', () => {
  it('are the new weights’ own after indexing; decisions stay, and the first weights find theirs again', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const name of ['red', 'green', 'blue', 'orange'] as const) await writeColourPhoto(photos, `${name}.jpg`, name === 'orange' ? ORANGE : COLOURS[name]!);
    const sets = tempDir();
    const labels = path.join(sets, 'colours.json');
    fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 }));
    const more = path.join(sets, 'colours-and-orange.json');
    fs.writeFileSync(more, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow', 'orange'], threshold: 0.3, margin: 0.05 }));
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    const ok = async (...args: string[]) => expect((await run(...args)).code, args.join(' ')).toBe(0);
    /** Each photo's tags as `tags list` shows them: "label" (auto) or "label (state)". */
    const shown = async (): Promise<Record<string, string[]>> => {
      const out = await run('tags', 'list', '--json', photos);
      expect(out.code).toBe(0);
      const list = JSON.parse(out.stdout) as { path: string; tags: { label: string; state: string }[] }[];
      return Object.fromEntries(list.map((p) => [path.basename(p.path), p.tags.map((t) => (t.state === 'auto' ? t.label : `${t.label} (${t.state})`)).sort()]));
    };

    // The first weights index and tag the folder (remembered as auto-tagged); the user accepts a tag.
    await ok('models', 'import', '--id', ID, fixtureModelDir(TINY_IMMICH));
    await ok('tag', '--labels', labels, photos);
    await ok('tags', 'accept', path.join(photos, 'blue.jpg'), 'blue');
    const first = { 'blue.jpg': ['blue (accepted)'], 'green.jpg': ['green'], 'orange.jpg': ['red', 'yellow'], 'red.jpg': ['red'] };
    expect(await shown()).toEqual(first);
    await ok('labels', 'import', more);
    expect(await shown()).toEqual(first); // tags stand until tagged again

    // Other weights under the same id: indexing embeds every photo and tags the folder with them.
    await ok('models', 'remove', ID);
    await ok('models', 'import', '--id', ID, fixtureModelDir(TINY_TRANSFORMERS));
    await ok('index', photos);
    expect(await shown()).toEqual({ 'blue.jpg': ['blue (accepted)'], 'green.jpg': ['green'], 'orange.jpg': ['orange'], 'red.jpg': ['red'] });

    // The first weights again: their tags as they were, the decision too.
    await ok('models', 'remove', ID);
    await ok('models', 'import', '--id', ID, fixtureModelDir(TINY_IMMICH));
    await ok('index', photos);
    expect(await shown()).toEqual(first);
  }, 300_000);
});
