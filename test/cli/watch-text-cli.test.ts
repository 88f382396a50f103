// `shoebox watch` in a terminal: a line per sync that changed something, and each file that
// cannot be indexed told once, not again at every catch-up (a woken watch's catch-up reads the
// known failures again: "1 failed" at each one read as a new failure); one an earlier run
// told is counted at the start as index counts it, not told again.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe('shoebox watch (text)', () => {
  it('tells a failed file once, and then only what changed', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const other = tempDir('shoebox-photos-other-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    fs.writeFileSync(path.join(photos, 'broken.jpg'), 'not a jpeg');
    await writeColourPhoto(other, 'grey.jpg', [128, 128, 128]);

    expect((await shoebox(['--home', home, 'index', photos, ...MODEL])).code).toBe(0);

    const watch = startShoebox(['--home', home, 'watch', ...MODEL], { SHOEBOX_HAND_BACK_MS: '1000' });
    children.push(watch);
    let stdout = '';
    let stderr = '';
    watch.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    watch.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = () => stdout.split('\n').filter(Boolean);
    // The catch-up at the start counts the file index already told of, as index would, and
    // points to status; it is not told again.
    await expect.poll(lines, { timeout: 30_000, interval: 250 }).toEqual(['watching 1 folder; Ctrl-C stops', '0 added, 0 updated, 0 removed, 1 failed (1 unchanged since an earlier run: shoebox status lists them)']);
    // A file that breaks while watched is new: told on stderr, once.
    fs.writeFileSync(path.join(photos, 'torn.jpg'), 'not a jpeg either');
    await expect.poll(lines, { timeout: 60_000, interval: 250 }).toHaveLength(3);
    expect(lines()[2]).toBe('0 added, 0 updated, 0 removed, 1 failed');
    // Written to stderr just after that line (watch.ts): another pipe, read here in its own time.
    await expect.poll(() => stderr, { timeout: 10_000 }).toMatch(new RegExp(`^failed: ${path.join(photos, 'torn.jpg').replace(/[/.]/g, '\\$&')}: .+\n$`));

    // Another command indexes a folder while the watch is quiet: the watch's next change is a
    // catch-up of every folder, which meets broken.jpg again and does not tell it again.
    await expect.poll(async () => (await shoebox(['--home', home, 'index', other, ...MODEL])).code, { timeout: 30_000, interval: 500 }).toBe(0);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await expect.poll(lines, { timeout: 60_000, interval: 250 }).toHaveLength(4);
    expect(lines()[3]).toBe('1 added, 0 updated, 0 removed, 0 failed');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  }, 180_000);

  it('says a renamed photo was moved, as index does', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    expect((await shoebox(['--home', home, 'index', photos, ...MODEL])).code).toBe(0);

    const watch = startShoebox(['--home', home, 'watch', ...MODEL]);
    children.push(watch);
    let stdout = '';
    watch.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const lines = () => stdout.split('\n').filter(Boolean);
    await expect.poll(lines, { timeout: 30_000, interval: 250 }).toEqual(['watching 1 folder; Ctrl-C stops']);
    fs.renameSync(path.join(photos, 'red.jpg'), path.join(photos, 'renamed.jpg'));
    // One line for the rename, said once as moved (not as an add and a removal), as `shoebox index`
    // words it (`watch --json` keeps its added, moved and removed as the summary counts them).
    await expect.poll(lines, { timeout: 60_000, interval: 250 }).toEqual(['watching 1 folder; Ctrl-C stops', '0 added, 1 moved, 0 updated, 0 removed, 0 failed']);
  }, 120_000);
});
