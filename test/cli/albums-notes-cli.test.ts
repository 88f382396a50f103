// What `shoebox albums` and `labels remove` say about what they leave, as a user runs them:
// the CLI in this process (run-cli.ts) on a temp home with four colour photos and the tiny
// fixture models. Removing a label set keeps the user's decisions (a set imported again
// under its name finds them) and names the albums its labels filtered; such a broken album
// still opens, saying why it matches nothing; an album read under a model that has not
// embedded the photos says so, in search's words; unpinning a photo the album neither pins
// nor excludes says that nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const OTHER = ['--model-dir', fixtureModelDir(TINY_TRANSFORMERS)];

async function setup() {
  const home = tempDir();
  const photos = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const labels = path.join(tempDir(), 'colours.json');
  fs.writeFileSync(labels, JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 }));
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  const photo = (name: string) => path.join(photos, `${name}.jpg`);
  return { photos, labels, run, photo };
}

describe('shoebox labels remove', () => {
  it('keeps the decisions for the set imported again, and the albums filtering by its labels open, saying why they are empty', async () => {
    const { photos, labels, run, photo } = await setup();
    expect((await run('tag', ...MODEL, '--labels', labels, photos)).code).toBe(0);
    expect((await run('tags', 'accept', ...MODEL, photo('blue'), 'red')).code).toBe(0);
    expect((await run('tags', 'reject', ...MODEL, photo('yellow'), 'yellow')).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'redtagged', '--query', 'red', '--tag', 'red')).code).toBe(0);

    const removed = await run('labels', 'remove', ...MODEL, 'colours');
    expect([removed.code, removed.stdout]).toEqual([0, 'removed label set colours; your 2 decisions on it are kept and come back if you import it again; 1 album filters by its labels and matches nothing until then: redtagged\n']);
    // Kept, but shown nowhere while the set is gone.
    expect((await run('tags', 'list', ...MODEL, photos)).stdout).toBe('');
    expect(JSON.parse((await run('show', ...MODEL, '--json', photo('blue'))).stdout)[0].tags).toEqual([]);

    // The broken album opens: its line, no photos, why on stderr, exit 0; --json says `broken`.
    const show = await run('albums', 'show', ...MODEL, 'redtagged');
    expect([show.code, show.stdout]).toEqual([0, expect.stringMatching(/^redtagged: "red" \(tagged red\), .*0 photos\n$/)]);
    // No cut-off is in effect for an album that cannot be computed: none is made up.
    expect(show.stdout).toContain('threshold automatic, ');
    expect(show.stderr).toBe('shoebox: album "redtagged" is broken and holds no photos: --tag red: no label set has the label "red" (shoebox labels list) (shoebox albums edit or albums remove mends it)\n');
    const shown = await run('albums', 'show', ...MODEL, '--json', 'redtagged');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: 'redtagged', broken: expect.stringContaining('no label set has the label "red"'), members: [], threshold: null });
    // Listed, it is named broken the same way (and keeps its place among the others).
    const listed = JSON.parse((await run('albums', 'list', ...MODEL, '--json')).stdout) as { name: string; broken?: string }[];
    expect(listed.find((a) => a.name === 'redtagged')?.broken).toEqual(expect.stringContaining('no label set has the label "red"'));

    // Imported again under its name: the decisions are back, and the album works again.
    expect((await run('labels', 'import', ...MODEL, labels)).code).toBe(0);
    const tags = JSON.parse((await run('tags', 'list', ...MODEL, '--json', photos)).stdout) as { path: string; tags: { label: string; state: string }[] }[];
    const decided = tags.flatMap((r) => r.tags.filter((t) => t.state !== 'auto').map((t) => `${path.basename(r.path)} ${t.label} ${t.state}`));
    expect(decided).toEqual(['blue.jpg red accepted']);
    const again = await run('albums', 'show', ...MODEL, '--json', 'redtagged');
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(JSON.parse(again.stdout)).not.toHaveProperty('broken');
  });
});

describe('shoebox albums show under a model that has not embedded the photos', () => {
  it('says so on stderr, as search does', async () => {
    const { photos, run } = await setup();
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'reds', '--query', 'red')).code).toBe(0);
    const model = path.basename(fixtureModelDir(TINY_TRANSFORMERS));
    const show = await run('albums', 'show', ...OTHER, 'reds');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^reds: "red", .*0 photos\n$/);
    // Another model has embedded them: named, rather than an index run that embeds them all again.
    expect(show.stderr).toMatch(new RegExp(`^shoebox: no photos are embedded with model [^ ]*${model}[^ ]* yet; the photos are embedded with [^ ]*${path.basename(fixtureModelDir(TINY_IMMICH))}[^ ]* \\(\\d+\\): .*"shoebox index" with [^ ]*${model}[^ ]* would embed them all again\\n$`));
    const list = await run('albums', 'list', ...OTHER);
    expect(list.stderr).toBe(show.stderr);
    // The model that embedded them has nothing to add.
    expect((await run('albums', 'show', ...MODEL, 'reds')).stderr).toBe('');
  });
});

describe('shoebox albums unpin', () => {
  it('says when the photo was neither pinned nor excluded, and --json marks it', async () => {
    const { photos, run, photo } = await setup();
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'reds', '--query', 'red')).code).toBe(0);
    const none = await run('albums', 'unpin', ...MODEL, 'reds', photo('green'));
    expect([none.code, none.stderr]).toEqual([0, `shoebox: ${photo('green')} was neither pinned to nor excluded from the album "reds"; nothing changed\n`]);
    const marked = await run('albums', 'unpin', ...MODEL, '--json', 'reds', photo('green'));
    expect(JSON.parse(marked.stdout)).toMatchObject({ name: 'reds', changed: false });
    // A pin undone changes the album, and says nothing more.
    expect((await run('albums', 'pin', ...MODEL, 'reds', photo('green'))).code).toBe(0);
    const undone = await run('albums', 'unpin', ...MODEL, '--json', 'reds', photo('green'));
    expect([undone.code, undone.stderr]).toEqual([0, '']);
    expect(JSON.parse(undone.stdout)).toMatchObject({ changed: true });
  });
});
