// `shoebox index` as a user runs it: Ctrl-C is not a finished run (exit 130, "interrupted"),
// and a library folder that is not there (unmounted) is reported, its photos kept.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto, writeDistinctPhotos } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function photoTableVersions(home: string): number {
  const dir = path.join(home, 'library');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((t) => t.startsWith('photos')).reduce((n, t) => {
    const versions = path.join(dir, t, '_versions');
    return n + (fs.existsSync(versions) ? fs.readdirSync(versions).length : 0);
  }, 0);
}

/** Thumbnails written so far (home/thumbs/<2 hex>/<hash>.jpg): one per photo read. */
function thumbnailCount(home: string): number {
  const dir = path.join(home, 'thumbs');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((n, d) => n + fs.readdirSync(path.join(dir, d)).length, 0);
}

describe('shoebox index', () => {
  it('Ctrl-C: says how many photos are left, exits 130; the next run finishes them', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const total = 120;
    await writeDistinctPhotos(photos, total, { width: 1200, height: 900 }, '#335577');
    const child = startShoebox(['--home', home, 'index', ...MODEL, photos]);
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const end = Date.now() + 60_000;
    while (photoTableVersions(home) < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('close', r));
    expect(code).toBe(130);
    const left = Number(/interrupted: (\d+) photos? left for the next run/.exec(stdout)?.[1]);
    expect(left).toBeGreaterThan(0);

    const rest = await shoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ interrupted: false, left: 0, embedded: left });
  });

  it.runIf(process.platform !== 'win32')('photos swapped for FIFOs mid-run are failed with a reason; Ctrl-C still stops it (130, lock released)', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    // The scan lists a folder's photos before its subfolder's, and the run reads them in that
    // order: the top folder's (`first`) are read while the test swaps photos of `swapped/` for
    // FIFOs, and `swapped/last/` is still to come when Ctrl-C is sent. Distinct small photos:
    // quick to write, none a copy.
    const layout = { first: 800, swapped: 400, last: 1200 };
    const dirs = { first: photos, swapped: path.join(photos, 'swapped'), last: path.join(photos, 'swapped', 'last') };
    const files: Record<keyof typeof layout, string[]> = { first: [], swapped: [], last: [] };
    let n = 0;
    for (const part of ['first', 'swapped', 'last'] as const) {
      fs.mkdirSync(dirs[part], { recursive: true });
      for (let i = 0; i < layout[part]; i++, n++) {
        const file = path.join(dirs[part], `p${String(i).padStart(4, '0')}.jpg`);
        files[part].push(file);
        const background = { r: n & 255, g: (n >> 8) * 20, b: 128 };
        await sharp({ create: { width: 320, height: 240, channels: 3, background } }).jpeg({ quality: 85 }).toFile(file);
      }
    }
    const child = startShoebox(['--home', home, 'index', ...MODEL, photos]);
    children.push(child);
    // The exit code, or the signal that ended it (a crash at exit reads as a signal, not as a code).
    const closed = new Promise((r) => child.once('close', (code, signal) => r(code ?? signal)));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const until = async (done: () => boolean, what: string) => {
      const end = Date.now() + 90_000;
      while (!done() && Date.now() < end && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
      if (!done()) throw new Error(`the run ${child.exitCode === null ? 'timed out' : `ended (${child.exitCode})`} before ${what}; stderr: ${stderr}`);
    };
    // A thumbnail is written as each photo is read: the run has scanned and is reading the top folder.
    await until(() => thumbnailCount(home) > 0, 'its first thumbnail');
    expect(thumbnailCount(home), 'the run read past the top folder before the swap: it needs more photos there').toBeLessThan(layout.first / 2);
    // Every fourth photo of `swapped/` becomes a FIFO: opening one would wait for a writer forever.
    // One `mkfifo` for all of them, so the swap is over in moments however loaded the machine is.
    const fifos = files.swapped.filter((_, i) => i % 4 === 3);
    for (const f of fifos) fs.rmSync(f);
    execFileSync('mkfifo', fifos);
    // Ctrl-C once the run is well into `swapped/last/` (past every FIFO, with most of it to go).
    const pastFifos = layout.first + layout.swapped - fifos.length + 100;
    await until(() => thumbnailCount(home) >= pastFifos, 'it was past the FIFOs');
    expect(thumbnailCount(home), 'the run is nearly done before Ctrl-C: it needs more photos in last/').toBeLessThan(pastFifos + layout.last / 2);
    child.kill('SIGINT');
    const code = await Promise.race([closed, new Promise((r) => setTimeout(() => r('still running'), 60_000))]);
    expect(code, stderr).toBe(130);
    expect(fs.existsSync(path.join(home, 'library.lock'))).toBe(false);
    // Every FIFO was met, each failed with the reason; no real photo failed.
    const failed = [...stderr.matchAll(/^failed: (.+): (.+)$/gm)].map((m) => [m[1], m[2]]);
    expect(failed.map(([file]) => file).sort()).toEqual([...fifos].sort());
    for (const [, reason] of failed) expect(reason).toBe('not a regular file (a FIFO)');
  }, 240_000);

  it('control characters in file names are escaped in text output and exact in --json', async () => {
    const photos = tempDir('shoebox-photos-');
    const name = 'evil\u001b[2J\nname.jpg';
    fs.writeFileSync(path.join(photos, name), 'not a photo');
    const text = await shoebox(['--home', tempDir(), 'index', ...MODEL, photos]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toContain(`failed: ${photos}/evil\\x1b[2J\\nname.jpg: not an image (unrecognised content)\n`);
    expect(text.stdout + text.stderr).not.toContain('\u001b');
    const json = await shoebox(['--home', tempDir(), 'index', ...MODEL, '--json', photos]);
    expect(JSON.parse(json.stdout).failed).toEqual([{ path: path.join(photos, name), reason: 'not an image (unrecognised content)' }]);
  });

  it.runIf(process.platform === 'linux')('on a terminal the bar counts photos, not other files, and the summary starts on its own line', async () => {
    const photos = tempDir('shoebox-photos-');
    for (const [n, rgb] of Object.entries(COLOURS).slice(0, 3)) await writeColourPhoto(photos, `${n}.jpg`, rgb);
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(photos, `doc${i}.pdf`), '%PDF-1.4 not a photo');
    const bin = path.join(REPO_ROOT, 'bin/shoebox.js');
    const command = [process.execPath, bin, '--home', tempDir(), 'index', ...MODEL, photos].map((a) => `'${a}'`).join(' ');
    // `script` runs it on a pseudo-terminal, where the bar is drawn (stdout and stderr both land there).
    const res = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
    expect(res.status, res.stdout).toBe(0);
    const bars = [...res.stdout.matchAll(/\] (\d+)\/(\d+) /g)].map((m) => Number(m[2]));
    expect(bars.length).toBeGreaterThan(0);
    expect(new Set(bars)).toEqual(new Set([3]));
    expect(res.stdout).toMatch(/(^|\n)23 files: 3 added/);
  }, 180_000);

  it.runIf(process.platform === 'linux')('/proc and the data folder itself are refused as library folders (exit 2, one line)', async () => {
    const home = tempDir();
    fs.mkdirSync(path.join(home, 'inbox'));
    for (const folder of ['/proc', '/sys/kernel', home, path.join(home, 'inbox')]) {
      const res = await shoebox(['--home', home, 'index', ...MODEL, folder]);
      expect(res.code, res.stderr).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(/^shoebox: not a photo folder: \S+ (is a system folder|holds Shoebox's own data)[^\n]*\n$/);
    }
    const folders = await shoebox(['--home', home, 'folders', 'list', ...MODEL, '--json']);
    expect(JSON.parse(folders.stdout)).toEqual([]);
  }, 120_000);

  it('a library folder that is not there is reported in one line and its photos are kept', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await shoebox(['--home', home, 'index', ...MODEL, photos])).code).toBe(0);
    fs.renameSync(photos, `${photos}.away`);
    const res = await shoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ removed: 0, unavailable: [{ path: photos, reason: 'folder not found (unmounted?)', kept: 4 }] });
    expect(res.stderr.trim()).toBe(`shoebox: folder not found (unmounted?): ${photos} — its 4 photos are kept`);
    const status = JSON.parse((await shoebox(['--home', home, 'status', ...MODEL, '--json'])).stdout);
    expect(status.photos).toBe(4);
    const text = await shoebox(['--home', home, 'status', ...MODEL]);
    expect(text.stdout).toContain(`  ${photos}\t4 photos (folder not found (unmounted?); photos kept)\n`);
  });

  it('a library folder moved into another one (mv A B/A) keeps its photos and says how to drop the old entries', async () => {
    const home = tempDir();
    const root = tempDir('shoebox-cli-moved-');
    const [a, b] = [path.join(root, 'A'), path.join(root, 'B')];
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(a, `${name}.jpg`, rgb);
    await writeColourPhoto(b, 'grey.jpg', [128, 128, 128]);
    expect((await shoebox(['--home', home, 'index', ...MODEL, a, b])).code).toBe(0);
    expect((await shoebox(['--home', home, 'favourites', 'add', ...MODEL, path.join(a, 'red.jpg')])).code).toBe(0);
    fs.renameSync(a, path.join(b, 'A'));
    const res = await shoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(res.code, res.stderr).toBe(0);
    // Nothing dropped by itself (a folder not found may be an unmounted disk), but said.
    expect(JSON.parse(res.stdout)).toMatchObject({ added: 4, removed: 0, embedded: 0, unavailable: [{ path: a, kept: 4, copiesAt: path.join(b, 'A') }] });
    const line = `${a} is not found and all 4 of its photos are in the library under ${path.join(b, 'A')} too (moved there?): shoebox folders remove ${a} drops the old entries; tags and favourites stay with the photos`;
    expect(res.stderr.trim().split('\n')).toEqual([`shoebox: folder not found (unmounted?): ${a} — its 4 photos are kept`, `shoebox: ${line}`]);
    expect((await shoebox(['--home', home, 'status', ...MODEL])).stdout).toContain(`  ${a}\t4 photos (folder not found (unmounted?); photos kept)\n    ${line}\n`);
    // Followed: one copy of each photo, the favourite with it.
    expect((await shoebox(['--home', home, 'folders', 'remove', ...MODEL, a])).code).toBe(0);
    const list = JSON.parse((await shoebox(['--home', home, 'list', ...MODEL, '--json'])).stdout) as { path: string }[];
    expect(list.map((p) => path.relative(root, p.path)).sort()).toEqual(['B/A/blue.jpg', 'B/A/green.jpg', 'B/A/red.jpg', 'B/A/yellow.jpg', 'B/grey.jpg'].map((p) => p.split('/').join(path.sep)));
    expect((await shoebox(['--home', home, 'favourites', 'list', ...MODEL])).stdout.trim()).toBe(path.join(b, 'A', 'red.jpg'));
  });

  it('a folder not found whose photos are only partly elsewhere in the library is not called moved', async () => {
    const home = tempDir();
    const root = tempDir('shoebox-cli-notmoved-');
    const [a, b] = [path.join(root, 'A'), path.join(root, 'B')];
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(a, `${name}.jpg`, rgb);
    expect((await shoebox(['--home', home, 'index', ...MODEL, a, b])).code).toBe(0);
    fs.mkdirSync(path.join(b, 'A'));
    for (const name of ['red', 'green', 'blue']) fs.copyFileSync(path.join(a, `${name}.jpg`), path.join(b, 'A', `${name}.jpg`));
    fs.renameSync(a, `${a}.away`); // yellow.jpg is nowhere else in the library
    const res = await shoebox(['--home', home, 'index', ...MODEL, '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ added: 3, unavailable: [{ path: a, reason: 'folder not found (unmounted?)', kept: 4 }] });
    expect(JSON.parse(res.stdout).unavailable[0].copiesAt).toBeUndefined();
    expect(res.stderr).not.toMatch(/moved there/);
    expect((await shoebox(['--home', home, 'status', ...MODEL])).stdout).not.toMatch(/moved there/);
  });
});
