// `shoebox on-this-day`'s exit codes: only a --date that is not a day is a usage error (exit 2);
// a library that cannot be read fails as every command does on it (exit 1, its own line),
// never said to be a bad --date.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { photosTableName } from '../../src/core/store';
import { damageTable, dataFiles } from '../unit/store/damage';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;

beforeAll(async () => {
  home = tempDir();
  const photos = tempDir('shoebox-cli-on-this-day-errors-');
  await writeExifColourPhoto(photos, 'old.jpg', [220, 20, 20], { taken: '2016:07:14 10:00:00' });
  const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

describe('shoebox on-this-day', () => {
  it('refuses a --date that is not a day as a usage error, before reading the library', async () => {
    for (const date of ['2026-02-30', '2026-7-14', 'tomorrow', '0099-07-14']) {
      const bad = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', date]);
      expect(bad, date).toEqual({ code: 2, stdout: '', stderr: `shoebox: --date must be a date as YYYY-MM-DD, got "${date}"\n` });
    }
  });

  it('fails a damaged library with exit 1 and its own line, not as a bad --date', async () => {
    const table = photosTableName(TINY_IMMICH);
    const library = path.join(home, 'library');
    damageTable(library, table, 'deleted fragment', [], true);
    expect(dataFiles(library, table)).toEqual([]);
    const res = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', '2026-07-14']);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr).not.toContain('--date');
    expect(res.stderr).toMatch(/^shoebox: /);
  });
});
