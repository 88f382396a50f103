// `shoebox watch` is the library's always-on indexer (a service, a login item on the GPU box).
// Started while another device writes the shared library (`serve` on a laptop that just marked
// a favourite), it waits for that writer, saying so once on stderr, and says "watching" only
// once it watches: it does not exit "library busy", as every one-off command does.
import os from 'node:os';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tryAcquireWriterLease } from '../../src/core/store/writer-lease';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
const releases: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const release of releases.splice(0)) await release();
});

describe('shoebox watch started while another device writes the library', () => {
  it('waits for it (said once), then watches; it does not exit', async () => {
    // One library folder (a NAS mount) shared by two homes: the GPU box's and a laptop's.
    const library = tempDir('shoebox-shared-library-');
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const box = tempDir('shoebox-box-');
    expect((await shoebox(['--home', box, '--library', library, 'index', photos, ...MODEL])).code).toBe(0);

    // The laptop's `serve` writes it now (the lease taken as it would: this test's process stands in).
    const attempt = await tryAcquireWriterLease(library, { command: 'shoebox serve' });
    if (!attempt.acquired) throw new Error('the new library is not free');
    releases.push(() => attempt.lease.release());

    const watch = startShoebox(['--home', box, '--library', library, 'watch', ...MODEL], { SHOEBOX_HAND_BACK_MS: '3600000' });
    children.push(watch);
    let stdout = '';
    let stderr = '';
    let exit: number | null = null;
    watch.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    watch.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    watch.once('exit', (code) => (exit = code));

    const waiting = `shoebox: watch: waiting: shoebox serve on ${os.hostname()} (pid ${process.pid}) is writing to ${library}; watching starts once it is done or quiet\n`;
    await expect.poll(() => stderr, { timeout: 60_000, interval: 250 }).toBe(waiting);
    // Still waiting a while later (the refused watch used to exit 1 within seconds), not watching yet.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(exit).toBeNull();
    expect(stdout).toBe('');

    // The laptop is done: the watch takes the library, catches up and says it watches.
    await attempt.lease.release();
    await expect.poll(() => stdout, { timeout: 60_000, interval: 250 }).toBe('watching 1 folder; Ctrl-C stops\n');
    expect(stderr).toBe(waiting); // said once

    watch.kill('SIGINT');
    await expect.poll(() => exit, { timeout: 30_000, interval: 100 }).toBe(0);
  }, 180_000);
});
