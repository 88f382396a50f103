// `shoebox search` and `shoebox similar` as a user runs them: the query language, filters,
// pagination, the relevance cut-off, and usage errors (exit 2, one line on stderr).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;
let userHome: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-search-');
  fs.mkdirSync(path.join(photos, 'trip'));
  await writeExifColourPhoto(photos, 'red.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00', make: 'Canon', model: 'Canon EOS R5', gps: { lat: 48.85, lon: 2.35 } });
  await writeExifColourPhoto(path.join(photos, 'trip'), 'red2.jpg', [200, 30, 40], { taken: '2022:03:01 08:00:00', make: 'NIKON CORPORATION', model: 'NIKON Z 6' });
  await writeExifColourPhoto(photos, 'green.jpg', [20, 200, 30], { taken: '2020:01:01 12:00:00', make: 'Apple', model: 'iPhone 12', gps: { lat: -33.9, lon: 151.2 } });
  await writeExifColourPhoto(photos, 'blue.jpg', [25, 30, 210]);
  await writeExifColourPhoto(photos, 'yellow.jpg', [230, 220, 20], { taken: '2023:05:05 18:30:00', make: 'Canon', model: 'EOS 80D' });
  await writeExifColourPhoto(path.join(photos, 'trip'), 'magenta.jpg', [210, 30, 200], { taken: '2021:12:31 23:59:00', make: 'NIKON CORPORATION', model: 'NIKON D750', gps: { lat: 51.5, lon: -0.12 } });
  userHome = tempDir('shoebox-user-');
  await writeExifColourPhoto(userHome, 'query.png', [30, 40, 200]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

function shoebox(args: string[]): Promise<CliResult> {
  return runCli(['--home', home, ...args], { HOME: userHome });
}

async function hits(args: string[]): Promise<{ path: string; score: number }[]> {
  const res = await shoebox([args[0]!, ...MODEL, '--json', ...args.slice(1)]);
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout.trim().split('\n')).toHaveLength(1); // exactly one JSON document
  return JSON.parse(res.stdout);
}
const names = (list: { path: string }[]) => list.map((h) => path.basename(h.path));

async function usageError(args: string[], message: RegExp): Promise<void> {
  const res = await shoebox([args[0]!, ...MODEL, ...args.slice(1)]);
  expect(res.code, res.stderr).toBe(2);
  expect(res.stdout).toBe('');
  const lines = res.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^shoebox: /);
  expect(lines[0]).toMatch(message);
}

