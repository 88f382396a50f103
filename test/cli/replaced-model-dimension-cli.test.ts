// A model of another dimension put in place of one under the same id, before anything is
// indexed with it: the library's vectors are the old model's, and the commands that only read
// (status, search, albums show) must say what a model with no embeddings gets, never read or
// fail on the old vectors, and never call a good album broken with advice to edit or remove it.
// The CLI in this process (run-cli.ts) on a temp home, with the tiny 4-d fixture model and the
// 8-d wide variant of it (same colours, four zero axes).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_WIDE_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const NOTHING_EMBEDDED = 'shoebox: no photos are embedded with model mine yet: "shoebox index" embeds your folders\n';

/** `fixture` copied into a folder named `mine` (a folder without a manifest: its weights unknown). */
function plainFolder(fixture: string): string {
  const dir = path.join(tempDir('shoebox-model-'), 'mine');
  fs.cpSync(fixtureModelDir(fixture), dir, { recursive: true });
  return dir;
}

/** Four colour photos indexed with the 4-d model as `mine` from a plain folder (no fingerprint recorded, as before fingerprints), and a smart album. */
async function libraryOfTheOldModel() {
  const home = tempDir();
  const photos = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  const old = ['--model-dir', plainFolder(TINY_IMMICH)];
  expect((await run('index', ...old, photos)).code).toBe(0);
  expect((await run('albums', 'create', ...old, 'Reddish', '--query', 'red')).code).toBe(0);
  return { run, photos, home };
}

describe('a model of another dimension imported under an id used before, not indexed yet', () => {
  it('is told apart by the reading commands: every photo pending, nothing embedded, the album not broken', async () => {
    const { run, photos } = await libraryOfTheOldModel();
    expect((await run('models', 'import', plainFolder(TINY_WIDE_IMMICH))).code).toBe(0);
    expect((await run('models', 'use', 'mine')).code).toBe(0);

    expect((await run('status')).stdout).toContain('4 photos, 0 failed, 4 pending; model mine');
    const found = await run('search', 'red');
    expect([found.stdout, found.stderr]).toEqual(['', NOTHING_EMBEDDED]);
    const album = await run('albums', 'show', 'Reddish');
    expect(album.stderr).toBe(NOTHING_EMBEDDED);
    expect(album.stdout).toContain('0 photos');
    // Nothing ranked with the old model's vectors.
    const like = await run('similar', path.join(photos, 'red.jpg'));
    expect([like.stdout, like.stderr]).toEqual(['', NOTHING_EMBEDDED]);
  }, 240_000);

  it("says the same where the folder's weights are unknown (no manifest), never the vectors' sizes", async () => {
    const { run, home } = await libraryOfTheOldModel();
    const other = ['--model-dir', plainFolder(TINY_WIDE_IMMICH)];
    // The old model's calibration (the album's) is read as this one's: the search then meets the old vectors.
    const found = await run('search', ...other, 'red');
    expect(found.stderr).not.toMatch(/dimension|NaN/);
    expect(found.stderr).toContain(NOTHING_EMBEDDED);
    // None: calibrating this model's captions against the old vectors must not make a cut-off of NaN.
    fs.rmSync(path.join(home, 'calibration'), { recursive: true, force: true });
    const calibrating = await run('search', ...other, 'red');
    expect(calibrating.stderr).not.toMatch(/dimension|NaN/);
    expect(calibrating.stderr).toContain(NOTHING_EMBEDDED);
    const album = await run('albums', 'show', ...other, 'Reddish');
    expect(album.stderr).toBe(NOTHING_EMBEDDED);
    expect(album.stdout).toContain('Reddish: "red", threshold automatic, 0 photos');
  }, 240_000);
});
