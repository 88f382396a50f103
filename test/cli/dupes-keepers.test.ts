// Which copy `shoebox dupes --trash --yes` keeps, on files made as a user makes them: a PNG
// export of a camera JPEG (ffmpeg: no EXIF, many more bytes; also once the user dated and
// placed it by hand), a copy with a tag written into it
// (exiftool: a few bytes more), a hard link of a photo. The camera's file, the original and the
// photo's own folder must be what stays on disk. Real files, the CLI in this process, a trash
// folder of our own (SHOEBOX_TRASH_DIR).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';
import { shoebox, type CliResult } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

async function run(home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return shoebox(['--home', home, ...args.slice(0, 1), ...MODEL, ...args.slice(1)], env);
}

const exiftool = (...args: string[]) => execFileSync('exiftool', ['-q', '-overwrite_original', ...args]);

/** Indexes `folders` one command each, runs `before` (hand edits), then `dupes --trash --yes` into a trash folder. */
async function trashDupes(folders: string[], before?: (home: string) => Promise<void>): Promise<CliResult & { trash: string }> {
  const home = tempDir();
  for (const folder of folders) {
    const indexed = await run(home, ['index', folder]);
    expect(indexed.code, indexed.stderr).toBe(0);
  }
  await before?.(home);
  const trash = tempDir('shoebox-keepers-trash-');
  const res = await run(home, ['dupes', '--trash', '--yes'], { SHOEBOX_TRASH_DIR: trash });
  expect(res.code, res.stderr).toBe(0);
  return { ...res, trash };
}

const trashed = (trash: string) => (fs.existsSync(path.join(trash, 'files')) ? fs.readdirSync(path.join(trash, 'files')).sort() : []);

describe('shoebox dupes --trash keeps the right copy', () => {
  it('keeps the camera JPEG (date taken, camera) over a larger PNG export of it without EXIF', async () => {
    const dir = tempDir('shoebox-keepers-png-');
    fs.mkdirSync(path.join(dir, 'cam'));
    const jpeg = path.join(dir, 'cam', 'IMG_1001.JPG');
    fs.writeFileSync(jpeg, await sceneJpeg(31, 640, 480));
    exiftool('-DateTimeOriginal=2024:05:01 10:00:00', '-Make=Canon', '-Model=Canon EOS 40D', jpeg);
    const png = path.join(dir, 'IMG_1001_export.png');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', jpeg, png]);
    expect(fs.statSync(png).size).toBeGreaterThan(fs.statSync(jpeg).size);

    const { stdout, trash } = await trashDupes([dir]);
    expect(stdout).toMatch(/ keep .*IMG_1001\.JPG/);
    expect(fs.existsSync(jpeg)).toBe(true);
    expect(fs.existsSync(png)).toBe(false);
    expect(trashed(trash)).toEqual(['IMG_1001_export.png']);
  }, 240_000);

  it('keeps the camera JPEG over a PNG export the user gave a date and a place by hand: EXIF counts what the camera wrote', async () => {
    // The PNG showed on the wrong day (no date taken), so the user set its Date… and Place…:
    // counted, those would tie it with the camera JPEG (date, camera; no GPS) and its size would win.
    const dir = tempDir('shoebox-keepers-png-edited-');
    fs.mkdirSync(path.join(dir, 'cam'));
    const jpeg = path.join(dir, 'cam', 'IMG_1001.JPG');
    fs.writeFileSync(jpeg, await sceneJpeg(34, 640, 480));
    exiftool('-DateTimeOriginal=2024:05:01 10:00:00', '-Make=Canon', '-Model=Canon EOS 40D', jpeg);
    const png = path.join(dir, 'IMG_1001_export.png');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', jpeg, png]);
    expect(fs.statSync(png).size).toBeGreaterThan(fs.statSync(jpeg).size);

    const { stdout, trash } = await trashDupes([dir], async (home) => {
      const sub = (args: string[]) => shoebox(['--home', home, ...args.slice(0, 2), ...MODEL, ...args.slice(2)]);
      const dated = await sub(['date', 'set', '2024-05-01T10:00', png]);
      expect(dated.code, dated.stderr).toBe(0);
      const placed = await sub(['place', 'set', '43.4633,11.8797', png]);
      expect(placed.code, placed.stderr).toBe(0);
      const shown = JSON.parse((await run(home, ['show', '--json', png])).stdout) as { takenAt: string | null; gps: unknown }[];
      expect(shown[0]!.takenAt).not.toBeNull();
      expect(shown[0]!.gps).not.toBeNull();
    });
    expect(stdout).toMatch(/ keep .*IMG_1001\.JPG/);
    expect(fs.existsSync(jpeg)).toBe(true);
    expect(fs.existsSync(png)).toBe(false);
    expect(trashed(trash)).toEqual(['IMG_1001_export.png']);
  }, 240_000);

  it('keeps the original over a copy a tag made a few bytes larger', async () => {
    const dir = tempDir('shoebox-keepers-tag-');
    fs.mkdirSync(path.join(dir, 'orig'));
    fs.mkdirSync(path.join(dir, 'edits'));
    const orig = path.join(dir, 'orig', 'robin.JPEG');
    fs.writeFileSync(orig, await sceneJpeg(32, 640, 480));
    exiftool('-DateTimeOriginal=2024:05:02 11:00:00', '-Make=Canon', '-Model=Canon EOS 40D', orig);
    const copy = path.join(dir, 'edits', 'robin copy.JPEG');
    execFileSync('cp', ['-p', orig, copy]);
    exiftool('-Artist=me', copy);
    const grown = fs.statSync(copy).size - fs.statSync(orig).size;
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThan(1024);

    const { trash } = await trashDupes([dir]);
    expect(fs.existsSync(orig)).toBe(true);
    expect(fs.existsSync(copy)).toBe(false);
    expect(trashed(trash)).toEqual(['robin copy.JPEG']);
  }, 240_000);

  it('moves no hard link of the kept photo: the same file, nothing freed; says why', async () => {
    const root = tempDir('shoebox-keepers-hard-');
    const orig = path.join(root, 'orig');
    const links = path.join(root, 'links');
    fs.mkdirSync(orig);
    fs.mkdirSync(links);
    const file = path.join(orig, '0004.jpg');
    fs.writeFileSync(file, await sceneJpeg(33, 320, 240));
    const hard = path.join(links, 'hard0004.jpg');
    fs.linkSync(file, hard);

    // Two library folders, each indexed on its own: each name is a photo of the library.
    const res = await trashDupes([orig, links]);
    expect(res.stdout).toMatch(/exact copies: 2 photos/);
    expect(res.stdout).toContain('same file as the kept one (a hard link): stays');
    expect(res.stderr).toMatch(/not trashing .*0004\.jpg: same file as the kept one \(a hard link\): stays/);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(hard)).toBe(true);
    expect(trashed(res.trash)).toEqual([]);
  }, 240_000);
});