describe('shoebox search', () => {
  it('prints [{path, score}] best first with absolute paths, cut off at the relevant photos', async () => {
    const red = await hits(['search', 'red']);
    expect(red.map((h) => h.path)).toEqual([path.join(photos, 'red.jpg'), path.join(photos, 'trip', 'red2.jpg')]);
    expect(Object.keys(red[0]!).sort()).toEqual(['path', 'score']);
    expect(red[0]!.score).toBeGreaterThan(red[1]!.score);
    const all = await hits(['search', '--all', 'red']);
    expect(names(all)).toHaveLength(6);
    expect(names(all).slice(-2).sort()).toEqual(['blue.jpg', 'green.jpg']);
  });

  it('combines terms: red + blue, red - blue, 2:red + green, only negatives', async () => {
    expect(names(await hits(['search', 'red', '+', 'blue']))).toEqual(['magenta.jpg']);
    const minus = names(await hits(['search', 'red - blue']));
    expect(minus).toEqual(expect.arrayContaining(['red.jpg', 'red2.jpg']));
    expect(minus).not.toContain('blue.jpg');
    const weighted = names(await hits(['search', '--all', '2:red + green']));
    expect(weighted.indexOf('red.jpg')).toBeLessThan(weighted.indexOf('green.jpg'));
    const negative = names(await hits(['search', '--all', '--', '-blue']));
    expect(negative.at(-1)).toBe('blue.jpg');
  });

  it('takes image terms: quoted weights, ~ paths, files outside the library', async () => {
    expect(names(await hits(['search', '~/query.png']))[0]).toBe('blue.jpg');
    expect(names(await hits(['search', '"1:red" + ~/query.png']))[0]).toBe('magenta.jpg');
  });

  it('similar ranks the whole library nearest first, like "More like this" in the app (no cut-off; --all accepted)', async () => {
    const near = names(await hits(['similar', path.join(photos, 'red.jpg')]));
    expect(near).toHaveLength(6);
    expect(near.slice(0, 2)).toEqual(['red.jpg', 'red2.jpg']);
    expect(names(await hits(['similar', '--all', path.join(photos, 'red.jpg')]))).toEqual(near);
  });

  it('filters: dates, folder, camera, GPS; combined with ranking and paging', async () => {
    expect(names(await hits(['search', '--all', '--after', '2021', '--before', '2022', 'red']))).toEqual(['red.jpg', 'magenta.jpg']);
    expect(names(await hits(['search', '--all', '--camera', 'CANON', 'yellow']))).toEqual(['yellow.jpg', 'red.jpg']);
    expect(names(await hits(['search', '--all', '--has-gps', '--folder', path.join(photos, 'trip'), 'red']))).toEqual(['magenta.jpg']);
    expect(names(await hits(['similar', '--folder', path.join(photos, 'trip'), path.join(photos, 'red.jpg')]))).toEqual(['red2.jpg', 'magenta.jpg']);
    const page1 = names(await hits(['search', '--all', '--limit', '2', 'yellow']));
    const page2 = names(await hits(['search', '--all', '--limit', '2', '--offset', '2', 'yellow']));
    const whole = names(await hits(['search', '--all', '--limit', '4', 'yellow']));
    expect([...page1, ...page2]).toEqual(whole);
  });

  it('--sort date orders the same photos newest taken first (the file time for a photo without a date)', async () => {
    const byScore = await hits(['search', '--all', 'a photo']);
    const byDate = await hits(['search', '--all', '--sort', 'date', 'a photo']);
    expect(names(byDate).sort()).toEqual(names(byScore).sort());
    // blue.jpg has no EXIF date: its file time (this run) is the newest of all.
    expect(names(byDate)).toEqual(['blue.jpg', 'yellow.jpg', 'red2.jpg', 'magenta.jpg', 'red.jpg', 'green.jpg']);
    // With the cut-off, the set stays the cut-off's: only the relevant photos, newest first.
    expect(names(await hits(['search', '--sort', 'date', 'red']))).toEqual(['red2.jpg', 'red.jpg']);
    await usageError(['search', '--sort', 'name', 'red'], /--sort must be score or date, got "name"/);
  });

  it('a plain listing without --json: score, tab, path', async () => {
    const res = await shoebox(['search', ...MODEL, 'blue']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^\d\.\d{4}\t.*blue\.jpg\n$/);
  });

  it.each<[string, string[], RegExp]>([
    ['an empty query', ['search', ''], /query is empty/],
    ['a missing image', ['search', 'red + ./nowhere.jpg'], /image not found: \.\/nowhere\.jpg/],
    ['a zero weight', ['search', '0:red'], /weight/],
    ['a negative weight', ['search', '"-2:red"'], /invalid weight "-2:"/],
    ['operators without a term', ['search', 'red + - blue'], /put a term between two operators/],
    ['a bad date', ['search', '--after', '2021-13', 'red'], /--after: "2021-13" is not a valid date/],
    ['a bad limit', ['search', '--limit', '0', 'red'], /--limit must be a whole number from 1 to 10000, got "0"/],
    ['a bad offset', ['search', '--offset', '-1', 'red'], /--offset/],
  ])('%s is a usage error: exit 2, one line', async (_name, args, message) => {
    await usageError(args, message);
  });

  it('similar without the file says so as show does: exit 1, one line', async () => {
    const res = await shoebox(['similar', ...MODEL, './nowhere.jpg']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^shoebox: no such file: \/.*\/nowhere\.jpg\n$/);
  });

  it('--tag keeps only photos carrying that tag; an unknown label is a usage error', async () => {
    const unknown = await shoebox(['search', ...MODEL, '--tag', 'holiday', 'red']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/--tag holiday/);

    const labels = path.join(tempDir(), 'colours.json');
    fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'] }));
    const tag = await shoebox(['tag', ...MODEL, '--labels', labels, '--json', photos]);
    expect(tag.code, tag.stderr).toBe(0);
    const tagged = await hits(['search', '--tag', 'red', '--all', 'a photo']);
    expect(tagged.length).toBeGreaterThan(0);
    expect(names(tagged).every((n) => n.startsWith('red') || n === 'magenta.jpg')).toBe(true);
    expect(names(tagged)).toContain('red.jpg');
  });
});

