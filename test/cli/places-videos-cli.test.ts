// Places, place set and search as a user of photos and videos runs them: a video is counted as
// one ("1 photo, 1 video in 1 town"), a hand-typed 0,0 is refused as EXIF's 0,0 is read (the
// cameras' "no fix"), a typed position is printed once, a search whose words name a place says
// where those photos are, and `similar` on a video that failed to index says so, as `show` does.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { systemFfmpeg, truncateCopy, writeColourVideo } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const env = () => ({ SHOEBOX_FFMPEG: systemFfmpeg().path });
let home: string;
let dir: string;
/** The model options go after the (sub)command: `place set --model-dir ...`. */
const run = (args: string[]) => {
  const words = args[0] === 'place' ? 2 : 1;
  return runCli(['--home', home, ...args.slice(0, words), ...MODEL, ...args.slice(words)], env());
};

beforeAll(async () => {
  home = tempDir();
  dir = tempDir('shoebox-cli-places-videos-');
  await writeExifColourPhoto(dir, 'arezzo.jpg', [220, 20, 20], { gps: { lat: 43.4682, lon: 11.8802 } });
  await writeExifColourPhoto(dir, 'scan.jpg', [20, 25, 140]);
  const clip = writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'yellow', seconds: 1 }]);
  truncateCopy(clip, path.join(dir, 'trunc.mp4'), 0.3);
  const index = await run(['index', dir]);
  expect(index.stderr).toContain("trunc.mp4"); // trunc.mp4 could not be indexed
  const set = await run(['place', 'set', 'Arezzo, Italy', path.join(dir, 'clip.mp4')]);
  expect(set.code, set.stderr).toBe(0);
}, 180_000);

describe('places with videos', () => {
  it('says videos apart from photos in the summary and the JSON', async () => {
    const res = await run(['places']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr.trim()).toBe("1 photo, 1 video in 1 town, 1 country; 1 photo without a place ('shoebox place set' gives one)");
    const json = JSON.parse((await run(['places', '--json'])).stdout) as { located: number; locatedVideos: number };
    expect([json.located, json.locatedVideos]).toEqual([2, 1]);
  });

  it('says each country\'s and town\'s videos as the app does, in the table and in --json', async () => {
    const res = await run(['places']);
    expect(res.stdout.trim().split('\n')).toEqual(['Italy\t1 photo, 1 video', '  Arezzo\t1 photo, 1 video']);
    const json = JSON.parse((await run(['places', '--json'])).stdout) as { countries: unknown[] };
    expect(json.countries).toEqual([{ country: 'Italy', countryCode: 'IT', count: 2, videos: 1, towns: [{ city: 'Arezzo', place: 'Arezzo, Italy', count: 2, videos: 1 }] }]);
  });

  it('refuses a hand-typed 0,0 (the cameras\' "no fix", read as no position) and prints a typed position once', async () => {
    const zero = await run(['place', 'set', '0,0', path.join(dir, 'scan.jpg')]);
    expect(zero.code).not.toBe(0);
    expect(zero.stderr).toContain('0, 0 is the position cameras write without a GPS fix');
    const far = await run(['place', 'set', '30, -40', path.join(dir, 'scan.jpg')]);
    expect(far.code, far.stderr).toBe(0);
    expect(far.stdout.trim()).toBe('set the place of 1 photo to 30.00000, -40.00000');
    const places = await run(['places']);
    expect(places.stderr.trim()).toBe('1 photo, 1 video in 1 town, 1 country; 1 photo with a position far from any town');
  });

  it('offers the photos taken in a place a search names, when none scores above the cut-off', async () => {
    const res = await run(['search', 'italy']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('shoebox: 1 photo, 1 video were taken in Italy: shoebox places Italy');
  });

  it("says a video that failed to index could not be indexed, as `show` says it, not 'index its folder first'", async () => {
    const trunc = fs.realpathSync(path.join(dir, 'trunc.mp4'));
    const res = await run(['similar', trunc]);
    expect(res.stderr).not.toContain('index its folder first');
    expect(res.stderr).toContain(`${trunc}: not in the library, it could not be indexed:`);
    expect(res.code).toBe(1);
  });
});
