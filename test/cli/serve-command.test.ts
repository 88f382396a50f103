// `shoebox serve` as a command: its one-line failures and notes. (test/e2e runs it for real.)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriterLock } from '../../src/core/library/writer-lock';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';

/** One `shoebox` run, for one that should exit by itself: a serve still running after 30 s
 *  (it listened after all) is stopped, so the test fails on what it printed, leaving no process. */
function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), ...args], { env: { ...process.env, ...env } });
    const deadline = setTimeout(() => child.kill('SIGTERM'), 30_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('shoebox serve', () => {
  it('fails in one line when SHOEBOX_UI_DIR names a folder without the UI, naming the variable to fix', async () => {
    const empty = tempDir('shoebox-no-ui-');
    const r = await serve(['--home', tempDir(), 'serve'], { SHOEBOX_UI_DIR: empty });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`shoebox: SHOEBOX_UI_DIR names a folder without index.html (${empty}): point it at a built UI, or unset it to serve the one \`npm run build\` makes`]);
    // Not there at all: said so, the same way on.
    const gone = path.join(empty, 'noui');
    const none = await serve(['--home', tempDir(), 'serve'], { SHOEBOX_UI_DIR: gone });
    expect([none.code, none.stderr.trim()]).toEqual([1, `shoebox: SHOEBOX_UI_DIR names no folder (${gone}): point it at a built UI, or unset it to serve the one \`npm run build\` makes`]);
  });

  it('on a library with no folders yet, says where to add one under serve (the page), not watch\'s line', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', tempDir(), 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)], { env: { ...process.env, SHOEBOX_UI_DIR: path.join(REPO_ROOT, 'src/renderer') } });
    try {
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      await expect.poll(() => stderr, { timeout: 30_000 }).toContain('no folders yet');
      expect(stderr).toContain('shoebox: serve: no folders yet: add one in the page (Add folder) or with shoebox index DIR\n');
      expect(stderr).not.toContain('watch follows it');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('refuses a bad --port in one line', async () => {
    const r = await serve(['--home', tempDir(), 'serve', '--port', 'eighty']);
    expect(r.code).toBe(2); // how it was called: a usage error
    expect(r.stderr.trim()).toMatch(/^shoebox: --port must be an integer from 0 to 65535, got "eighty"$/);
  });

  it('beside another writer, serves the library for viewing and says who writes it, in one line', async () => {
    const home = tempDir();
    const lock = acquireWriterLock(home, 'shoebox watch');
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)], { env: { ...process.env, SHOEBOX_UI_DIR: path.join(REPO_ROOT, 'src/renderer') } });
    try {
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      await expect.poll(() => stderr, { timeout: 10_000 }).toMatch(new RegExp(`^shoebox: library busy: shoebox watch on \\S+ \\(pid ${process.pid}\\) is writing to .*; meanwhile it is served for searching and viewing, and changes are refused$`, 'm'));
    } finally {
      child.kill('SIGTERM');
      lock.release();
    }
  });

  it('listens where it did last time for the data folder (the page keeps its theme), else on any free port', async () => {
    const home = tempDir();
    const first = await portOfOneRun(home);
    const again = await startServe(home);
    expect(again.port).toBe(first);
    // Taken meanwhile (here by the serve still running): another port, remembered next time.
    const other = await portOfOneRun(home, ['--no-watch']);
    expect(other).not.toBe(first);
    await stopServe(again.child);
    expect(await portOfOneRun(home)).toBe(other);
    // --port is kept to as given, and is then the port used last.
    const asked = await freePort();
    expect(await portOfOneRun(home, ['--port', String(asked)])).toBe(asked);
    expect(await portOfOneRun(home)).toBe(asked);
    // --port 0: any free port, which is then the one used last.
    const any = await portOfOneRun(home, ['--port', '0']);
    expect(await portOfOneRun(home)).toBe(any);
  }, 180_000);

  it('refuses a --port that is taken in one line, saying what to do', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const r = await serve(['--home', tempDir(), 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH), '--port', String(port)], { SHOEBOX_UI_DIR: path.join(REPO_ROOT, 'src/renderer') });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([`shoebox: port ${port} is in use (another shoebox serve?): stop it or pass another --port`]);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('refuses a --model that is not installed, as every command does, before listening', async () => {
    const home = tempDir();
    fs.cpSync(fixtureModelDir(TINY_IMMICH), path.join(home, 'models', TINY_IMMICH), { recursive: true });
    const r = await serve(['--home', home, 'serve', '--model', 'tiny-imich'], { SHOEBOX_UI_DIR: path.join(REPO_ROOT, 'src/renderer') });
    // Not a catalog id either: a typo, so a usage error without a `models install` to follow.
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(''); // no URL: nothing listens
    expect(r.stderr.trim().split('\n')).toEqual(['shoebox: no model "tiny-imich": it is neither installed nor in the catalog (shoebox models list shows both; shoebox models import DIR brings a model folder)']);
  }, 60_000);

  it('has --help', async () => {
    const r = await serve(['serve', '--help']);
    expect(r.stdout).toMatch(/--port <n>/);
    expect(r.stdout).toMatch(/127\.0\.0\.1/);
  });
});

/** `serve` started on `home` (the tiny model, the UI's sources), once it printed its URL. */
async function startServe(home: string, args: string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH), ...args], { env: { ...process.env, SHOEBOX_UI_DIR: path.join(REPO_ROOT, 'src/renderer') } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, port: Number(new URL(url).port) };
}

async function stopServe(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The port one `serve` listened on, stopped again. */
async function portOfOneRun(home: string, args: string[] = []): Promise<number> {
  const { child, port } = await startServe(home, args);
  await stopServe(child);
  return port;
}