// Issue 17: times are the camera's clock in every viewer zone, and filters that match nothing say so.
describe.each(['Asia/Tokyo', 'America/Los_Angeles'])('times and empty filters with TZ=%s', (zone) => {
  let clockHome: string;
  let clockPhotos: string;
  const run = (args: string[]) => runCli(['--home', clockHome, ...args], { TZ: zone });

  beforeAll(async () => {
    clockHome = tempDir();
    clockPhotos = tempDir('shoebox-cli-clock-');
    // Both taken at 23:30 on 15 June by their camera's clock; the second camera was at UTC-7,
    // so in UTC it was already the 16th.
    await writeExifColourPhoto(clockPhotos, 'naive.jpg', [220, 20, 20], { taken: '2021:06:15 23:30:00', make: 'Canon', model: 'EOS 80D' });
    await writeExifColourPhoto(clockPhotos, 'offset.jpg', [20, 200, 30], { taken: '2021:06:15 23:30:00', offset: '-07:00', make: 'Apple', model: 'iPhone 12' });
    const index = await run(['index', ...MODEL, '--json', clockPhotos]);
    expect(index.code, index.stderr).toBe(0);
  });

  it('list prints the camera clock: no Z for a naive time, the EXIF offset when there is one', async () => {
    const res = await run(['list', ...MODEL, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const taken = Object.fromEntries((JSON.parse(res.stdout) as { path: string; takenAt: string }[]).map((p) => [path.basename(p.path), p.takenAt]));
    expect(taken).toEqual({ 'naive.jpg': '2021-06-15T23:30:00', 'offset.jpg': '2021-06-15T23:30:00-07:00' });
    const plain = await run(['list', ...MODEL]);
    expect(plain.stdout).toContain(`${path.join(clockPhotos, 'naive.jpg')}\t160x120\t2021-06-15T23:30:00\n`);
  });

  it('the date filter takes the day the camera showed', async () => {
    const day = await run(['search', ...MODEL, '--json', '--all', '--after', '2021-06-15', '--before', '2021-06-16', 'a photo']);
    expect(day.code, day.stderr).toBe(0);
    expect(names(JSON.parse(day.stdout)).sort()).toEqual(['naive.jpg', 'offset.jpg']);
    const hour = await run(['search', ...MODEL, '--json', '--all', '--after', '2021-06-15T23:00', 'a photo']);
    expect(names(JSON.parse(hour.stdout)).sort()).toEqual(['naive.jpg', 'offset.jpg']);
    // With a zone, a date is an instant: 23:30 at UTC-7 is 06:30 UTC on the 16th; a photo
    // without an offset has only its clock, taken as UTC.
    const instant = await run(['search', ...MODEL, '--json', '--all', '--after', '2021-06-16T06:00Z', 'a photo']);
    expect(names(JSON.parse(instant.stdout))).toEqual(['offset.jpg']);
  });

  it('filters that match no photo say so in one line on stderr', async () => {
    const none = await run(['search', ...MODEL, '--after', '2021-06-16', '--camera', 'canon', 'a photo']);
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toBe('shoebox: no photo matches the filters (--after 2021-06-16 --camera canon)\n');
    const similar = await run(['similar', ...MODEL, '--json', '--camera', 'Leica', path.join(clockPhotos, 'naive.jpg')]);
    expect(similar).toMatchObject({ code: 0, stdout: '[]\n', stderr: 'shoebox: no photo matches the filters (--camera Leica)\n' });
  });
});
