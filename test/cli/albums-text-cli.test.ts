// What `shoebox albums` says in text, as a new user reads it: counts agree with their number
// ("1 photo"), and creating an album under a name taken says how to replace it. The CLI in
// this process (run-cli.ts) on four colour photos and the tiny fixture model.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

async function setup() {
  const home = tempDir();
  const photos = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
  return { photos, run };
}

describe('shoebox albums text', () => {
  it('counts one photo as "1 photo" in create, show, list and rename', async () => {
    const { photos, run } = await setup();
    const red = path.join(photos, 'red.jpg');
    const created = await run('albums', 'create', ...MODEL, 'reds', '--query', 'red', '--threshold', '0.8');
    expect([created.code, created.stderr, created.stdout.split('\n')[0], created.stdout.split('\n')[1]?.split('\t')[1]]).toEqual([0, '', 'reds: "red", threshold 0.800, 1 photo', red]);
    expect((await run('albums', 'show', ...MODEL, 'reds')).stdout.split('\n')[0]).toBe('reds: "red", threshold 0.800, 1 photo');
    expect(await run('albums', 'list', ...MODEL)).toEqual({ code: 0, stdout: 'reds\t1 photo\t"red"\tthreshold 0.800\n', stderr: '' });
    expect((await run('albums', 'rename', ...MODEL, 'reds', 'warm')).stdout).toBe('renamed album "reds" to "warm": 1 photo, 0 pinned, 0 excluded\n');
    // Two are still "photos".
    expect((await run('albums', 'pin', ...MODEL, 'warm', path.join(photos, 'blue.jpg'))).stdout.split('\n')[0]).toBe('warm: "red", threshold 0.800, 2 photos');
  });

  it('refuses a name taken, naming --replace, which then replaces it, pins kept', async () => {
    const { photos, run } = await setup();
    const blue = path.join(photos, 'blue.jpg');
    expect((await run('albums', 'create', ...MODEL, 'reds', '--query', 'red', '--threshold', '0.8')).code).toBe(0);
    expect((await run('albums', 'pin', ...MODEL, 'reds', blue)).code).toBe(0);
    const taken = await run('albums', 'create', ...MODEL, 'reds', '--query', 'blue');
    expect(taken).toEqual({ code: 1, stdout: '', stderr: 'shoebox: an album named "reds" already exists: --replace replaces it (its pins and exclusions stay), or choose another name\n' });
    expect((await run('albums', 'show', ...MODEL, 'reds')).stdout.split('\n')[0]).toBe('reds: "red", threshold 0.800, 2 photos');
    const replaced = await run('albums', 'create', ...MODEL, '--json', 'reds', '--query', 'blue', '--replace');
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ name: 'reds', query: 'blue', thresholdAutomatic: true, pinned: [blue] });
  });
});
