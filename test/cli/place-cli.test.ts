// `shoebox place` as a user runs it: `find` lists the towns a name stands for, `set` gives a
// scan the first of them by path (a path the library does not hold is one line on stderr and
// exit 1, the rest still set) and `places` follows it, a name that is no town is one line and
// exit 1 with nothing changed, `remove` takes the place away, `restore` puts the file's own
// position back; the file is never
// touched.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-place-');
  await writeExifColourPhoto(photos, 'scan.jpg', [25, 30, 210]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

const place = (args: string[]) => runCli(['--home', home, 'place', args[0]!, ...MODEL, ...args.slice(1)]);
const places = async () => {
  const res = await runCli(['--home', home, 'places', ...MODEL, '--json']);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { countries: { towns: { place: string; count: number }[] }[] }).countries.flatMap((c) => c.towns.map((t) => `${t.place}: ${t.count}`));
};

describe('shoebox place', () => {
  it('finds the towns a name stands for, the one `set` takes first', async () => {
    const res = await place(['find', 'reykjavik']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.split('\n')[0]).toBe('Reykjavík, Iceland\t64.13548, -21.89541');
    const none = await place(['find', 'Nowhereville-on-Sea']);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('shoebox: no town called "Nowhereville-on-Sea"');
    // The exit code does not depend on --json: none found is exit 1 there too, stdout holding [].
    expect(await place(['find', '--json', 'Nowhereville-on-Sea'])).toEqual({ code: 1, stdout: '[]\n', stderr: 'shoebox: no town called "Nowhereville-on-Sea"\n' });
  });

  it("sets a scan's place by name, says which path the library does not hold, and the file stays as it was", async () => {
    const scan = path.join(photos, 'scan.jpg');
    const before = fs.readFileSync(scan);
    const missing = path.join(photos, 'not-indexed.jpg');
    const res = await place(['set', 'Reykjavik, Iceland', scan, missing]);
    expect(res.code).toBe(1);
    expect(res.stdout.trim()).toBe('set the place of 1 photo to Reykjavík, Iceland (64.13548, -21.89541)');
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: not in the library: ${missing}`]);
    expect(await places()).toEqual(['Reykjavík, Iceland: 1']);
    // A position works too, named by the town it is in.
    const at = await place(['set', '--json', '43.4633,11.8797', scan]);
    expect(at.code, at.stderr).toBe(0);
    expect(JSON.parse(at.stdout)).toEqual({ changed: [scan], unchanged: [], missing: [], place: { label: 'Arezzo, Italy', lat: 43.4633, lon: 11.8797 } });
    expect(await places()).toEqual(['Arezzo, Italy: 1']);
    // A southern latitude is the place, not an option; a mistyped option is not a photo.
    const south = await place(['set', '-33.8688,151.2093', scan]);
    expect(south.code, south.stderr).toBe(0);
    expect(south.stdout.trim()).toBe('set the place of 1 photo to Sydney, Australia (-33.86880, 151.20930)');
    const typo = await place(['set', 'Arezzo', '--jsno', scan]);
    expect(typo.code).toBe(2);
    expect(typo.stderr.trim()).toBe("shoebox: unknown option '--jsno' (a photo whose name starts with '-' can be given as ./--jsno)");
    expect(await places()).toEqual(['Sydney, Australia: 1']);
    await place(['set', '43.4633,11.8797', scan]);
    expect(fs.readFileSync(scan).equals(before)).toBe(true);
  });

  it('refuses a name that is no town in one line, and changes nothing', async () => {
    const res = await place(['set', 'Nowhereville-on-Sea', path.join(photos, 'scan.jpg')]);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('shoebox: no town called "Nowhereville-on-Sea" (try "town, country", or a position such as 43.7696,11.2558)');
    expect(await places()).toEqual(['Arezzo, Italy: 1']);
    // Two numbers out of range are no town either: said as what they are.
    const far = await place(['set', '91,200', path.join(photos, 'scan.jpg')]);
    expect(far.code).toBe(1);
    expect(far.stderr).toBe('shoebox: 91, 200 is not a position: latitude goes from -90 to 90 and longitude from -180 to 180\n');
    expect((await place(['find', '999 999'])).stderr).toBe('shoebox: 999, 999 is not a position: latitude goes from -90 to 90 and longitude from -180 to 180\n');
    expect(await places()).toEqual(['Arezzo, Italy: 1']);
  });

  it('removes the place of a photo: it leaves Places, and `--json` says what changed', async () => {
    const scan = path.join(photos, 'scan.jpg');
    const res = await place(['remove', scan]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe('removed the place of 1 photo (the files keep theirs)');
    expect(await places()).toEqual([]);
    await place(['set', 'Arezzo', scan]);
    const json = await place(['remove', '--json', scan, path.join(photos, 'nope.jpg')]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ changed: [scan], unchanged: [], missing: [path.join(photos, 'nope.jpg')] });
    expect(await places()).toEqual([]);
  });

  it("restores the file's own position (none, for the scan)", async () => {
    const res = await place(['restore', path.join(photos, 'scan.jpg')]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe("restored the file's own place on 1 photo");
    expect(await places()).toEqual([]);
  });
});
