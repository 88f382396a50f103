// `shoebox places --far` as a user who mistyped a position runs it: the summary says "1 photo
// with a position far from any town", and --far lists that photo (and only it) so it can be
// set again; --json too. The same photos the app's Places note leads to (the core's timeline
// option farFromTowns, counted by the rule the summary uses).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

/** The model options go after the (sub)command: `place set --model-dir ...`. */
function shoebox(args: string[]): Promise<CliResult> {
  const words = args[0] === 'place' ? 2 : 1;
  return runCli(['--home', home, ...args.slice(0, words), ...MODEL, ...args.slice(words)]);
}

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-places-far-');
  await writeExifColourPhoto(photos, 'arezzo.jpg', [220, 20, 20], { gps: { lat: 43.4682, lon: 11.8802 } });
  await writeExifColourPhoto(photos, 'typo.jpg', [20, 200, 30]);
  await writeExifColourPhoto(photos, 'nowhere.jpg', [25, 30, 210]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
  const set = await shoebox(['place', 'set', '30, -40', path.join(photos, 'typo.jpg')]);
  expect(set.code, set.stderr).toBe(0);
}, 180_000);

describe('shoebox places --far', () => {
  it('lists the photos whose position is far from any town, and only them', async () => {
    expect((await shoebox(['places'])).stderr).toContain('1 photo with a position far from any town');
    const res = await shoebox(['places', '--far']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim().split('\n')).toEqual([path.join(photos, 'typo.jpg')]);
    const json = JSON.parse((await shoebox(['places', '--far', '--json'])).stdout) as { path: string }[];
    expect(json.map((p) => p.path)).toEqual([path.join(photos, 'typo.jpg')]);
  });

  it('says when there are none any more, and takes no place beside it', async () => {
    const set = await shoebox(['place', 'set', 'Arezzo, Italy', path.join(photos, 'typo.jpg')]);
    expect(set.code, set.stderr).toBe(0);
    const none = await shoebox(['places', '--far']);
    expect([none.code, none.stdout]).toEqual([0, '']);
    expect(none.stderr).toContain('no photo has a position far from any town');
    const both = await shoebox(['places', 'Italy', '--far']);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('--far');
  });
});
