// A photo without a date taken is dated by its file's time on the machine's clock in every
// command: `places PLACE` and `description find` list it newest first where `search
// --after/--before` and `--sort date` put it, not a few hours later on UTC's clock (the
// timeline's default for a front end that names no clock). The machine here is in New York,
// where 03:30 UTC is the evening before: the file-dated photo is older than one taken at 23:00.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const NEW_YORK = { TZ: 'America/New_York' };
const AREZZO = { lat: 43.4682, lon: 11.8802 };
let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-file-time-day-');
  // No date taken: its file's time, 22:30 on 7 December in New York (03:30 on the 8th in UTC).
  await writeExifColourPhoto(photos, 'file-dated.jpg', [220, 20, 20], { gps: AREZZO });
  const fileTime = new Date('2025-12-08T03:30:00Z');
  fs.utimesSync(path.join(photos, 'file-dated.jpg'), fileTime, fileTime);
  // Taken at 23:00 on 7 December on the camera's clock: half an hour after the file's time.
  await writeExifColourPhoto(photos, 'camera-dated.jpg', [200, 25, 40], { taken: '2025:12:07 23:00:00', gps: AREZZO });
  const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos], NEW_YORK);
  expect(index.code, index.stderr).toBe(0);
  const described = await shoebox(['--home', home, 'description', 'set', ...MODEL, 'an evening in Arezzo', path.join(photos, 'file-dated.jpg'), path.join(photos, 'camera-dated.jpg')], NEW_YORK);
  expect(described.code, described.stderr).toBe(0);
});

async function listed(args: string[]): Promise<string[]> {
  const res = await shoebox(['--home', home, args[0]!, ...(args[0] === 'description' ? [args[1]!] : []), ...MODEL, ...args.slice(args[0] === 'description' ? 2 : 1)], NEW_YORK);
  expect(res.code, res.stderr).toBe(0);
  return res.stdout.trim().split('\n').filter(Boolean).map((line) => path.basename(line.trim()));
}

describe('a file-dated photo on the machine\'s clock, in every command', () => {
  it('is on the day search --after/--before finds it, and places and description find list it where search --sort date does', async () => {
    const sameDay = await listed(['search', '--all', '--sort', 'date', '--after', '2025-12-07', '--before', '2025-12-08', 'red']);
    expect(sameDay).toEqual(['camera-dated.jpg', 'file-dated.jpg']);
    expect(await listed(['search', '--all', '--after', '2025-12-08', '--before', '2025-12-09', 'red'])).toEqual([]);
    expect(await listed(['places', 'Arezzo'])).toEqual(sameDay);
    expect(await listed(['description', 'find', 'evening arezzo'])).toEqual(sameDay);
  });

  it('on-this-day lists the camera-dated photo only: a file\'s time says when it was copied, not taken', async () => {
    expect(await listed(['on-this-day', '--date', '2026-12-07'])).toEqual(['2025 (1 year ago)', 'camera-dated.jpg']);
  });
});
