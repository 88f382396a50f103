// A smart album read under a model that has not embedded the photos yet: its query's matches
// wait for `shoebox index`, but the photos pinned to it by hand need no embedding and stay in
// it (they are the user's handwork, whatever the model). The CLI in this process (run-cli.ts),
// the tiny fixture model and its wider sibling (another model, nothing embedded with it).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS, TINY_WIDE_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

// A model of another size (its own tables, empty), and one of the same size under the same
// tables key as the first's (its query meets the other model's vectors: NotEmbeddedError).
const OTHERS = [TINY_WIDE_IMMICH, TINY_TRANSFORMERS];

describe('shoebox albums under a model that has not embedded the photos', () => {
  it.each(OTHERS)('keeps the pinned photos in the album, and says its matches wait for an index run (%s)', async (other) => {
    const WIDE = ['--model-dir', fixtureModelDir(other)];
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    const blue = path.join(photos, 'blue.jpg');
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'reds', '--query', 'red', '--threshold', '0.5')).code).toBe(0);
    expect((await run('albums', 'pin', ...MODEL, 'reds', blue)).code).toBe(0);

    const show = await run('albums', 'show', ...WIDE, 'reds');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^reds: "red", threshold 0\.500, 1 photo\n/);
    expect(show.stdout).toContain(`${blue}\t(pinned)`);
    expect(show.stderr).toMatch(/no photos are embedded with model .* yet/);
    const listed = JSON.parse((await run('albums', 'list', ...WIDE, '--json')).stdout) as { name: string; members: number }[];
    expect(listed.find((a) => a.name === 'reds')?.members).toBe(1);
    const json = JSON.parse((await run('albums', 'show', ...WIDE, '--json', 'reds')).stdout) as { members: { path: string; pinned: boolean }[] };
    expect(json.members.map((m) => [m.path, m.pinned])).toEqual([[blue, true]]);
  });
});
