// One answer per question (issue #10): the CLI, `shoebox serve` (its HTTP transport over the
// real library host) and the in-process API asked the same thing about the same library
// must agree: which photos carry a label typed in another case, whether an impossible date
// is a date, what the duplicates trash moves and refuses (and which report is current), and
// what a model switch leaves to embed. Each part failed before the core was one: `tags find`
// and albums matched labels case-sensitively, `albums create` read dates with Date.parse,
// the CLI planned the trash from its own scan and saved no report, and `models use` had its
// own switch.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryApiOptions, type LibraryHost } from '../../src/core/api/library-api';
import { photoId, pathFromPhotoId } from '../../src/core/api/photo-id';
import { startServer, type RunningServer } from '../../src/server/server';
import { shoebox, type CliResult } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL_DIR = fixtureModelDir(TINY_IMMICH);
const MODEL = ['--model-dir', MODEL_DIR];

function json<T>(res: CliResult, code = 0): T {
  expect(res.code, res.stderr).toBe(code);
  return JSON.parse(res.stdout) as T;
}

/** The app's side: the library host (as `serve` and Electron run it) and `serve`'s HTTP on it. */
async function openApp(home: string, options: LibraryApiOptions = {}): Promise<{ host: LibraryHost; post: (method: string, ...params: unknown[]) => Promise<{ result?: unknown; error?: { message: string } }>; close(): Promise<void> }> {
  const host = await createLibraryApi({ home, modelDir: MODEL_DIR, provider: 'cpu', watch: false, ...options });
  const ui = tempDir('shoebox-one-answer-ui-');
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Shoebox</title>');
  let server: RunningServer;
  try {
    server = await startServer({ api: host, rendererDir: ui });
  } catch (error) {
    await host.close();
    throw error;
  }
  const post = async (method: string, ...params: unknown[]) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
    });
    return (await res.json()) as { result?: unknown; error?: { message: string } };
  };
  return {
    host,
    post,
    async close() {
      await server.close();
      await host.close();
    },
  };
}

const pathsOf = (photos: { id: string }[]) => photos.map((p) => pathFromPhotoId(p.id)!).sort();

