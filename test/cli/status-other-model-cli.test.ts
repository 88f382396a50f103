// A device whose model in use is not the one the library's photos are embedded with (a shared
// library opened where another model is chosen): `shoebox status` and an empty search named
// only the model in use and sent the user to `shoebox index`, which embeds every photo again
// (holding the library's writer lease the while). They name the library's model, how to
// search with it, and that an index run here embeds them all again.
// The CLI in this process (run-cli.ts); the tiny fixture model imported under two ids.
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

describe('a model in use that has not embedded the library, another has', () => {
  it('status and an empty search name the library model and warn that index embeds them all again', async () => {
    const home = tempDir();
    const library = tempDir('shoebox-library-');
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const n = Object.keys(COLOURS).length;
    const run = async (...args: string[]) => shoebox(['--home', home, '--library', library, ...args]);
    // The family's model (the first imported is chosen) embeds the library.
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'family')).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);
    // This device's own model, chosen: it has embedded nothing.
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'mine')).code).toBe(0);
    expect((await run('models', 'use', 'mine')).code).toBe(0);

    const status = await run('status');
    expect(status.code).toBe(0);
    const lines = status.stdout.split('\n');
    expect(lines[0]).toMatch(/model mine on /);
    expect(lines[1]).toBe(`  the photos are embedded with family (${n}): shoebox models use family to search them (installed); "shoebox index" with mine would embed them all again`);

    const search = await run('search', 'dog');
    expect(search.stdout + search.stderr).toContain(`no photos are embedded with model mine yet; the photos are embedded with family (${n}): shoebox models use family to search them (installed); "shoebox index" with mine would embed them all again`);
    expect(search.stdout + search.stderr).not.toContain('embeds your folders');

    // Back on the family's model: nothing more is said.
    expect((await run('models', 'use', 'family')).code).toBe(0);
    expect((await run('status')).stdout).not.toContain('embedded with');
  }, 120_000);
});
