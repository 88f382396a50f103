// `shoebox albums create NAME [PHOTO...]` without --query as a user runs it (run-cli.ts, tiny
// fixture model): a hand-picked album of the photos given, in that order; `show` and `list`
// say "hand-picked" instead of a query and a threshold; --threshold or a filter without a
// query is a one-line usage error; `exclude` unpins.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox albums: hand-picked', () => {
  it('creates a hand-picked album of the photos given, lists and shows it, unpins on exclude', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    const photo = (name: string) => path.join(photos, `${name}.jpg`);
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);

    const created = await run('albums', 'create', ...MODEL, 'Italy trip', photo('yellow'), photo('blue'));
    expect(created).toEqual({ code: 0, stdout: `Italy trip: hand-picked, 2 photos\n${photo('yellow')}\n${photo('blue')}\n`, stderr: '' });

    const list = await run('albums', 'list', ...MODEL);
    expect([list.code, list.stdout]).toEqual([0, 'Italy trip\t2 photos\thand-picked\n']);
    const listed = await run('albums', 'list', ...MODEL, '--json');
    expect(JSON.parse(listed.stdout)).toEqual([{ name: 'Italy trip', query: '', handPicked: true, filters: {}, pinned: 2, excluded: 0, members: 2 }]);

    // An empty one, then pinned one by one.
    expect((await run('albums', 'create', ...MODEL, 'empty')).stdout).toBe('empty: hand-picked, 0 photos\n');
    expect((await run('albums', 'pin', ...MODEL, 'empty', photo('green'))).stdout).toBe(`empty: hand-picked, 1 photo\n${photo('green')}\n`);

    // A photo given that the library does not hold, or a folder, is said; the album holds the others (exit 1).
    const partly = await run('albums', 'create', ...MODEL, 'partly', photo('red'), path.join(photos, 'gone.jpg'), photos, photo('green'));
    expect(partly).toEqual({
      code: 1,
      stdout: `partly: hand-picked, 2 photos\n${photo('red')}\n${photo('green')}\n`,
      stderr: `shoebox: not in the library: ${path.join(photos, 'gone.jpg')}\nshoebox: a folder, not a photo: ${photos} (shoebox list --folder ${photos} lists its photos)\n`,
    });

    // Excluding from a hand-picked album is unpinning.
    const excluded = await run('albums', 'exclude', ...MODEL, 'Italy trip', photo('yellow'));
    expect(excluded).toEqual({ code: 0, stdout: `Italy trip: hand-picked, 1 photo\n${photo('blue')}\n`, stderr: '' });
    const shown = JSON.parse((await run('albums', 'show', ...MODEL, '--json', 'Italy trip')).stdout) as Record<string, unknown>;
    expect(shown).toEqual({ name: 'Italy trip', query: '', handPicked: true, filters: {}, pinned: [photo('blue')], excluded: [], members: [{ path: photo('blue'), score: 0, pinned: true }] });

    // A threshold or a filter needs a query: one line, exit 2, nothing made.
    const threshold = await run('albums', 'create', ...MODEL, 'bad', '--threshold', '0.3');
    expect(threshold).toEqual({ code: 2, stdout: '', stderr: 'shoebox: --threshold needs --query: an album without a query is hand-picked (its photos are the ones pinned to it)\n' });
    const folder = await run('albums', 'create', ...MODEL, 'bad', '--folder', photos);
    expect([folder.code, folder.stderr]).toEqual([2, 'shoebox: --folder needs --query: an album without a query is hand-picked (its photos are the ones pinned to it)\n']);
    expect((await run('albums', 'show', ...MODEL, 'bad')).code).toBe(1);
    // A smart album's query cleared is refused: its matched photos would silently give way to its pins.
    expect((await run('albums', 'create', ...MODEL, 'reds', '--query', 'red')).code).toBe(0);
    const cleared = await run('albums', 'edit', ...MODEL, 'reds', '--query', ' ');
    expect(cleared).toEqual({ code: 2, stdout: '', stderr: 'shoebox: "reds" finds its photos by its query: it keeps one (an album of photos picked by hand is made new, without a query)\n' });
    expect(JSON.parse((await run('albums', 'show', ...MODEL, '--json', 'reds')).stdout)).toMatchObject({ query: 'red' });
    // Editing a hand-picked album's threshold is refused by the core, as a usage error.
    const edit = await run('albums', 'edit', ...MODEL, 'Italy trip', '--threshold', '0.3');
    expect([edit.code, edit.stderr]).toEqual([2, 'shoebox: a hand-picked album (no query) has no threshold: give a query, or leave the threshold out\n']);
  });
});
