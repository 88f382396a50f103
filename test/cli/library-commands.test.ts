// The library commands as a user runs them: spawned `shoebox` processes on a temp home.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto, writeDistinctPhotos } from '../helpers/images';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function listPaths(home: string): Promise<string[]> {
  const res = await shoebox(['--home', home, 'list', ...MODEL, '--json']);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { path: string }[]).map((p) => p.path).sort();
}

describe('shoebox index / status / list / search / similar / folders', () => {
  it('works end to end with --json documents and exit codes', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    fs.writeFileSync(path.join(photos, 'broken.jpg'), '');

    // Nothing indexed yet (or a mistyped --library): said, with the way to start, not just "0 photos".
    const empty = await shoebox(['--home', home, 'status', ...MODEL]);
    expect(empty.code, empty.stderr).toBe(0);
    // Which library it read comes first, so a mistyped one shows at once.
    expect(empty.stdout.split('\n').slice(1, 3)).toEqual([`  library: ${path.join(home, 'library')}`, '  an empty library: `shoebox index FOLDER` starts it (a mistyped --library or SHOEBOX_LIBRARY names an empty one too)']);

    const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos]);
    expect(index.code, index.stderr).toBe(0); // exit 0 even though a photo failed
    const summary = JSON.parse(index.stdout);
    expect(summary).toMatchObject({ scanned: 5, added: 4, updated: 0, unchanged: 0, removed: 0, embedded: 4 });
    expect(summary.failed).toEqual([{ path: path.join(photos, 'broken.jpg'), reason: expect.any(String) }]);
    expect(typeof summary.seconds).toBe('number');

    const status = JSON.parse((await shoebox(['--home', home, 'status', ...MODEL, '--json'])).stdout);
    expect(status).toMatchObject({ photos: 4, pending: 0, model: TINY_IMMICH, provider: 'cpu' });
    expect(status.failed).toHaveLength(1);
    expect(status.folders).toEqual([{ path: photos, photos: 4, videos: 0 }]);

    // --all: past the relevance cut-off (only yellow.jpg is relevant), to page through the ranking.
    const search = await shoebox(['--home', home, 'search', ...MODEL, '--json', '--all', '--limit', '2', 'yellow']);
    const hits = JSON.parse(search.stdout) as { path: string; score: number }[];
    expect(hits).toHaveLength(2);
    expect(hits[0]!.path).toBe(path.join(photos, 'yellow.jpg'));
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);

    const page2 = JSON.parse((await shoebox(['--home', home, 'search', ...MODEL, '--json', '--all', '--limit', '2', '--offset', '2', 'yellow'])).stdout);
    expect(page2.map((h: { path: string }) => h.path)).not.toContain(hits[0]!.path);

    // similar: an image outside the library works too.
    const outside = await writeColourPhoto(tempDir(), 'query.jpg', [30, 40, 200]);
    const similar = JSON.parse((await shoebox(['--home', home, 'similar', ...MODEL, '--json', '--limit', '1', outside])).stdout);
    expect(similar[0].path).toBe(path.join(photos, 'blue.jpg'));

    // A rename, as text: to the indexer an add and a remove that embedded nothing, said once, as a move.
    fs.renameSync(path.join(photos, 'yellow.jpg'), path.join(photos, 'amarillo.jpg'));
    const renamed = await shoebox(['--home', home, 'index', ...MODEL, photos]);
    expect(renamed.stdout).toMatch(/^5 files: 0 added, 1 moved, 0 updated, 3 unchanged, 0 removed, 0 embedded, 1 failed \(1 unchanged since an earlier run: shoebox status lists them\) /m);
    // The damaged file, told by the first run and unchanged since, is counted, not told again.
    expect(renamed.stderr).toBe('');

    const folders = JSON.parse((await shoebox(['--home', home, 'folders', 'list', ...MODEL, '--json'])).stdout);
    expect(folders.map((f: { path: string }) => f.path)).toEqual([photos]);
    expect((await shoebox(['--home', home, 'folders', 'remove', ...MODEL, '--json', photos])).code).toBe(0);
    expect(await listPaths(home)).toEqual([]);
  });

  it('without a model says how to get one, in one line, exit 1', async () => {
    const res = await shoebox(['--home', tempDir(), 'index', '--json', tempDir()]);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/no model: install one/);
  });
});

