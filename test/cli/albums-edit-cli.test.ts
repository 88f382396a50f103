// `shoebox albums rename` / `edit` as a user runs them: the CLI in this process (run-cli.ts) on
// a temp home with four colour photos and the tiny fixture model. A rename or an edit keeps the
// album's pins and exclusions (the core's save, as the app's editor); `albums list` with no
// album says how to make one; excluding a photo the album does not hold says so.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

async function setup() {
  const home = tempDir();
  const photos = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  const photo = (name: string) => path.join(photos, `${name}.jpg`);
  return { home, photos, run, photo };
}

function json(res: CliResult, code = 0): unknown {
  expect(res.code, res.stderr).toBe(code);
  expect(res.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(res.stdout);
}

interface AlbumJson {
  name: string;
  query: string;
  threshold: number;
  thresholdAutomatic: boolean;
  filters: Record<string, unknown>;
  pinned: string[];
  excluded: string[];
  members: { path: string; pinned: boolean }[];
}

/** Members by file name with their pin, and the pins and exclusions (sorted), of `albums show --json`. */
async function shown(run: (...args: string[]) => Promise<CliResult>, name: string) {
  const album = json(await run('albums', 'show', ...MODEL, '--json', name)) as AlbumJson;
  return {
    album,
    members: album.members.map((m) => [path.basename(m.path), m.pinned]),
    pinned: album.pinned.map((p) => path.basename(p)).sort(),
    excluded: album.excluded.map((p) => path.basename(p)).sort(),
  };
}

describe('shoebox albums rename / edit', () => {
  it('renames an album keeping its query, threshold, filters, pins and exclusions', async () => {
    const { photos, run, photo } = await setup();
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
    // "red" at 0.3 holds red and yellow (the tiny model's colours); blue pinned, yellow excluded.
    json(await run('albums', 'create', ...MODEL, '--json', 'reds', '--query', 'red', '--threshold', '0.3', '--folder', photos));
    json(await run('albums', 'pin', ...MODEL, '--json', 'reds', photo('blue')));
    json(await run('albums', 'exclude', ...MODEL, '--json', 'reds', photo('yellow')));
    // Green is not in the album: excluded all the same, and said so on stderr (a member's exclusion is not).
    const outside = await run('albums', 'exclude', ...MODEL, 'reds', photo('green'));
    expect([outside.code, outside.stderr]).toEqual([0, `shoebox: ${photo('green')} is not in the album "reds"; excluded all the same (it will not join it later)\n`]);
    expect((await run('albums', 'exclude', ...MODEL, 'reds', photo('green'))).stderr).toBe('');
    const before = await shown(run, 'reds');
    expect(before).toMatchObject({ members: [['red.jpg', false], ['blue.jpg', true]], pinned: ['blue.jpg'], excluded: ['green.jpg', 'yellow.jpg'] });

    const renamed = await run('albums', 'rename', ...MODEL, 'reds', 'warm colours');
    expect(renamed).toEqual({ code: 0, stdout: 'renamed album "reds" to "warm colours": 2 photos, 1 pinned, 2 excluded\n', stderr: '' });
    const after = await shown(run, 'warm colours');
    expect(after).toEqual({ ...before, album: { ...before.album, name: 'warm colours' } });
    expect(after.album).toMatchObject({ query: 'red', threshold: 0.3, thresholdAutomatic: false, filters: { folder: photos } });
    const gone = await run('albums', 'show', ...MODEL, 'reds');
    expect([gone.code, gone.stderr]).toEqual([1, 'shoebox: no album named "reds" (shoebox albums list)\n']);
    // --json: the album as `show` prints it, and the name it had.
    expect(json(await run('albums', 'rename', ...MODEL, '--json', 'warm colours', 'warm'))).toEqual({ ...after.album, name: 'warm', renamedFrom: 'warm colours' });
  });

  it('edits the query, threshold and filters, keeping pins, exclusions and what is not given', async () => {
    const { photos, run, photo } = await setup();
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
    json(await run('albums', 'create', ...MODEL, '--json', 'reds', '--query', 'red', '--threshold', '0.3', '--folder', photos));
    json(await run('albums', 'pin', ...MODEL, '--json', 'reds', photo('blue')));
    json(await run('albums', 'exclude', ...MODEL, '--json', 'reds', photo('yellow')));
    json(await run('albums', 'exclude', ...MODEL, '--json', 'reds', photo('green')));

    // "green" matches green and yellow, both excluded: red leaves, the pinned blue stays.
    const edited = json(await run('albums', 'edit', ...MODEL, '--json', 'reds', '--query', 'green')) as AlbumJson;
    expect(edited).toMatchObject({ name: 'reds', query: 'green', threshold: 0.3, thresholdAutomatic: false, filters: { folder: photos } });
    expect(await shown(run, 'reds')).toMatchObject({ members: [['blue.jpg', true]], pinned: ['blue.jpg'], excluded: ['green.jpg', 'yellow.jpg'] });
    // Text: the album as `create` prints it.
    const text = await run('albums', 'edit', ...MODEL, 'reds', '--query', 'red');
    expect([text.code, text.stderr]).toEqual([0, '']);
    // Its filters as the app's header words them (the folder by its whole path).
    expect(text.stdout.split('\n')[0]).toBe(`reds: "red" (in ${photos}), threshold 0.300, 2 photos`);
    expect((await shown(run, 'reds')).members).toEqual([['red.jpg', false], ['blue.jpg', true]]);

    // --threshold auto: automatic again; dates kept through later edits; --clear takes filters away.
    expect(json(await run('albums', 'edit', ...MODEL, '--json', 'reds', '--threshold', 'auto'))).toMatchObject({ query: 'red', thresholdAutomatic: true, pinned: [photo('blue')] });
    json(await run('albums', 'edit', ...MODEL, '--json', 'reds', '--after', '2001-06', '--before', '2100'));
    const dated = json(await run('albums', 'edit', ...MODEL, '--json', 'reds', '--threshold', '0.5')) as AlbumJson;
    expect(dated).toMatchObject({ threshold: 0.5, thresholdAutomatic: false, filters: { folder: photos, after: '2001-06-01', before: '2100-01-01' } });
    const cleared = json(await run('albums', 'edit', ...MODEL, '--json', 'reds', '--clear', 'folder,after', '--clear', 'before')) as AlbumJson;
    expect(cleared).toMatchObject({ query: 'red', threshold: 0.5, filters: {} });
    expect((await shown(run, 'reds')).excluded).toEqual(['green.jpg', 'yellow.jpg']);

    const nothing = await run('albums', 'edit', ...MODEL, 'reds');
    expect([nothing.code, nothing.stdout, nothing.stderr]).toEqual([
      2,
      '',
      'shoebox: nothing to change: give --query, --threshold, --folder, --tag, --favourites, --place, --after, --before or --clear (to rename it: shoebox albums rename NAME NEW)\n',
    ]);
    const clash = await run('albums', 'edit', ...MODEL, 'reds', '--tag', 'x', '--clear', 'tag');
    expect([clash.code, clash.stderr]).toEqual([2, 'shoebox: --tag and --clear tag contradict each other: give one\n']);
  });

  it('says in one line why a rename or an edit cannot be done', async () => {
    const { photos, run } = await setup();
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
    json(await run('albums', 'create', ...MODEL, '--json', 'reds', '--query', 'red'));
    json(await run('albums', 'create', ...MODEL, '--json', 'blues', '--query', 'blue'));
    const cases: [string[], number, string][] = [
      [['rename', 'nope', 'other'], 1, 'no album named "nope" (shoebox albums list)'],
      [['rename', 'reds', 'blues'], 1, 'an album named "blues" already exists'],
      [['rename', 'reds', 'a/b'], 2, 'an album name must not contain slashes or control characters: "a/b"'],
      [['rename', 'reds', ' '], 2, 'an album name must not be empty'],
      [['edit', 'nope', '--query', 'red'], 1, 'no album named "nope" (shoebox albums list)'],
      [['edit', 'reds', '--threshold', 'high'], 2, '--threshold must be a cosine from -1 to 1, got "high"'],
      [['edit', 'reds', '--after', '2021-02-30'], 2, '--after: "2021-02-30" is not a valid date'],
      [['edit', 'reds', '--clear', 'colour'], 2, '--clear takes folder, tag, favourites, place, after, before (comma-separated), got "colour"'],
    ];
    for (const [args, code, line] of cases) {
      const res = await run('albums', args[0]!, ...MODEL, ...args.slice(1));
      expect([args, res.code, res.stdout, res.stderr]).toEqual([args, code, '', `shoebox: ${line}\n`]);
    }
    // Nothing changed.
    expect((json(await run('albums', 'list', ...MODEL, '--json')) as { name: string; query: string }[]).map((a) => [a.name, a.query])).toEqual([
      ['blues', 'blue'],
      ['reds', 'red'],
    ]);
  });
});

describe('shoebox albums list', () => {
  it('with no album, says so and how to make one (--json: [] alone)', async () => {
    const { run } = await setup();
    expect(await run('albums', 'list', ...MODEL)).toEqual({ code: 0, stdout: 'no albums yet: shoebox albums create NAME --query "..." (or NAME PHOTO... for a hand-picked one)\n', stderr: '' });
    expect(await run('albums', 'list', ...MODEL, '--json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });
  it('an album whose query is an image path keeps working when renamed or edited from another folder', async () => {
    const { home, photos, run } = await setup();
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
    // Written in the photos' folder: ./red.jpg is that folder's.
    const inPhotos = await shoebox(['--home', home, 'albums', 'create', ...MODEL, '--json', 'like red', '--query', './red.jpg', '--threshold', '0.9'], {}, { cwd: photos });
    expect(inPhotos.code, inPhotos.stderr).toBe(0);
    const members = (await shown(run, 'like red')).members;
    expect(members).toContainEqual(['red.jpg', false]);
    // Renamed and refiltered from elsewhere (no red.jpg there): the same photos, no error.
    const elsewhere = tempDir('shoebox-elsewhere-');
    const renamed = await shoebox(['--home', home, 'albums', 'rename', ...MODEL, 'like red', 'reddish'], {}, { cwd: elsewhere });
    expect(renamed.code, renamed.stderr).toBe(0);
    const edited = await shoebox(['--home', home, 'albums', 'edit', ...MODEL, 'reddish', '--folder', photos], {}, { cwd: elsewhere });
    expect(edited.code, edited.stderr).toBe(0);
    expect((await shown(run, 'reddish')).members).toEqual(members);
  });
});
