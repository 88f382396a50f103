// `shoebox show PHOTO...` as a user runs it: what the app's viewer shows about a photo, one
// "key: value" line per field with a value (or one JSON array), a path the library does not
// hold said in one stderr line (exit 1, the others still shown), a folder answered with the
// command that lists its photos, and a path relative to the current folder.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;
let cake: string;
let garden: string;

const run = (args: string[], cwd?: string) => shoebox(['--home', home, ...args], {}, cwd ? { cwd } : {});

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-show-');
  cake = await writeExifColourPhoto(photos, 'cake.jpg', [220, 20, 20], { taken: '2021:06:15 15:56:00', offset: '+02:00', make: 'Canon', model: 'EOS 5D', gps: { lat: 43.4633, lon: 11.8796 } });
  garden = await writeExifColourPhoto(photos, 'garden.jpg', [20, 200, 30]);
  fs.mkdirSync(path.join(photos, 'sub'));
  const labels = path.join(tempDir(), 'colours.json');
  fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 }));
  for (const args of [
    ['tag', ...MODEL, '--labels', labels, photos],
    ['tags', 'accept', ...MODEL, cake, 'yellow'],
    ['favourites', 'add', ...MODEL, cake],
    ['description', 'set', ...MODEL, "Grandma's 80th\nin the garden", cake],
  ]) {
    const res = await run(args);
    expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(0);
  }
});

/** The "key: value" lines of one photo's text output, as a map. */
function fields(text: string): Map<string, string> {
  return new Map(text.trimEnd().split('\n').map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
}

describe('shoebox show', () => {
  it("prints what the viewer shows, one line per field with a value, the description's newline escaped", async () => {
    const res = await run(['show', ...MODEL, cake]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toBe('');
    const shown = fields(res.stdout);
    expect([...shown.keys()]).toEqual(['path', 'folder', 'kind', 'dimensions', 'size', 'taken', 'camera', 'place', 'gps', 'favourite', 'description', 'tags', 'modified', 'indexed']);
    expect(Object.fromEntries([...shown].filter(([key]) => !['size', 'tags', 'modified', 'indexed'].includes(key)))).toEqual({
      path: cake,
      folder: photos,
      kind: 'photo',
      dimensions: '160x120',
      taken: '2021-06-15T15:56:00+02:00',
      camera: 'Canon EOS 5D',
      place: 'Arezzo, Italy',
      gps: '43.46330, 11.87960',
      favourite: 'yes',
      description: "Grandma's 80th\\nin the garden",
    });
    expect(shown.get('size')).toMatch(/^\d+(\.\d+)? (bytes|KB)$/);
    // As `tags list` prints them: the accepted one is the user's word, an automatic one its score.
    expect(shown.get('tags')).toContain('yellow (accepted)');
    const listed = (await run(['tags', 'list', ...MODEL, photos])).stdout.split('\n').find((line) => line.startsWith(`${cake}\t`));
    expect(listed).toBe(`${cake}\t${shown.get('tags')}`);
    expect(shown.get('indexed')).toMatch(/^\d{4}-\d\d-\d\dT.*Z with /);
    // Fields without a value are left out: the other photo has no date, camera, place or marks.
    const plain = fields((await run(['show', ...MODEL, garden])).stdout);
    for (const key of ['taken', 'camera', 'place', 'gps', 'favourite', 'archived', 'description', 'rotation']) expect(plain.has(key), key).toBe(false);
  });

  it('--json prints one array, an object per photo', async () => {
    const res = await run(['show', ...MODEL, '--json', cake, garden]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
    const shown = JSON.parse(res.stdout) as Record<string, unknown>[];
    expect(shown.map((p) => p.path)).toEqual([cake, garden]);
    expect(shown[0]).toMatchObject({
      path: cake,
      folder: photos,
      kind: 'photo',
      width: 160,
      height: 120,
      rotation: 0,
      takenAt: '2021-06-15T15:56:00+02:00',
      takenEdited: null,
      cameraMake: 'Canon',
      cameraModel: 'EOS 5D',
      gps: { lat: expect.closeTo(43.4633, 4), lon: expect.closeTo(11.8796, 4) },
      place: 'Arezzo, Italy',
      favourite: true,
      archived: false,
      description: "Grandma's 80th\nin the garden",
      unreachable: false,
    });
    expect(shown[0]!.size).toBe(fs.statSync(cake).size);
    expect(shown[0]!.tags).toContainEqual({ label: 'yellow', set: 'colours', score: expect.any(Number), state: 'accepted' });
    expect(shown[1]).toMatchObject({ path: garden, takenAt: null, gps: null, place: null, favourite: false, description: null });
  });

  it('a path the library does not hold is one stderr line and exit 1; the others are still shown', async () => {
    const missing = path.join(photos, 'not-indexed.jpg');
    const res = await run(['show', ...MODEL, missing, cake]);
    expect(res.code).toBe(1);
    // No file there at all: said as such (path-wording-cli.test.ts has a file the library lacks).
    expect(res.stderr).toBe(`shoebox: no such file: ${missing}\n`);
    expect(fields(res.stdout).get('path')).toBe(cake);
    const json = await run(['show', ...MODEL, '--json', cake, missing]);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { path: string }[]).map((p) => p.path)).toEqual([cake]);
    expect(json.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a folder is answered with the command that lists its photos', async () => {
    const sub = path.join(photos, 'sub');
    const res = await run(['show', ...MODEL, sub]);
    expect(res).toEqual({ code: 1, stdout: '', stderr: `shoebox: a folder, not a photo: ${sub} (shoebox list --folder ${sub} lists its photos)\n` });
  });

  it('takes a path relative to the current folder', async () => {
    const res = await run(['show', ...MODEL, '--json', 'cake.jpg', './garden.jpg'], photos);
    expect(res.code, res.stderr).toBe(0);
    expect((JSON.parse(res.stdout) as { path: string }[]).map((p) => p.path)).toEqual([cake, garden]);
  });

  it('reads without a model on this device, as list does', async () => {
    const res = await run(['show', '--json', cake]); // no model installed in this home: --model-dir gave it
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject([{ path: cake, favourite: true }]);
  });

  it('leaves `info` as it was: it takes no photo', async () => {
    const res = await run(['info', cake]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^shoebox: too many arguments for 'info'/);
  });
});