describe('crash safety', () => {
  it('after kill -9 mid-run, a new run completes the library without duplicates or re-embedding finished photos', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    // Enough camera-ish JPEGs that the run takes a few seconds.
    const total = 160;
    await writeDistinctPhotos(photos, total, { width: 1600, height: 1200 }, '#884422');
    const child = startShoebox(['--home', home, 'index', ...MODEL, '--json', photos]);
    children.push(child);
    const versions = path.join(home, 'library');
    // Wait for a few commits of photo batches, then pull the plug.
    await until('a few committed batches', async () => (countManifests(versions) >= 4 ? true : undefined));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const committed = await listPaths(home);
    expect(new Set(committed).size).toBe(committed.length);
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.length).toBeLessThan(total);

    const resume = await shoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(resume.code, resume.stderr).toBe(0);
    const s = JSON.parse(resume.stdout);
    // Everything committed before the kill is reused, the rest is embedded once.
    expect(s.unchanged).toBe(committed.length);
    expect(s.embedded).toBe(total - committed.length);
    const after = await listPaths(home);
    expect(after).toHaveLength(total);
    expect(new Set(after).size).toBe(total);
  });
});

describe('shoebox watch', () => {
  it('catches up at start, then follows adds, deletes and renames; readers work, a second writer is refused', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    expect((await shoebox(['--home', home, 'index', ...MODEL, '--json', photos])).code).toBe(0);
    // Changed while nothing watched: caught up on start.
    await writeColourPhoto(photos, 'green.jpg', COLOURS.green!);

    // Keeping the writer lock while quiet (an hour), so the second writer below is refused
    // however slow the machine (the lock given back while quiet: watch-hand-back-cli.test.ts).
    const watch = startShoebox(['--home', home, 'watch', ...MODEL, '--json'], { SHOEBOX_HAND_BACK_MS: '3600000' });
    children.push(watch);
    const lines: { added: number; embedded: number; removed: number; moved: number }[] = [];
    let buffered = '';
    watch.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const p of parts) if (p.trim()) lines.push(JSON.parse(p));
    });
    await until('catch-up', async () => (lines.length >= 1 ? true : undefined));
    expect(lines[0]).toMatchObject({ added: 1, embedded: 1 });

    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await until('the new photo', async () => ((await listPaths(home)).some((p) => p.endsWith('blue.jpg')) ? true : undefined));

    fs.renameSync(path.join(photos, 'green.jpg'), path.join(photos, 'verde.jpg'));
    await until('the rename', async () => {
      const paths = await listPaths(home);
      return paths.some((p) => p.endsWith('verde.jpg')) && !paths.some((p) => p.endsWith('green.jpg')) ? true : undefined;
    });
    // Its summary line follows the commit a reader sees (written after it, then piped here).
    await until("the rename's summary", async () => (lines.some((l) => l.moved === 1) ? true : undefined));
    expect(lines.some((l) => l.moved === 1 && l.embedded === 0)).toBe(true);

    fs.rmSync(path.join(photos, 'red.jpg'));
    await until('the delete', async () => (!(await listPaths(home)).some((p) => p.endsWith('red.jpg')) ? true : undefined));

    const second = await shoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/library busy/);
    expect((await shoebox(['--home', home, 'search', ...MODEL, '--json', 'blue'])).code).toBe(0);

    watch.kill('SIGTERM');
    const code = await new Promise((r) => watch.once('close', r));
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(home, 'library.lock'))).toBe(false);
  });
});

function countManifests(libraryDir: string): number {
  if (!fs.existsSync(libraryDir)) return 0;
  let count = 0;
  for (const table of fs.readdirSync(libraryDir)) {
    if (!table.startsWith('photos')) continue;
    const versions = path.join(libraryDir, table, '_versions');
    if (fs.existsSync(versions)) count += fs.readdirSync(versions).length;
  }
  return count;
}
