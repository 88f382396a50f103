// The library's writer lease (src/core/store/writer-lease.ts) on a real S3 server (Ceph's
// RADOS Gateway) and on a local folder: of several processes that find it free at the same
// moment exactly one takes it; a live holder is never taken over, an expired or dead one is;
// a holder whose lease was taken over stops writing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/base/process-alive';
import { resolveLibraryLocation, type LibraryLocation } from '../../src/core/location/library-location';
import { LeaseLostError, readWriterLease, tryAcquireWriterLease, type WriterLease } from '../../src/core/store/writer-lease';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';
import { startS3Proxy } from '../helpers/s3-proxy';

const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

const helpers = path.join(import.meta.dirname, '../helpers');
const held: WriterLease[] = [];
afterEach(async () => {
  while (held.length) await held.pop()!.release();
});

function contend(contenders: number, uris: string[], env: Record<string, string>): Promise<string> {
  const barrier = tempDir('shoebox-lease-race-');
  const runs = Array.from({ length: contenders }, () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(helpers, 's3-lease-contender.mjs'), barrier, String(contenders), ...uris], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`contender exited ${code}: ${stderr}`))));
    }),
  );
  return Promise.all(runs).then(() => barrier);
}

function winners(barrier: string, trials: number): number[] {
  return Array.from({ length: trials }, (_, i) => fs.readdirSync(path.join(barrier, String(i))).filter((f) => f.startsWith('won-')).length);
}

async function take(location: LibraryLocation, command: string, timing: { ttlMs?: number; renewMs?: number } = {}): Promise<WriterLease> {
  const attempt = await tryAcquireWriterLease(location, { command, ...timing });
  if (!attempt.acquired) throw new Error(`lease not taken: held by ${JSON.stringify(attempt.holder)}`);
  held.push(attempt.lease);
  return attempt.lease;
}

