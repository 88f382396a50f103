// A different model imported under an id used before must not be handed the first one's
// embeddings: status counts every photo pending, search waits for the index run, and the run
// embeds them all again with the new weights. The two tiny fixture models (both 4-dimensional,
// so nothing but the weights tells their vectors apart); the CLI in this process (run-cli.ts).
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

describe('shoebox with another model imported under a removed model\'s id', () => {
  it('embeds every photo again rather than searching the old vectors', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const n = Object.keys(COLOURS).length;
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);

    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'mine')).code).toBe(0);
    expect(JSON.parse((await run('index', '--json', photos)).stdout)).toMatchObject({ embedded: n });
    expect((await run('models', 'remove', 'mine')).code).toBe(0);
    expect((await run('models', 'import', fixtureModelDir(TINY_TRANSFORMERS), '--id', 'mine')).code).toBe(0);

    expect(JSON.parse((await run('status', '--json')).stdout)).toMatchObject({ photos: n, pending: n, model: 'mine' });
    const early = await run('search', 'red');
    expect(early.stderr).toMatch(/no photos are embedded with model mine yet: "shoebox index" embeds your folders/);
    expect(early.stdout).toBe('');

    expect(JSON.parse((await run('index', '--json')).stdout)).toMatchObject({ embedded: n, unchanged: 0 });
    expect(JSON.parse((await run('status', '--json')).stdout)).toMatchObject({ photos: n, pending: 0 });
    const search = await run('search', 'red', '--all');
    expect(search.code).toBe(0);
    expect(search.stdout.trim().split('\n')).toHaveLength(n);
  });
});
