// `shoebox date set` and time zones, as a user runs it: a date typed without an offset keeps each
// photo's own (the viewer's editor and `date shift` do too), one typed with an offset sets it,
// and a photo set to its file's own date keeps no edit and is counted apart, not as changed.
// (The app's path, the same core: test/integration/taken-at-time-zones.test.ts.)
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;
const at = (name: string) => path.join(photos, name);

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-date-zones-');
  await writeExifColourPhoto(photos, 'tz_plus.jpg', [220, 20, 20], { taken: '2024:03:10 23:30:00', offset: '+09:00' });
  await writeExifColourPhoto(photos, 'tz_late.jpg', [20, 200, 30], { taken: '2024:03:10 20:00:00', offset: '-08:00' });
  await writeExifColourPhoto(photos, 'plain.jpg', [25, 30, 210], { taken: '2008:10:22 16:43:21' });
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

const date = (args: string[]) => runCli(['--home', home, 'date', args[0]!, ...MODEL, ...args.slice(1)]);
const show = async (name: string): Promise<{ takenAt: string | null; takenEdited: { fileTakenAt: string | null } | null }> => {
  const res = await runCli(['--home', home, 'show', ...MODEL, '--json', at(name)]);
  expect(res.code, res.stderr).toBe(0);
  const [{ takenAt, takenEdited }] = JSON.parse(res.stdout) as [{ takenAt: string | null; takenEdited: { fileTakenAt: string | null } | null }];
  return { takenAt, takenEdited };
};

describe('shoebox date set and time zones', () => {
  it("keeps each photo's own offset when the date has none", async () => {
    const res = await date(['set', '2020-01-01T12:00', at('tz_plus.jpg'), at('tz_late.jpg')]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe('set the date taken of 2 photos to 2020-01-01T12:00');
    expect(await show('tz_plus.jpg')).toEqual({ takenAt: '2020-01-01T12:00:00+09:00', takenEdited: { fileTakenAt: '2024-03-10T23:30:00+09:00' } });
    expect((await show('tz_late.jpg')).takenAt).toBe('2020-01-01T12:00:00-08:00');
  });

  it('sets the offset typed', async () => {
    const res = await date(['set', '2021-01-01T12:00+02:00', at('tz_plus.jpg')]);
    expect(res.code, res.stderr).toBe(0);
    expect((await show('tz_plus.jpg')).takenAt).toBe('2021-01-01T12:00:00+02:00');
  });

  it("a photo set to its file's own date keeps no edit, and is counted apart", async () => {
    const plain = await date(['set', '2008-10-22T16:43:21', '--json', at('plain.jpg')]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toEqual({ changed: [], unchanged: [at('plain.jpg')], missing: [] });
    expect(await show('plain.jpg')).toEqual({ takenAt: '2008-10-22T16:43:21', takenEdited: null });
    const both = await date(['set', '2008-10-22T16:43:21', at('plain.jpg'), at('tz_late.jpg')]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout.trim()).toBe('set the date taken of 1 photo to 2008-10-22T16:43:21 (1 photo already was)');
    expect((await show('tz_late.jpg')).takenAt).toBe('2008-10-22T16:43:21-08:00');
    // An edited photo put onto its file's date and offset forgets the edit, as a restore would.
    const res = await date(['set', '2024-03-10T23:30+09:00', at('tz_plus.jpg')]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe('set the date taken of 1 photo to 2024-03-10T23:30+09:00');
    expect(await show('tz_plus.jpg')).toEqual({ takenAt: '2024-03-10T23:30:00+09:00', takenEdited: null });
    expect((await date(['restore', at('tz_plus.jpg'), at('plain.jpg')])).stdout.trim()).toBe("2 photos have their files' own dates already");
  });
});
