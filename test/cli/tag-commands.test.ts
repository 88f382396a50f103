// `shoebox tag`, `tags`, `labels` and `albums` as a user runs them: the CLI in this process
// (run-cli.ts) on a temp home, one JSON document per --json, one error line, exit codes 0/1/2.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

async function setup() {
  const home = tempDir();
  const photos = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const labels = path.join(tempDir(), 'colours.json');
  fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', { name: 'blue', prompts: ['blue'] }, 'yellow'], threshold: 0.3, margin: 0.05 }));
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  return { home, photos, labels, run };
}

function json(res: { code: number; stdout: string; stderr: string }, code = 0): unknown {
  expect(res.code, res.stderr).toBe(code);
  expect(res.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(res.stdout);
}

describe('shoebox tag / tags / labels', () => {
  it('tags a folder (indexing it first), writes XMP sidecars, and records decisions', async () => {
    const { photos, labels, run } = await setup();
    const tagged = json(await run('tag', ...MODEL, '--labels', labels, '--write-xmp', '--json', photos)) as { path: string; tags: { label: string; score: number }[] }[];
    expect(tagged.map((r) => [path.basename(r.path), r.tags.map((t) => t.label)])).toEqual([
      ['blue.jpg', ['blue']],
      ['green.jpg', ['green']],
      ['red.jpg', ['red']],
      ['yellow.jpg', ['yellow']],
    ]);
    expect(Object.keys(tagged[0]!.tags[0]!).sort()).toEqual(['label', 'score']);
    for (const name of Object.keys(COLOURS)) expect(fs.existsSync(path.join(photos, `${name}.jpg.xmp`))).toBe(true);

    const red = path.join(photos, 'red.jpg');
    expect(json(await run('tags', 'reject', ...MODEL, '--json', red, 'red'))).toMatchObject({ path: red, set: 'colours', label: 'red', state: 'rejected' });
    expect(json(await run('tags', 'accept', ...MODEL, '--json', red, 'yellow'))).toMatchObject({ label: 'yellow', state: 'accepted' });
    const listed = json(await run('tags', 'list', ...MODEL, '--json', photos)) as { path: string; tags: { label: string; state: string }[] }[];
    expect(listed.find((r) => r.path === red)!.tags).toEqual([expect.objectContaining({ label: 'yellow', set: 'colours', state: 'accepted' })]);
    // In text, the user's word rather than a score (never suggested by the model, it scores 1).
    expect((await run('tags', 'list', ...MODEL, photos)).stdout.split('\n')).toContain(`${red}\tyellow (accepted)`);
    expect(json(await run('tags', 'find', ...MODEL, '--json', 'yellow'))).toEqual([red, path.join(photos, 'yellow.jpg')].sort());
    // A label is matched as search --tag matches it: any case; one no set has is refused (exit 2).
    expect(json(await run('tags', 'find', ...MODEL, '--json', ' Yellow'))).toEqual([red, path.join(photos, 'yellow.jpg')].sort());
    const noSuchLabel = await run('tags', 'find', ...MODEL, 'purple');
    expect([noSuchLabel.code, noSuchLabel.stdout, noSuchLabel.stderr]).toEqual([2, '', 'shoebox: no label set has the label "purple" (shoebox labels list)\n']);
    expect(json(await run('tags', 'folders', ...MODEL, '--json'))).toEqual([{ folder: photos, set: 'colours' }]);
    // Stopping says what it stopped; a second stop, or a folder never auto-tagged, says nothing was.
    expect(await run('tags', 'stop', ...MODEL, photos)).toEqual({ code: 0, stdout: `stopped auto-tagging ${photos} (colours)\n`, stderr: '' });
    expect(json(await run('tags', 'folders', ...MODEL, '--json'))).toEqual([]);
    expect(await run('tags', 'stop', ...MODEL, photos)).toEqual({ code: 0, stdout: `${photos} was not auto-tagged: nothing to stop (shoebox tags folders lists what is)\n`, stderr: '' });
    const elsewhere = path.join(tempDir(), 'nonexistent');
    // --json says the same: `stopped` false when nothing was, the folder named apart.
    expect(json(await run('tags', 'stop', ...MODEL, '--json', elsewhere))).toEqual({ folder: elsewhere, set: null, sets: [], stopped: false });
    expect(json(await run('tags', 'stop', ...MODEL, '--json', '--all'))).toEqual({ folder: null, set: null, sets: [], stopped: false });
    expect((await run('tag', ...MODEL, '--set', 'colours', photos)).code).toBe(0);
    expect(json(await run('tags', 'stop', ...MODEL, '--json', photos))).toEqual({ folder: photos, set: null, sets: ['colours'], stopped: true });

    // Usage errors: exit 2, one line.
    const unknownLabel = await run('tags', 'accept', ...MODEL, red, 'purple');
    expect(unknownLabel.code).toBe(2);
    expect(unknownLabel.stderr).toMatch(/^shoebox: no label set has the label "purple"\n$/);
    // The library's set named as a file (`--labels colours` after importing colours.json).
    const byName = await run('tag', ...MODEL, '--labels', 'colours', photos);
    expect([byName.code, byName.stderr]).toEqual([2, 'shoebox: label set file not found: colours; "colours" is a label set of the library already: --set colours uses it\n']);
    const neither = await run('tag', ...MODEL, photos);
    expect([neither.code, neither.stderr]).toEqual([2, 'shoebox: give exactly one of --labels FILE and --set NAME\n']);
    const notInLibrary = await run('tags', 'accept', ...MODEL, path.join(photos, 'nope.jpg'), 'red');
    expect(notInLibrary.code).toBe(1);
    expect(notInLibrary.stderr).toMatch(/^shoebox: not in the library: .*nope\.jpg\n$/);
  });

  it('tags list shows the tagged photos and counts the others, which --json still lists', async () => {
    const { photos, labels, run } = await setup();
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    // Indexed, nothing tagged yet: no line per photo with nothing after its path.
    expect(await run('tags', 'list', ...MODEL)).toEqual({ code: 0, stdout: '', stderr: 'shoebox: none of the 4 photos has a tag yet (shoebox tag --help says how to tag a folder)\n' });
    const others = tempDir('shoebox-photos-');
    await writeColourPhoto(others, 'grey.jpg', [128, 128, 128]);
    expect((await run('index', ...MODEL, others)).code).toBe(0);
    expect((await run('tag', ...MODEL, '--labels', labels, photos)).code).toBe(0);
    const listed = await run('tags', 'list', ...MODEL);
    expect(listed.stdout.trim().split('\n').map((line) => path.basename(line.split('\t')[0]!))).toEqual(['blue.jpg', 'green.jpg', 'red.jpg', 'yellow.jpg']);
    expect([listed.code, listed.stderr]).toEqual([0, 'shoebox: 1 photo without a tag not listed\n']);
    const all = json(await run('tags', 'list', ...MODEL, '--json')) as { path: string; tags: unknown[] }[];
    expect(all.find((r) => r.path === path.join(others, 'grey.jpg'))).toEqual({ path: path.join(others, 'grey.jpg'), tags: [] });
    expect(all).toHaveLength(5);
  });

  it('imports, lists, shows, exports and removes label sets; invalid files are one-line usage errors', async () => {
    const { labels, run } = await setup();
    expect(json(await run('labels', 'import', ...MODEL, '--json', labels, 'animals'))).toEqual([
      { name: 'colours', labels: 4 },
      { name: 'animals', labels: 21 },
    ]);
    expect(json(await run('labels', 'list', ...MODEL, '--json'))).toEqual([
      { name: 'animals', labels: 21, threshold: 0.3, margin: 0.05 },
      { name: 'colours', labels: 4, threshold: 0.3, margin: 0.05 },
    ]);
    const shown = json(await run('labels', 'show', ...MODEL, '--json', 'colours'));
    expect(shown).toEqual({ name: 'colours', labels: ['red', 'green', { name: 'blue', prompts: ['blue'] }, 'yellow'], threshold: 0.3, margin: 0.05 });
    const out = path.join(tempDir(), 'out.json');
    expect((await run('labels', 'export', ...MODEL, 'colours', out)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(shown);
    expect(json(await run('labels', 'list', ...MODEL, '--shipped', '--json'))).toEqual(['animals', 'documents', 'occasions', 'scenes']);
    // The user's own "animals" (a file of that name replaces the set, as asked); the shipped
    // set asked for by name afterwards does not undo it.
    const mine = path.join(tempDir(), 'my-animals.json');
    fs.writeFileSync(mine, JSON.stringify({ name: 'animals', labels: ['cat', 'dog'] }));
    expect((await run('labels', 'import', ...MODEL, mine)).code).toBe(0);
    const byName = await run('labels', 'import', ...MODEL, 'animals');
    expect(byName.code).toBe(0);
    expect(byName.stderr).toMatch(/label set "animals" is already in the library: used as it is there/);
    expect(json(await run('labels', 'show', ...MODEL, '--json', 'animals'))).toMatchObject({ labels: ['cat', 'dog'] });

    const bad = path.join(tempDir(), 'bad.json');
    for (const [content, message] of [
      ['{"name": "x", "labels": ["a"]}', /labels" needs at least two labels/],
      ['{"name": "x", "labels": ["a", "A "]}', /label 2 "A " repeats label 1 "a"/],
      ['{"name": "x", "labels": ["a", {"name": "b", "prompt": []}]}', /label 2 has unknown field "prompt"/],
      ['{"name": "x|y", "labels": ["a", "b"]}', /"name" must not contain "\|"/],
      ['{"name": "x", "labels": ["a", "b"], "threshold": 2}', /"threshold" must be a number from 0 to 1/],
      ['{"name": "x", "labels": ["a", "b"], "threshold": "0.4"}', /"threshold" must be a number from 0 to 1/],
      ['{"name": "x", "labels": ["a", "b",]}', /not valid JSON/],
      ['not json\n', /not valid JSON: Unexpected token 'o' at line 1, column 2/],
    ] as const) {
      fs.writeFileSync(bad, content);
      const res = await run('labels', 'import', ...MODEL, bad);
      expect(res.code, content).toBe(2);
      expect(res.stderr, content).toMatch(new RegExp(`^shoebox: label set bad\\.json: .*${message.source}.*\\n$`));
    }
    expect(json(await run('labels', 'remove', ...MODEL, '--json', 'animals'))).toEqual({ removed: 'animals', decisions: 0, albums: [] });
    expect((json(await run('labels', 'list', ...MODEL, '--json')) as unknown[]).length).toBe(1);
  });
});

describe('shoebox albums', () => {
  it('creates, lists, shows, pins, excludes, exports and removes albums', async () => {
    const { photos, run } = await setup();
    expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
    const created = json(await run('albums', 'create', ...MODEL, '--json', 'reds', '--query', 'red', '--threshold', '0.8')) as { members: { path: string }[] };
    expect(created).toMatchObject({ name: 'reds', query: 'red', threshold: 0.8, thresholdAutomatic: false, filters: {}, pinned: [], excluded: [] });
    expect(created.members.map((m) => path.basename(m.path))).toEqual(['red.jpg']);

    const blue = path.join(photos, 'blue.jpg');
    const pinned = json(await run('albums', 'pin', ...MODEL, '--json', 'reds', blue)) as { members: { path: string; pinned: boolean }[] };
    expect(pinned.members.map((m) => [path.basename(m.path), m.pinned])).toEqual([
      ['red.jpg', false],
      ['blue.jpg', true],
    ]);
    json(await run('albums', 'exclude', ...MODEL, '--json', 'reds', path.join(photos, 'red.jpg')));
    expect(json(await run('albums', 'list', ...MODEL, '--json'))).toEqual([
      { name: 'reds', query: 'red', threshold: 0.8, thresholdAutomatic: false, filters: {}, pinned: 1, excluded: 1, members: 1 },
    ]);
    // Without --threshold the album follows the search's calibrated cut-off, and says so.
    const auto = json(await run('albums', 'create', ...MODEL, '--json', 'auto reds', '--query', 'red')) as { threshold: number; thresholdAutomatic: boolean; members: { path: string }[] };
    expect(auto.thresholdAutomatic).toBe(true);
    expect(auto.threshold).toBeGreaterThan(-1);
    expect(path.basename(auto.members[0]!.path)).toBe('red.jpg');
    const autoText = await run('albums', 'show', ...MODEL, 'auto reds');
    expect(autoText.stdout.split('\n')[0]).toMatch(/^auto reds: "red", threshold automatic \(-?\d\.\d{3} now\), (1 photo|\d+ photos)$/);
    expect(json(await run('albums', 'remove', ...MODEL, '--json', 'auto reds'))).toEqual({ removed: 'auto reds' });
    const shown = json(await run('albums', 'show', ...MODEL, '--json', 'reds')) as { members: { path: string }[] };
    expect(shown.members.map((m) => m.path)).toEqual([blue]);

    const dir = path.join(tempDir(), 'export');
    expect(json(await run('albums', 'export', ...MODEL, '--json', 'reds', dir))).toEqual({ album: 'reds', dir, mode: 'symlink', exported: 1, skipped: 0, exportedVideos: 0, skippedVideos: 0, failed: [], turned: 0, unturned: [], edited: 0, unedited: [], keptSidecars: [] });
    expect(fs.readlinkSync(path.join(dir, 'blue.jpg'))).toBe(blue);
    const copies = path.join(tempDir(), 'copies');
    expect(json(await run('albums', 'export', ...MODEL, '--json', '--copy', 'reds', copies))).toMatchObject({ mode: 'copy', exported: 1 });

    const missing = await run('albums', 'show', ...MODEL, 'nope');
    expect([missing.code, missing.stderr]).toEqual([1, 'shoebox: no album named "nope" (shoebox albums list)\n']);
    const badThreshold = await run('albums', 'create', ...MODEL, 'x', '--query', 'red', '--threshold', 'high');
    expect([badThreshold.code, badThreshold.stderr]).toEqual([2, 'shoebox: --threshold must be a cosine from -1 to 1, got "high"\n']);
    // Dates are read by search's parser: an impossible day is refused (exit 2), as search refuses it.
    const badDate = await run('albums', 'create', ...MODEL, 'x', '--query', 'red', '--after', '2021-02-30');
    expect([badDate.code, badDate.stderr]).toEqual([2, 'shoebox: --after: "2021-02-30" is not a valid date\n']);
    // Without --query: a hand-picked album (test/cli/albums-hand-picked-cli.test.ts), empty here.
    const noQuery = await run('albums', 'create', ...MODEL, 'x');
    expect([noQuery.code, noQuery.stdout]).toEqual([0, 'x: hand-picked, 0 photos\n']);
    expect(json(await run('albums', 'remove', ...MODEL, '--json', 'reds'))).toEqual({ removed: 'reds' });
  });
});
