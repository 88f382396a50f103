// An edit by path that finds a photo so already (a description removed from a photo that has
// none, the same words set again, a place restored on a photo showing its file's own) says so,
// as `favourites` and `rotate reset` do: it is never counted as done, and `--json` keeps those
// photos apart (`unchanged`). And `description find` takes its words unquoted, as `search`.
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let cake: string;
let garden: string;
let phone: string;

beforeAll(async () => {
  home = tempDir();
  const photos = tempDir('shoebox-cli-already-so-');
  cake = await writeExifColourPhoto(photos, 'cake.jpg', [220, 20, 20]);
  garden = await writeExifColourPhoto(photos, 'garden.jpg', [20, 200, 30]);
  phone = await writeExifColourPhoto(photos, 'phone.jpg', [25, 30, 210], { gps: { lat: 43.4633, lon: 11.8797 } });
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

const run = (command: string, args: string[]) => runCli(['--home', home, command, args[0]!, ...MODEL, ...args.slice(1)]);

describe('an edit that finds the photo so already', () => {
  it('removing a description from a photo that has none says it had none, twice alike', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await run('description', ['remove', garden]);
      expect(res, `run ${i + 1}`).toEqual({ code: 0, stdout: '1 photo had no description\n', stderr: '' });
    }
    const json = await run('description', ['remove', '--json', garden]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ changed: [], unchanged: [garden], missing: [] });
  });

  it('the same words set again are said as described so already; a removal counts only the described', async () => {
    const first = await run('description', ['set', 'Grandma cake', cake]);
    expect(first).toEqual({ code: 0, stdout: 'described 1 photo\n', stderr: '' });
    // Kept trimmed: the same words with spaces around are the same description.
    const again = await run('description', ['set', '  Grandma cake ', cake]);
    expect(again).toEqual({ code: 0, stdout: '1 photo was described so already\n', stderr: '' });
    const mixed = await run('description', ['set', '--json', 'Grandma cake', cake, garden]);
    expect(JSON.parse(mixed.stdout)).toEqual({ changed: [garden], unchanged: [cake], missing: [] });
    const both = await run('description', ['set', 'Grandma cake', cake, garden]);
    expect(both.stdout).toBe('2 photos were described so already\n');
    await run('description', ['remove', garden]);
    const removed = await run('description', ['remove', cake, garden]);
    expect(removed).toEqual({ code: 0, stdout: 'removed the description of 1 photo (1 photo had no description)\n', stderr: '' });
  });

  it("restoring the place of a photo that shows its file's own says so, not 'on 0 photos'", async () => {
    const res = await run('place', ['restore', phone]);
    expect(res).toEqual({ code: 0, stdout: "1 photo has its file's own place already\n", stderr: '' });
    await run('place', ['set', 'Reykjavik, Iceland', phone]);
    const json = await run('place', ['restore', '--json', phone, cake]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ changed: [phone], unchanged: [cake], missing: [] });
    const both = await run('place', ['restore', phone, cake]);
    expect(both.stdout).toBe("2 photos have their files' own places already\n");
    // A removal from a photo that shows no place is said alike.
    expect((await run('place', ['remove', cake])).stdout).toBe('1 photo had no place\n');
  });
});

describe('shoebox description find', () => {
  it('takes its words unquoted, as one query, as search takes its words', async () => {
    await run('description', ['set', "Grandma's 80th birthday cake", cake]);
    const res = await run('description', ['find', 'gran', 'cake']);
    expect(res).toEqual({ code: 0, stdout: `${cake}\n`, stderr: '' });
    // Every word must be found, unquoted as quoted: "gran garden" finds none.
    const none = await run('description', ['find', 'gran', 'garden']);
    expect(none).toEqual({ code: 1, stdout: '', stderr: 'shoebox: no photo is described as "gran garden"\n' });
  });
});