describe('one answer per question across the CLI, serve and the API', () => {
  let home: string;
  let photos: string;
  let app: Awaited<ReturnType<typeof openApp>> | null = null;
  const run = (...args: string[]) => shoebox(['--home', home, ...args]);

  beforeAll(async () => {
    home = tempDir('shoebox-one-answer-home-');
    photos = tempDir('shoebox-one-answer-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    // Labels spelled with capitals; people type them in lower case.
    const labels = path.join(tempDir(), 'hues.json');
    fs.writeFileSync(labels, JSON.stringify({ name: 'hues', labels: ['Red', 'Green', 'Blue', 'Yellow'] }));
    const tagged = json<{ path: string; tags: { label: string }[] }[]>(await run('tag', ...MODEL, '--labels', labels, '--json', photos));
    expect(tagged.find((r) => r.path.endsWith('red.jpg'))!.tags.map((t) => t.label)).toEqual(['Red']);
  }, 300_000);
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(() => {
    for (const dir of [home, photos]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the photos of the label "Red" asked as "red": search --tag, tags find and an album agree', async () => {
    const red = [path.join(photos, 'red.jpg')];
    const searched = json<{ path: string }[]>(await run('search', ...MODEL, '--all', '--tag', 'red', '--json', 'photo'));
    expect(searched.map((h) => h.path)).toEqual(red);
    expect(json<string[]>(await run('tags', 'find', ...MODEL, '--json', 'red'))).toEqual(red);
    const album = json<{ members: { path: string }[] }>(await run('albums', 'create', ...MODEL, '--json', 'cli red', '--query', 'photo', '--threshold', '-1', '--tag', 'red'));
    expect(album.members.map((m) => m.path)).toEqual(red);

    app = await openApp(home);
    const { host, post } = app;
    expect(pathsOf((await host.search('photo', { all: true, filters: { tag: 'red' } })).photos)).toEqual(red);
    expect(await host.pathsWithTag('red')).toEqual(red);
    await host.saveAlbum({ name: 'app red', query: 'photo', threshold: -1, filters: { tag: 'red' } });
    expect(pathsOf((await host.albumPhotos('app red')).photos)).toEqual(red);
    // Over serve's HTTP: the same.
    const served = (await post('search', 'photo', { all: true, filters: { tag: 'RED' } })).result as { photos: { id: string }[] };
    expect(pathsOf(served.photos)).toEqual(red);
    await post('saveAlbum', { name: 'served red', query: 'photo', threshold: -1, filters: { tag: 'rEd' } });
    expect(pathsOf(((await post('albumPhotos', 'served red')).result as { photos: { id: string }[] }).photos)).toEqual(red);
    // A label no set has: refused by all, with the same reason.
    await expect(host.pathsWithTag('purple')).rejects.toThrow(/no label set has the label "purple"/);
    expect((await post('search', 'photo', { all: true, filters: { tag: 'purple' } })).error?.message).toMatch(/no label set has the label "purple"/);
    await app.close();
    app = null;
    const cli = await run('tags', 'find', ...MODEL, 'purple');
    expect([cli.code, cli.stderr]).toEqual([2, expect.stringMatching(/no label set has the label "purple"/)]);
  }, 300_000);

  it('refuses 2021-02-30 everywhere, with search\'s one reason', async () => {
    const searched = await run('search', ...MODEL, '--after', '2021-02-30', 'red');
    expect(searched.code).toBe(2);
    const reason = searched.stderr;
    expect(reason).toMatch(/^shoebox: --after: "2021-02-30" is not a valid date\n$/);
    const album = await run('albums', 'create', ...MODEL, 'feb', '--query', 'red', '--after', '2021-02-30');
    expect([album.code, album.stderr]).toEqual([2, reason]);
    expect((await run('albums', 'list', ...MODEL, '--json')).stdout).not.toContain('"feb"');

    app = await openApp(home);
    const message = reason.replace(/^shoebox: /, '').trim();
    await expect(app.host.createAlbum({ name: 'feb', query: 'red', after: '2021-02-30' })).rejects.toThrow(message);
    await expect(app.host.search('red', { filters: { after: '2021-02-30' } })).rejects.toThrow(message);
    expect((await app.post('search', 'red', { filters: { after: '2021-02-30' } })).error?.message).toBe(message);
  }, 300_000);
});

describe('one duplicates report and one trash for the CLI, serve and the API', () => {
  let home: string;
  let photos: string;
  let trashDir: string;
  let app: Awaited<ReturnType<typeof openApp>> | null = null;
  const run = (...args: string[]) => shoebox(['--home', home, ...args], { SHOEBOX_TRASH_DIR: trashDir });
  const file = (name: string) => path.join(photos, name);

  beforeAll(async () => {
    home = tempDir('shoebox-one-answer-home-');
    photos = tempDir('shoebox-one-answer-dupes-');
    trashDir = tempDir('shoebox-one-answer-trash-');
    await writeColourPhoto(photos, 'a.jpg', COLOURS.red!);
    fs.copyFileSync(file('a.jpg'), file('a copy.jpg'));
    await writeColourPhoto(photos, 'b.jpg', COLOURS.blue!);
    fs.copyFileSync(file('b.jpg'), file('b copy.jpg'));
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    // Touched after indexing: no trash may move it on the strength of the index.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file('b copy.jpg'), later, later);
  }, 300_000);
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(() => {
    for (const dir of [home, photos, trashDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI\'s scan is the report the app reviews, and both plan the same trash and refusals', async () => {
    type Group = { kind: string; keep: string; members: { path: string }[] };
    const cliGroups = json<Group[]>(await run('dupes', ...MODEL, '--mode', 'exact', '--json'));
    expect(cliGroups.map((g) => [g.keep, g.members.map((m) => m.path).sort()])).toEqual([
      [file('a.jpg'), [file('a copy.jpg'), file('a.jpg')]],
      [file('b.jpg'), [file('b copy.jpg'), file('b.jpg')]],
    ]);

    // The app, started afterwards, reviews that scan: no scan of its own was run.
    app = await openApp(home, { trashDir });
    const report = (await app.post('duplicates')).result as { kinds: string[]; groups: { keep: string; members: { id: string }[] }[] };
    expect(report.kinds).toEqual(['exact']);
    expect(report.groups.map((g) => [pathFromPhotoId(g.keep), pathsOf(g.members)])).toEqual(cliGroups.map((g) => [g.keep, g.members.map((m) => m.path).sort()]));
    const plan = await app.host.planDuplicateTrash();
    expect(plan.paths).toEqual([file('a copy.jpg')]);
    expect(plan.skipped).toEqual([{ path: file('b copy.jpg'), reason: 'missing or changed since it was indexed' }]);
    await app.close();
    app = null;

    // `dupes --trash` moves what the app would and refuses what it would, for the same reason.
    const trashed = json<{ members: { path: string; trashed: boolean }[] }[]>(await run('dupes', ...MODEL, '--mode', 'exact', '--trash', '--yes', '--json'));
    expect(trashed.flatMap((g) => g.members.filter((m) => m.trashed).map((m) => m.path))).toEqual(plan.paths);
    expect(fs.readdirSync(path.join(trashDir, 'files'))).toEqual(['a copy.jpg']);
    expect(fs.existsSync(file('b copy.jpg'))).toBe(true);

    // The app's trash over serve, on the report the CLI left: the moved photo is gone from it,
    // and the changed copy is refused with the CLI's reason.
    app = await openApp(home, { trashDir });
    const after = (await app.post('duplicates')).result as { groups: { members: { id: string }[] }[] };
    expect(after.groups.map((g) => pathsOf(g.members))).toEqual([[file('b copy.jpg'), file('b.jpg')]]);
    const refused = (await app.post('trashDuplicates', [photoId(file('b copy.jpg'))])).result as { moved: string[]; skipped: { path: string; reason: string }[] };
    expect(refused).toMatchObject({ moved: [], skipped: plan.skipped });
  }, 300_000);
});

describe('one model switch for the CLI, serve and the API', () => {
  let home: string;
  let photos: string;
  let app: Awaited<ReturnType<typeof openApp>> | null = null;
  const run = (...args: string[]) => shoebox(['--home', home, ...args]);

  beforeAll(async () => {
    home = tempDir('shoebox-one-answer-home-');
    photos = tempDir('shoebox-one-answer-models-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'one')).code).toBe(0);
    expect((await run('models', 'import', fixtureModelDir(TINY_TRANSFORMERS), '--id', 'two')).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);
  }, 300_000);
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(() => {
    for (const dir of [home, photos]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('`models use` and the app\'s useModel are one switch: the same model, the same photos left to embed', async () => {
    const count = Object.keys(COLOURS).length;
    const cli = json<{ id: string; pending: number }>(await run('models', 'use', 'two', '--json'));
    expect(cli).toMatchObject({ id: 'two', pending: count });

    // The app (no --model-dir: the active model) sees the CLI's switch, and its own switch
    // through the same call answers the same.
    app = await openApp(home, { modelDir: undefined });
    expect(((await app.post('status')).result as { model: { id: string } }).model.id).toBe('two');
    const back = await app.host.switchModel('one', 'later');
    expect(back).toMatchObject({ id: 'one', pending: 0 });
    const again = await app.host.switchModel('two', 'later');
    expect(again).toMatchObject({ id: 'two', pending: cli.pending });
    // serve's useModel: the same switch, re-embedding in the background.
    const served = (await app.post('useModel', 'one')).result as { model: { id: string } };
    expect(served.model.id).toBe('one');
    await app.close();
    app = null;
    expect(json<{ id: string; pending: number }>(await run('models', 'use', 'one', '--json'))).toMatchObject({ id: 'one', pending: 0 });
  }, 300_000);
});