function leaseTests(where: () => Promise<{ location: (uri?: string) => Promise<LibraryLocation>; uri: () => string; env: Record<string, string> }>) {
  it('of four processes finding the lease free at the same moment, exactly one takes it, every time', async () => {
    const { uri, env } = await where();
    const trials = 5;
    const uris = Array.from({ length: trials }, () => uri());
    const barrier = await contend(4, uris, env);
    const wins = winners(barrier, trials);
    expect(wins.filter((n) => n !== 1), `winners per trial: ${wins.join(', ')}`).toEqual([]);
  }, 300_000);

  it('of four processes finding a released lease at the same moment, exactly one takes it, every time', async () => {
    const { uri, env, location } = await where();
    const trials = 5;
    const uris = Array.from({ length: trials }, () => uri());
    // Each lease was held and given up: the race is on the swap alone, not on creating the table.
    for (const u of uris) await (await take(await location(u), 'shoebox index')).release();
    held.length = 0;
    const barrier = await contend(4, uris, env);
    const wins = winners(barrier, trials);
    expect(wins.filter((n) => n !== 1), `winners per trial: ${wins.join(', ')}`).toEqual([]);
  }, 300_000);

  it('a live holder is refused to others and named; released, it is free at once', async () => {
    const { location } = await where();
    const loc = await location();
    const first = await take(loc, 'shoebox watch');
    const second = await tryAcquireWriterLease(loc, { command: 'shoebox index' });
    expect(second.acquired).toBe(false);
    if (!second.acquired) expect(second.holder).toMatchObject({ command: 'shoebox watch', pid: process.pid });
    expect(await readWriterLease(loc)).toMatchObject({ command: 'shoebox watch' });
    await first.release();
    expect(await readWriterLease(loc)).toBeNull(); // readers see it free; they never wait on it
    await take(loc, 'shoebox index');
  });

  it('a lease not renewed expires and is taken over; its old holder then refuses to write', async () => {
    const { location } = await where();
    const loc = await location();
    // A holder that stopped renewing (frozen, asleep, cut off): a short TTL, no renewals. (Short,
    // not too short: its clock starts before the claim; taking the lease (a young table waits
    // 1 s and reads it back) and asking for it again are several requests to the store each,
    // which a loaded machine's Ceph answers in seconds.)
    const stalled = await take(loc, 'shoebox watch', { ttlMs: 20_000, renewMs: 3_600_000 });
    expect((await tryAcquireWriterLease(loc, { command: 'shoebox index' })).acquired).toBe(false);
    // Expired: readers see it free (expires_at passed), as the taker below will.
    await expect.poll(() => readWriterLease(loc), { timeout: 60_000, interval: 500 }).toBeNull();
    await take(loc, 'shoebox index');
    await stalled.renew();
    expect(() => stalled.assertHeld()).toThrow(LeaseLostError);
    expect(() => stalled.assertHeld()).toThrow(/^library lease lost: shoebox index on \S+ \(pid \d+\) took it over after it expired; stopped writing$/);
  });

  it('a holder that keeps renewing keeps the lease past its TTL', async () => {
    const { location } = await where();
    const loc = await location();
    const holder = await take(loc, 'shoebox watch', { ttlMs: 10_000, renewMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect((await tryAcquireWriterLease(loc, { command: 'shoebox index' })).acquired).toBe(false);
    expect(() => holder.assertHeld()).not.toThrow();
  });

  it("a holder on this host that died (kill -9) is taken over at once, before its lease's expiry", async () => {
    const { location, env } = await where();
    const loc = await location();
    const child = spawn(process.execPath, [path.join(helpers, 's3-lease-holder.mjs'), loc.uri], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    const said = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    expect(said.trim()).toBe('held');
    expect((await tryAcquireWriterLease(loc, { command: 'shoebox index' })).acquired).toBe(false);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    await take(loc, 'shoebox index');
  });

  it.skipIf(!pidNamespaces)('a live holder in another pid namespace of this host (a container, a sandbox) is waited for, not taken for dead', async () => {
    const { location, env } = await where();
    const loc = await location();
    // Its pid in its own namespace, a number that names no process here: pids there are handed
    // out in order from 1, so the shell (1) starts that many short processes first.
    let pid = 300;
    while (isProcessAlive(pid)) pid++;
    const holderScript = path.join(helpers, 's3-lease-holder.mjs');
    const script = `i=2; while [ $i -lt ${pid} ]; do true & i=$((i+1)); done; wait; ${process.execPath} ${holderScript} "$0"; true`;
    const child = spawn('unshare', ['-pf', '--kill-child', '--mount-proc', 'sh', '-c', script, loc.uri], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    try {
      const said = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
      expect(said.trim()).toBe('held');
      expect(await readWriterLease(loc)).toMatchObject({ host: os.hostname(), command: 'lease holder', pid });
      expect(isProcessAlive(pid)).toBe(false);
      const attempt = await tryAcquireWriterLease(loc, { command: 'shoebox index' });
      expect(attempt.acquired).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('close', resolve));
    }
  });
}

/** Whether this machine lets us start a process in a pid namespace of its own (root, or user namespaces). */
const pidNamespaces = spawnSync('unshare', ['-pf', '--kill-child', '--mount-proc', 'true']).status === 0;

describe.skipIf(!s3)('the writer lease on S3 (Ceph RGW)', () => {
  leaseTests(async () => {
    const env = awsEnv(s3!);
    const uri = () => s3LibraryUri(s3!, s3Prefix('lease'));
    return { uri, env, location: (u = uri()) => resolveLibraryLocation(u, { defaultDir: '/nonexistent', env }) };
  });
});

describe.skipIf(!s3)('the writer lease when the network drops as it is taken', () => {
  it('says so in the one line the store gives, not LanceDB\'s page of causes', async () => {
    // The bucket check before LanceDB connects gets through; LanceDB's own requests do not.
    const proxy = await startS3Proxy(s3!.endpoint, { connections: 1 });
    try {
      const location = await resolveLibraryLocation(s3LibraryUri(s3!, s3Prefix('lease-cut')), { defaultDir: '/nonexistent', env: awsEnv(s3!, proxy.endpoint) });
      const failed = await tryAcquireWriterLease(location, { command: 'test' }).then(
        () => null,
        (error: Error) => error,
      );
      expect(failed?.message).toMatch(/^lost the connection to s3:\/\/\S+ at http:\/\/127\.0\.0\.1:\d+ \([^)]+\): what was committed is kept; trying again resumes from there$/);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

describe('the writer lease on a local folder', () => {
  leaseTests(async () => {
    const uri = () => path.join(tempDir('shoebox-lease-'), 'library');
    return { uri, env: {}, location: (u = uri()) => resolveLibraryLocation(u, { defaultDir: '/nonexistent' }) };
  });

  it("two homes sharing one library folder (a NAS mount): the second home's index is refused, naming the writer; its reads answer", async () => {
    const library = path.join(tempDir('shoebox-nas-'), 'library');
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const first = await shoebox(['--home', tempDir(), '--library', library, 'index', ...MODEL, photos]);
    expect(first.code, first.stderr).toBe(0);
    // Another home's writer (the home's own pid lock cannot see it: only the lease can).
    const holder = spawn(process.execPath, [path.join(helpers, 's3-lease-holder.mjs'), library], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      expect((await new Promise<string>((resolve) => holder.stdout.once('data', (d: Buffer) => resolve(d.toString())))).trim()).toBe('held');
      const refused = await shoebox(['--home', tempDir(), '--library', library, 'index', ...MODEL, photos]);
      expect(refused.code).toBe(1);
      // A holder on another device could have stopped: when its lease lapses by itself is said too.
      expect(refused.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^shoebox: library busy: lease holder on ${os.hostname()} \\(pid ${holder.pid}\\) is writing to ${library.replace(/[/.]/g, '\\$&')}; stop it or wait for it to finish \\(if it has stopped, its lease lapses by itself at \\d\\d:\\d\\d:\\d\\d, in ([12]\\d|30) s\\)$`)),
      ]);
      const search = await shoebox(['--home', tempDir(), '--library', library, 'search', ...MODEL, '--json', 'yellow']);
      expect(search.code, search.stderr).toBe(0);
      expect((JSON.parse(search.stdout) as { path: string }[])[0]!.path).toBe(path.join(photos, 'yellow.jpg'));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
