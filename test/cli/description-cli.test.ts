// `shoebox description` as a user runs it: `set` describes a photo by path (a path the library
// does not hold is one line on stderr and exit 1, the rest still described), `find` lists the
// photos a few words find (none: one line and exit 1), `remove` takes it away; the file is
// never touched.
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
  photos = tempDir('shoebox-cli-description-');
  await writeExifColourPhoto(photos, 'cake.jpg', [220, 20, 20]);
  await writeExifColourPhoto(photos, 'garden.jpg', [20, 200, 30]);
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

const description = (args: string[]) => runCli(['--home', home, 'description', args[0]!, ...MODEL, ...args.slice(1)]);

describe('shoebox description', () => {
  it('describes a photo by path, says which path the library does not hold, and the file stays as it was', async () => {
    const cake = path.join(photos, 'cake.jpg');
    const before = fs.readFileSync(cake);
    const missing = path.join(photos, 'not-indexed.jpg');
    const res = await description(['set', "Grandma's 80th birthday", cake, missing]);
    expect(res.code).toBe(1);
    expect(res.stdout.trim()).toBe('described 1 photo');
    expect(res.stderr.trim()).toBe(`shoebox: not in the library: ${missing}`);
    expect(fs.readFileSync(cake).equals(before)).toBe(true);
  });

  it('finds the photos a few words describe, and says when none', async () => {
    const res = await description(['find', 'grandma birth']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toBe(path.join(photos, 'cake.jpg'));
    const none = await description(['find', 'garden']);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('shoebox: no photo is described as "garden"');
  });

  it('none found is exit 1 with --json too, stdout then holding []', async () => {
    const none = await description(['find', '--json', 'zzz']);
    expect(none).toEqual({ code: 1, stdout: '[]\n', stderr: 'shoebox: no photo is described as "zzz"\n' });
    const found = await description(['find', '--json', 'grandma']);
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout)).toEqual([{ path: path.join(photos, 'cake.jpg'), folder: photos }]);
  });

  it('words with no word in them are a usage error (exit 2), in words a user reads', async () => {
    for (const text of ['', '   ', '!!']) {
      const res = await description(['find', text]);
      // The core's refusal (the app's and serve's too), as the CLI's usage error.
      expect(res, JSON.stringify(text)).toEqual({ code: 2, stdout: '', stderr: 'shoebox: give a word to look for (letters, digits or emoji): "grandma birth" finds "Grandma\'s 80th birthday"\n' });
    }
  });

  it('removes it', async () => {
    const res = await description(['remove', '--json', path.join(photos, 'cake.jpg')]);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ changed: [path.join(photos, 'cake.jpg')], unchanged: [], missing: [] });
    expect((await description(['find', 'grandma'])).code).toBe(1);
  });
});
