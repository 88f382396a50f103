// `shoebox status` said nothing of the archive while the app's status bar said "3 photos ·
// 1 archived" of the same library: the terminal gave the whole count and no word of what All
// photos leaves out. It says the count as the footer does (All photos, then how many are
// archived: the core's timelineSummary, the footer's own call), and --json gives `archived`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

describe('shoebox status and the archive', () => {
  it('says how many are archived, as the app footer says it, and nothing while none is', async () => {
    const home = tempDir();
    const library = tempDir('shoebox-library-');
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const run = async (...args: string[]) => shoebox(['--home', home, '--library', library, ...args]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);

    const before = await run('status');
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout.split('\n')[0]).toMatch(/^4 photos, 0 failed, 0 pending; model /);
    expect(JSON.parse((await run('status', '--json')).stdout)).toMatchObject({ photos: 4, archived: { total: 0 } });

    expect((await run('archive', 'add', path.join(photos, 'red.jpg'))).code).toBe(0);
    const after = await run('status');
    expect(after.code, after.stderr).toBe(0);
    // "3 photos · 1 archived": the app's footer for this library, word for word.
    expect(after.stdout.split('\n')[0]).toMatch(/^3 photos · 1 archived, 0 failed, 0 pending; model /);
    // The JSON's `photos` stays every file the library lists; `archived` says the archive apart.
    expect(JSON.parse((await run('status', '--json')).stdout)).toMatchObject({ photos: 4, archived: { total: 1, videos: 0 } });
  }, 120_000);
});
