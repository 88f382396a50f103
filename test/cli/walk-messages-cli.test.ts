// What a new user is told where the truth is less plain than it looks: marking a photo marks its
// exact copies too (the marks are the content's), so `archive add` and `favourites add` say the
// copies that went along; `on-this-day` on a day whose photos are all archived says they are,
// not that none was taken; a folder given where photos are meant is said to be a folder by every
// command that takes photo paths, as `show` says it; a file the index could not read, with why.
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
const at = (name: string) => path.join(photos, name);

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-walk-');
  await writeExifColourPhoto(photos, 'tench.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00' });
  await writeExifColourPhoto(photos, 'robin.jpg', [20, 200, 30], { taken: '2020:03:01 09:00:00' });
  fs.copyFileSync(at('robin.jpg'), at('robin_copy.jpg'));
  await writeExifColourPhoto(photos, 'otd.jpg', [25, 30, 210], { taken: '2016:07:14 10:00:00' });
  fs.writeFileSync(at('empty.jpg'), '');
  const index = await runCli(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
});

const shoebox = (command: string[], args: string[], options: { cwd?: string } = {}) => runCli(['--home', home, ...command, ...MODEL, ...args], {}, options);

describe('marks by content say the copies that went along', () => {
  it('archive add and remove count the copy of a chosen photo apart', async () => {
    const add = await shoebox(['archive', 'add'], [at('tench.jpg'), at('robin_copy.jpg')]);
    expect(add).toEqual({ code: 0, stdout: 'archived 2 photos (and 1 copy of them)\n', stderr: '' });
    const listed = await shoebox(['archive', 'list'], []);
    expect(listed.stdout.trim().split('\n').map((p) => path.basename(p))).toEqual(['robin.jpg', 'robin_copy.jpg', 'tench.jpg']);
    const remove = await shoebox(['archive', 'remove'], [at('robin.jpg'), '--json']);
    expect(JSON.parse(remove.stdout)).toEqual({ removed: [at('robin.jpg')], unchanged: [], missing: [], copies: [at('robin_copy.jpg')] });
    // Asking for both copies: neither is a copy "of them".
    const both = await shoebox(['archive', 'remove'], [at('tench.jpg')]);
    expect(both.stdout).toBe('brought back 1 photo\n');
  });

  it('favourites add says the copy too, and what was a favourite already', async () => {
    const add = await shoebox(['favourites', 'add'], [at('robin.jpg')]);
    expect(add).toEqual({ code: 0, stdout: 'marked 1 photo (and 1 copy of it)\n', stderr: '' });
    const again = await shoebox(['favourites', 'add'], [at('robin_copy.jpg'), at('tench.jpg')]);
    expect(again.stdout).toBe('marked 1 photo (1 was a favourite already)\n');
    const both = await shoebox(['favourites', 'remove'], [at('robin.jpg'), at('robin_copy.jpg')]);
    expect(both.stdout).toBe('unmarked 2 photos\n');
  });
});

describe('on-this-day', () => {
  it('says the day\'s photos are archived rather than that none was taken', async () => {
    const none = await shoebox(['on-this-day'], ['--date', '2026-01-01']);
    expect(none.stderr).toBe('shoebox: no photo was taken on January 1 in an earlier year\n');
    expect((await shoebox(['archive', 'add'], [at('otd.jpg')])).code).toBe(0);
    const archived = await shoebox(['on-this-day'], ['--date', '2026-07-14']);
    expect(archived).toEqual({
      code: 0,
      stdout: '',
      stderr: 'shoebox: no photo from July 14 in an earlier year outside the archive (1 archived: shoebox archive list lists the archive, shoebox archive remove PHOTO brings one back)\n',
    });
    expect((await shoebox(['archive', 'remove'], [at('otd.jpg')])).code).toBe(0);
    const back = await shoebox(['on-this-day'], ['--date', '2026-07-14']);
    expect(back).toEqual({ code: 0, stdout: `2016 (10 years ago)\n  ${at('otd.jpg')}\n`, stderr: '' });
  });
});

describe('a folder given for photos', () => {
  const folderLine = () => `shoebox: a folder, not a photo: ${photos} (shoebox list --folder ${photos} lists its photos)\n`;

  it('is said to be a folder by date, archive, favourites, rotate, place and description, as show says it', async () => {
    const commands = [['date', 'set'], ['date', 'restore'], ['date', 'shift'], ['archive', 'add'], ['favourites', 'remove'], ['rotate'], ['place', 'remove'], ['description', 'remove']];
    const before: Record<string, string[]> = { 'date set': ['2020-01-01'], 'date shift': ['+1h'], rotate: ['right'] };
    for (const command of commands) {
      const args = [...(before[command.join(' ')] ?? []), '.'];
      const res = await shoebox(command, args, { cwd: photos });
      expect(res.code, command.join(' ')).toBe(1);
      expect(res.stderr, command.join(' ')).toBe(folderLine());
    }
    const show = await shoebox(['show'], ['.'], { cwd: photos });
    expect(show).toEqual({ code: 1, stdout: '', stderr: folderLine() });
    // A path that is neither: still "not in the library".
    const gone = await shoebox(['date', 'set'], ['2020-01-01', at('gone.jpg')]);
    expect(gone.stderr).toBe(`shoebox: not in the library: ${at('gone.jpg')}\n`);
  });

  it('a file the index could not read is said with why, as status lists it', async () => {
    const line = `shoebox: not in the library, it could not be indexed: ${at('empty.jpg')}: empty file (0 bytes) (tried again when the file changes)\n`;
    expect(await shoebox(['show'], [at('empty.jpg')])).toEqual({ code: 1, stdout: '', stderr: line });
    const favourite = await shoebox(['favourites', 'add'], [at('empty.jpg'), at('tench.jpg')]);
    expect([favourite.code, favourite.stderr]).toEqual([1, line]);
    expect((await shoebox(['favourites', 'remove'], [at('tench.jpg')])).code).toBe(0);
  });
});
