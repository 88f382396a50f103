// `shoebox copy-library` never writes a library inside another one (issue E11 item 2): a target
// under a folder or S3 prefix that holds a library (or a copy still being made) is refused in
// one line, with nothing written, as a target holding one is; otherwise every later copy of the
// outer library would carry the inner one along (backup/thumbs/zz/…).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox, type CliResult } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Objects, s3Prefix } from '../helpers/s3-gateway';

const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH), '--provider', 'cpu'];

const run = (home: string, args: string[]): Promise<CliResult> => shoebox(['--home', home, ...args, ...MODEL], s3 ? awsEnv(s3) : {});

let home: string;
beforeAll(async () => {
  home = tempDir('shoebox-copy-inside-home-');
  const photos = tempDir('shoebox-copy-inside-photos-');
  await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
  expect((await run(home, ['index', photos])).code).toBe(0);
}, 120_000);

function expectRefused(res: CliResult, outer: string): void {
  expect(res.code, res.stderr).toBe(2);
  expect(res.stderr.trim().split('\n')).toHaveLength(1);
  expect(res.stderr.trim().endsWith(` lies inside the library ${outer}: a copy never writes into another library; choose a place outside it`), res.stderr).toBe(true);
}

describe('copy-library into a place inside another library', () => {
  it('refuses a folder inside a local library, its table folders included', { timeout: 120_000 }, async () => {
    const backup = path.join(tempDir('shoebox-copy-inside-backup-'), 'family');
    expect((await run(home, ['copy-library', backup])).code).toBe(0);
    const table = fs.readdirSync(backup).find((n) => n.startsWith('photos') && n.endsWith('.lance'))!;
    for (const inside of [path.join(backup, table, 'x'), path.join(backup, 'sub'), path.join(backup, 'thumbs', 'zz')]) {
      expectRefused(await run(home, ['copy-library', inside]), fs.realpathSync(backup));
      expect(fs.existsSync(inside), inside).toBe(false);
    }
  });

  describe.skipIf(!s3)('on S3', () => {
    it('refuses a prefix under an S3 library', { timeout: 120_000 }, async () => {
      const prefix = s3Prefix('copy-inside');
      const family = s3LibraryUri(s3!, prefix);
      expect((await run(home, ['copy-library', family])).code).toBe(0);
      const before = (await s3Objects(s3!, prefix)).size;
      for (const inside of [`${family}/thumbs/zz`, `${family}/sub`]) expectRefused(await run(home, ['copy-library', inside]), family);
      expect((await s3Objects(s3!, prefix)).size).toBe(before);
    });
  });
});
