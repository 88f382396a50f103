// `shoebox places` as a user runs it: the library's countries and towns with counts (a table
// on stdout, a summary line on stderr, or JSON), a place's photos newest first, and
// `--place` on search, `list --json` and albums. Photos carry EXIF GPS written by sharp.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-places-');
  await writeExifColourPhoto(photos, 'arezzo-old.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00', gps: { lat: 43.4682, lon: 11.8802 } });
  await writeExifColourPhoto(photos, 'arezzo-new.jpg', [20, 200, 30], { taken: '2022:06:15 10:00:00', gps: { lat: 43.4701, lon: 11.8788 } });
  await writeExifColourPhoto(photos, 'reykjavik.jpg', [25, 30, 210], { taken: '2020:01:01 10:00:00', gps: { lat: 64.1466, lon: -21.9426 } });
  await writeExifColourPhoto(photos, 'pacific.jpg', [200, 200, 40], { gps: { lat: 0, lon: -140 } });
  await writeExifColourPhoto(photos, 'nowhere.jpg', [40, 200, 200]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

/** The model options go after the subcommand: `albums create --model-dir ...`. */
function shoebox(args: string[]): Promise<CliResult> {
  const command = args[0] === 'albums' ? 2 : 1;
  return runCli(['--home', home, ...args.slice(0, command), ...MODEL, ...args.slice(command)]);
}

const basenames = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => path.basename(line.split('\t').at(-1)!));

describe('shoebox places', () => {
  it('lists countries and towns with their counts, most first', async () => {
    const res = await shoebox(['places']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim().split('\n')).toEqual(['Italy\t2 photos', '  Arezzo\t2 photos', 'Iceland\t1 photo', '  Reykjavík\t1 photo']);
    expect(res.stderr.trim()).toBe("3 photos in 2 towns, 2 countries; 1 photo with a position far from any town; 1 photo without a place ('shoebox place set' gives one)");
    const json = await shoebox(['places', '--json']);
    // No videos: the `…Videos` counts are left out, as the README says (places-videos-cli gives them).
    expect(JSON.parse(json.stdout)).toEqual({
      located: 3,
      unplaced: 1,
      withoutPlace: 1,
      countries: [
        { country: 'Italy', countryCode: 'IT', count: 2, towns: [{ city: 'Arezzo', place: 'Arezzo, Italy', count: 2 }] },
        { country: 'Iceland', countryCode: 'IS', count: 1, towns: [{ city: 'Reykjavík', place: 'Reykjavík, Iceland', count: 1 }] },
      ],
    });
  });

  it("lists a place's photos newest first, and says when none was taken there", async () => {
    const res = await shoebox(['places', 'arezzo']);
    expect(res.code, res.stderr).toBe(0);
    expect(basenames(res.stdout)).toEqual(['arezzo-new.jpg', 'arezzo-old.jpg']);
    const json = await shoebox(['places', 'Reykjavik, IS', '--json']);
    expect((JSON.parse(json.stdout) as { path: string }[]).map((p) => path.basename(p.path))).toEqual(['reykjavik.jpg']);
    // A real town the library has no photo from (Florence, unlike Narnia, is one).
    const none = await shoebox(['places', 'Florence']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr.trim()).toBe('shoebox: no photo was taken in "Florence" (shoebox places lists the library\'s places)');
    const empty = await shoebox(['places', ' , ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toBe('shoebox: the place is empty: name a town, a country, or "town, country"');
  });

  it('refuses a place that names nothing with one line, exit 2, from places, search and albums alike', async () => {
    const line = 'shoebox: the place is empty: name a town, a country, or "town, country"';
    const runs = [
      await shoebox(['places', ',']),
      await shoebox(['search', 'a photo', '--place', ',']),
      await shoebox(['albums', 'create', 'Nowhere', '--query', 'a photo', '--place', ',']),
    ];
    expect(runs.map((r) => [r.code, r.stderr.trim()])).toEqual(Array(3).fill([2, line]));
  });

  it('refuses a name that is no town or country anywhere as search --place does: one line, exit 2, without the option', async () => {
    const hint = '(shoebox places lists the places of your photos)';
    const search = await shoebox(['search', 'a photo', '--place', 'Narnia']);
    expect([search.code, search.stderr.trim()]).toEqual([2, `shoebox: --place: no town or country is called "Narnia" ${hint}`]);
    for (const json of [[], ['--json']]) {
      const places = await shoebox(['places', 'Narnia', ...json]);
      expect([places.code, places.stdout, places.stderr.trim()]).toEqual([2, '', `shoebox: no town or country is called "Narnia" ${hint}`]);
    }
    const country = await shoebox(['places', 'Arezzo, Narnia']);
    expect([country.code, country.stderr.trim()]).toEqual([2, `shoebox: no country is called "Narnia" ${hint}`]);
  });

  it('filters search and smart albums by place, and lists each photo with its place', async () => {
    const search = await shoebox(['search', 'a photo', '--all', '--place', 'Italy']);
    expect(search.code, search.stderr).toBe(0);
    expect(basenames(search.stdout).sort()).toEqual(['arezzo-new.jpg', 'arezzo-old.jpg']);
    const album = await shoebox(['albums', 'create', 'Iceland', '--query', 'a photo', '--threshold', '-1', '--place', 'iceland', '--json']);
    expect(album.code, album.stderr).toBe(0);
    expect((JSON.parse(album.stdout) as { members: { path: string }[] }).members.map((m) => path.basename(m.path))).toEqual(['reykjavik.jpg']);
    const list = await shoebox(['list', '--json']);
    const places = Object.fromEntries((JSON.parse(list.stdout) as { path: string; place: string | null }[]).map((p) => [path.basename(p.path), p.place]));
    expect(places).toEqual({ 'arezzo-old.jpg': 'Arezzo, Italy', 'arezzo-new.jpg': 'Arezzo, Italy', 'reykjavik.jpg': 'Reykjavík, Iceland', 'pacific.jpg': null, 'nowhere.jpg': null });
  });
});
