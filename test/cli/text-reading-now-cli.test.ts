// While `shoebox index` (or watch, or the app) reads the text in photos, a text search that
// finds nothing and `shoebox status` said "153 of 217 photos not read yet ("shoebox index"
// reads them)" and "done by the next "shoebox index"": telling the user to run what was
// running. With the library's writer lock held by a command that reads text, they say the
// text is being read now, and how much is left; held by one that does not (a rotate), they
// keep saying what reads it. The writer is this test's own lock, taken as those commands take it.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { acquireLibraryWriter, type LibraryWriter } from '../../src/core/library/writer-lock';

let home: string;
let writer: LibraryWriter | null = null;

const run = (...args: string[]): Promise<CliResult> => runCli(['--home', home, ...args]);

/** Holds the library's writer lock as `command` does while it runs. */
async function writing(command: string): Promise<void> {
  writer = await acquireLibraryWriter({ home, library: path.join(home, 'library'), libraryUri: path.join(home, 'library'), command });
}

describe('what is said of the text left to read while it is being read', () => {
  beforeAll(async () => {
    home = tempDir();
    const photos = tempDir('shoebox-reading-now-');
    for (const name of ['red', 'green']) await writeColourPhoto(photos, `${name}.jpg`, COLOURS[name]!);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);
    // On, and not read yet: the next index run would read them.
    expect((await run('settings', 'text-in-photos', 'on')).code).toBe(0);
  }, 120_000);

  afterEach(async () => {
    await writer?.release();
    writer = null;
  });

  it('says the text is being read now while an index run holds the library', async () => {
    await writing('shoebox index');
    const search = await run('search', '--text', 'open 24 hours');
    expect([search.code, search.stdout]).toEqual([0, '']);
    expect(search.stderr).toBe("shoebox: no photo's text holds these words; the photos' text is being read now (2 of 2 left)\n");
    const status = await run('status');
    expect(status.stdout).toMatch(/^ {2}text-in-photos: on; being read now \(2 of 2 photos left, (a few seconds|under a minute|about \d+ min): [\d.]+ s per photo, (estimated|measured here)\)$/m);
    expect(status.stdout).not.toMatch(/shoebox index/);
    expect(JSON.parse((await run('settings', '--json')).stdout)).toMatchObject({ textInPhotos: { on: true, left: 2, readingNow: true } });
  });

  it('says what reads it while a command that reads no text holds the library, or none does', async () => {
    for (const command of ['shoebox rotate', null]) {
      if (command) await writing(command);
      const search = await run('search', '--text', 'open 24 hours');
      expect(search.stderr, String(command)).toBe('shoebox: no photo\'s text holds these words; 2 of 2 photos not read yet ("shoebox index" reads them)\n');
      expect((await run('status')).stdout, String(command)).toMatch(/text-in-photos: on; 2 of 2 photos still to read \(.*\), done by the next "shoebox index"/);
      expect(JSON.parse((await run('settings', '--json')).stdout).textInPhotos.readingNow, String(command)).toBeUndefined();
      await writer?.release();
      writer = null;
    }
  });
});
