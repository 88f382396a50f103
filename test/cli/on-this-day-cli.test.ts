// `shoebox on-this-day` as a user runs it: earlier years' photos of a day, grouped by year.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-on-this-day-');
  await writeExifColourPhoto(photos, 'old.jpg', [220, 20, 20], { taken: '2016:07:14 10:00:00' });
  await writeExifColourPhoto(photos, 'newer.jpg', [20, 200, 30], { taken: '2025:07:14 18:00:00' });
  await writeExifColourPhoto(photos, 'other.jpg', [25, 30, 210], { taken: '2025:07:15 10:00:00' });
  const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

describe('shoebox on-this-day', () => {
  it('groups the day\'s photos by year, newest first', async () => {
    const res = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', '2026-07-14']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(`2025 (1 year ago)\n  ${path.join(photos, 'newer.jpg')}\n2016 (10 years ago)\n  ${path.join(photos, 'old.jpg')}\n`);
    const json = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', '2026-07-15', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([{ path: path.join(photos, 'other.jpg'), takenAt: '2025-07-15T10:00:00' }]);
  });

  it('says so when the day has none, and refuses a date that is none', async () => {
    const none = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', '2026-01-01']);
    expect(none.code).toBe(0);
    expect(none.stderr.trim()).toBe('shoebox: no photo was taken on January 1 in an earlier year');
    // --json: stdout stays the one document, and stderr says why it is empty, as the text form does.
    const noneJson = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', '2024-02-29', '--json']);
    expect(noneJson).toEqual({ code: 0, stdout: '[]\n', stderr: 'shoebox: no photo was taken on February 29 in an earlier year\n' });
    // Every photo of the day archived: how many, and where they are (the app says the same).
    expect((await shoebox(['--home', home, 'archive', 'add', ...MODEL, path.join(photos, 'other.jpg')])).code).toBe(0);
    const archived = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', '2026-07-15']);
    expect(archived).toEqual({ code: 0, stdout: '', stderr: 'shoebox: no photo from July 15 in an earlier year outside the archive (1 archived: shoebox archive list lists the archive, shoebox archive remove PHOTO brings one back)\n' });
    expect((await shoebox(['--home', home, 'archive', 'remove', ...MODEL, path.join(photos, 'other.jpg')])).code).toBe(0);
    const bad = await shoebox(['--home', home, 'on-this-day', ...MODEL, '--date', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('shoebox: --date must be a date as YYYY-MM-DD, got "2026-02-30"');
  });
});
