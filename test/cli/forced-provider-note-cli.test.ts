// A forced provider (--provider, SHOEBOX_PROVIDER or settings.json) that cannot run here falls
// back to the CPU. The commands that run the model say so once on stderr, in the core's words
// as `status` says them (`not on cuda as asked: cuda failed to load: …`, with what to do for
// CUDA), and `index`'s summary names the provider that ran: before, `index` and `search` ran on
// the CPU in silence. No CUDA provider is installed here, so a forced cuda always falls back.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const fetchCuda = process.platform === 'linux' && process.arch === 'x64' ? /npm run fetch-cuda/ : /CUDA/;
const NOTE = /^shoebox: not on cuda as asked: cuda failed to load: .+$/;

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

async function photosFolder(): Promise<string> {
  const photos = tempDir('shoebox-photos-');
  for (const name of ['red', 'green', 'blue'] as const) await writeColourPhoto(photos, `${name}.jpg`, COLOURS[name]!);
  return photos;
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('a forced provider that fell back to the CPU', () => {
  it('index says so once on stderr, in the words status uses, and its summary names the CPU', async () => {
    const home = tempDir();
    const photos = await photosFolder();
    const res = await shoebox(['--home', home, '--provider', 'cuda', 'index', ...MODEL, photos]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^3 files: 3 added, 0 updated, 0 unchanged, 0 removed, 3 embedded, 0 failed \(\d+\.\d s on cpu\)\n$/);
    const notes = lines(res.stderr);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(NOTE);
    expect(notes[0]).toMatch(fetchCuda);
    // The one core text: status's line says the same.
    const status = await shoebox(['--home', home, '--provider', 'cuda', 'status', ...MODEL]);
    expect(status.stdout.split('\n')[1]).toBe(`  ${notes[0]!.slice('shoebox: '.length)}`);
  });

  it('index --json names the provider that ran (SHOEBOX_PROVIDER asked for cuda)', async () => {
    const home = tempDir();
    const res = await shoebox(['--home', home, 'index', '--json', ...MODEL, await photosFolder()], { SHOEBOX_PROVIDER: 'cuda' });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ embedded: 3, provider: 'cpu' });
    expect(lines(res.stderr)).toEqual([expect.stringMatching(NOTE)]);
  });

  it('search and similar say so once too (settings.json asked for cuda); nothing is said when the CPU was asked for', async () => {
    const home = tempDir();
    const photos = await photosFolder();
    expect((await shoebox(['--home', home, '--provider', 'cpu', 'index', ...MODEL, photos])).code).toBe(0);
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ provider: 'cuda' }));
    const search = await shoebox(['--home', home, 'search', '--all', ...MODEL, 'red']);
    expect(search.code, search.stderr).toBe(0);
    expect(lines(search.stdout)).toHaveLength(3);
    expect(lines(search.stderr)).toEqual([expect.stringMatching(NOTE)]);
    const similar = await shoebox(['--home', home, 'similar', ...MODEL, path.join(photos, 'red.jpg')]);
    expect(similar.code, similar.stderr).toBe(0);
    expect(lines(similar.stderr)).toEqual([expect.stringMatching(NOTE)]);
    const cpu = await shoebox(['--home', home, '--provider', 'cpu', 'search', '--all', ...MODEL, 'red']);
    expect(cpu.stderr).toBe('');
  });

  it('watch says so once, when a sync first runs the model', async () => {
    const home = tempDir();
    const photos = await photosFolder();
    expect((await shoebox(['--home', home, '--provider', 'cpu', 'index', ...MODEL, photos])).code).toBe(0);
    const watch = startShoebox(['--home', home, '--provider', 'cuda', 'watch', ...MODEL], { SHOEBOX_HAND_BACK_MS: '1000' });
    children.push(watch);
    let stdout = '';
    let stderr = '';
    watch.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    watch.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await expect.poll(() => lines(stdout), { timeout: 30_000, interval: 250 }).toEqual(['watching 1 folder; Ctrl-C stops']);
    await writeColourPhoto(photos, 'grey.jpg', [128, 128, 128]);
    await expect.poll(() => lines(stdout), { timeout: 60_000, interval: 250 }).toHaveLength(2);
    await expect.poll(() => lines(stderr), { timeout: 10_000, interval: 250 }).toEqual([expect.stringMatching(NOTE)]);
    await writeColourPhoto(photos, 'white.jpg', [255, 255, 255]);
    await expect.poll(() => lines(stdout), { timeout: 60_000, interval: 250 }).toHaveLength(3);
    expect(lines(stderr)).toHaveLength(1);
  });
});
