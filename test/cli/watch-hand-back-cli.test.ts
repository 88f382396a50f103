// `shoebox watch` left running (the family's GPU box) does not keep the library to itself: once
// quiet it gives the writer lock back, so a command run meanwhile (here, on the same data
// folder, as a second device's would on a shared library) writes; the watch's next change
// takes the lock again and is indexed.
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { HAND_BACK_MS } from '../../src/core/library/writer-hand-back';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe('shoebox watch', () => {
  it('lets other commands write while it is quiet, and indexes the next change', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    expect((await shoebox(['--home', home, 'index', photos, ...MODEL])).code).toBe(0);

    const watch = startShoebox(['--home', home, 'watch', ...MODEL, '--json']);
    children.push(watch);
    const syncs = syncLines(watch);
    let stderr = '';
    watch.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await expect.poll(() => syncs.length, { timeout: 30_000 }).toBeGreaterThan(0);

    // While it has just caught up, the lock is the watch's; once quiet, the command goes through.
    const favourite = () => shoebox(['--home', home, 'favourites', 'add', path.join(photos, 'red.jpg'), ...MODEL]);
    const early = await favourite();
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^shoebox: library busy: shoebox watch on \S+ \(pid \d+\) is writing to /);
    await new Promise((resolve) => setTimeout(resolve, HAND_BACK_MS));
    await expect.poll(async () => (await favourite()).code, { timeout: 30_000, interval: 1000 }).toBe(0);

    // A photo saved into the watched folder: the watch takes the lock back and indexes it.
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await expect.poll(() => syncs.reduce((n, s) => n + s.added, 0), { timeout: 60_000, interval: 500 }).toBe(1);
    const list = await shoebox(['--home', home, 'list', '--json', ...MODEL]);
    const listed = JSON.parse(list.stdout) as { path: string; favourite?: boolean }[];
    expect(listed.map((p) => [path.basename(p.path), p.favourite === true]).sort()).toEqual([['blue.jpg', false], ['red.jpg', true]]);
    expect(stderr).toBe('');
  }, 180_000);

  it('woken by a change, indexes that change alone unless the library changed meanwhile (then it catches up)', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const other = tempDir('shoebox-photos-other-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(photos, 'green.jpg', COLOURS.green!);
    await writeColourPhoto(other, 'grey.jpg', [128, 128, 128]);
    await writeColourPhoto(other, 'white.jpg', [245, 245, 245]);
    expect((await shoebox(['--home', home, 'index', photos, ...MODEL])).code).toBe(0);

    const watch = startShoebox(['--home', home, 'watch', ...MODEL, '--json'], { SHOEBOX_HAND_BACK_MS: '1000' });
    children.push(watch);
    const syncs = syncLines(watch);
    await expect.poll(() => syncs.length, { timeout: 30_000 }).toBe(1);
    expect(syncs[0]).toMatchObject({ scanned: 2, added: 0 }); // the catch-up
    // Quiet: given back (a favourite from another command goes through; it writes no photo).
    await expect.poll(async () => (await shoebox(['--home', home, 'favourites', 'add', path.join(photos, 'red.jpg'), ...MODEL])).code, { timeout: 30_000, interval: 500 }).toBe(0);

    // A new photo wakes it: the lock taken again, that photo indexed, nothing else read.
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await expect.poll(() => syncs.length, { timeout: 60_000, interval: 250 }).toBe(2);
    expect(syncs[1]).toMatchObject({ scanned: 1, added: 1 });

    // Another command indexes a folder of its own meanwhile: the next change is a catch-up of
    // the library's folders as they are now (the new one included). (Or the watch's look at the
    // folders every 10 s comes first and catches up before yellow is written: then yellow is
    // indexed alone after it.)
    const before = syncs.length;
    await expect.poll(async () => (await shoebox(['--home', home, 'index', other, ...MODEL])).code, { timeout: 30_000, interval: 500 }).toBe(0);
    await writeColourPhoto(photos, 'yellow.jpg', COLOURS.yellow!);
    await expect.poll(() => syncs.reduce((n, s) => n + s.added, 0), { timeout: 60_000, interval: 250 }).toBe(2);
    // red, green, blue and the other folder's grey and white (and yellow, when it was there by
    // then): more than this folder alone holds.
    expect(Math.max(...syncs.slice(before).map((s) => s.scanned))).toBeGreaterThanOrEqual(5);
  }, 180_000);

  it('follows a folder another command added while it was quiet, with no change elsewhere to wake it', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    // Started on an empty library (the GPU box set up first), then a folder is indexed beside it.
    const watch = startShoebox(['--home', home, 'watch', ...MODEL, '--json'], { SHOEBOX_HAND_BACK_MS: '1000' });
    children.push(watch);
    const syncs = syncLines(watch);
    let stderr = '';
    watch.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // No folder yet: said once, and no lock held, so the index beside it is never refused as busy.
    await expect.poll(() => stderr, { timeout: 30_000 }).toContain('no folders yet');
    expect(syncs).toEqual([]);
    expect(await shoebox(['--home', home, 'index', photos, ...MODEL])).toMatchObject({ code: 0 });
    // The watch reads the folders now and then, and catches up on the new one (nothing to add).
    await expect.poll(() => syncs.length, { timeout: 40_000, interval: 250 }).toBe(1);
    expect(syncs[0]).toMatchObject({ scanned: 1, added: 0 });
    // Followed: a photo saved there is indexed.
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await expect.poll(() => syncs.reduce((n, s) => n + s.added, 0), { timeout: 60_000, interval: 250 }).toBe(1);
  }, 180_000);
});

/** The watch's `--json` summaries, one per sync, as they come. */
function syncLines(watch: ChildProcessWithoutNullStreams): { scanned: number; added: number }[] {
  const syncs: { scanned: number; added: number }[] = [];
  let buffered = '';
  watch.stdout.on('data', (d: Buffer) => {
    const parts = (buffered + d.toString()).split('\n');
    buffered = parts.pop()!;
    for (const p of parts) if (p.trim()) syncs.push(JSON.parse(p));
  });
  return syncs;
}
