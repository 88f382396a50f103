// What scripts rely on from every command: usage mistakes exit 2 with one line, a closed pipe
// is not a crash, relative paths mean what they mean in a shell, and commands that embed use
// the active model like the library commands do.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShoebox } from './run-cli';
import { REPO_ROOT, fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir('shoebox-cli-home-');
  photos = tempDir('shoebox-cli-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  expect((await runShoebox(['models', 'import', fixtureModelDir(TINY_IMMICH)], { SHOEBOX_HOME: home })).code).toBe(0);
  expect((await runShoebox(['index', photos], { SHOEBOX_HOME: home })).code).toBe(0);
});

describe('shoebox conventions', () => {
  it('mistyped arguments are usage errors: exit 2, one line', async () => {
    for (const args of [['list', '--limit', '0'], ['list', '--offset', 'abc'], ['--provider', 'foo', 'info'], ['serve', '--port', 'abc']]) {
      const res = await runShoebox(args, { SHOEBOX_HOME: home });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(res.stderr, args.join(' ')).toMatch(/^shoebox: /);
    }
  });

  it('a reader that goes away (| head) ends the command quietly, exit 0', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), 'list'], { env: { ...process.env, SHOEBOX_HOME: home } });
    child.stdout.destroy(); // as `head` does once it has what it wants
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .+:\d+:\d+/);
    expect(code).toBe(0);
  });

  it('list --folder takes a path relative to the current folder', async () => {
    const run = (cwd: string, folder: string) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), 'list', '--json', '--folder', folder], { cwd, env: { ...process.env, SHOEBOX_HOME: home } });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', () => resolve(out));
      });
    const relative = JSON.parse(await run(path.dirname(photos), path.basename(photos))) as { path: string }[];
    expect(relative).toHaveLength(Object.keys(COLOURS).length);
    expect(relative.map((p) => p.path)).toEqual((JSON.parse(await run('/', photos)) as { path: string }[]).map((p) => p.path));
  });

  it('embed-text and embed-image use the active model when no --model-dir is given', async () => {
    const text = await runShoebox(['embed-text', '--json', 'red'], { SHOEBOX_HOME: home });
    expect(text.code).toBe(0);
    expect((JSON.parse(text.stdout) as { embedding: number[] }[])[0]!.embedding).toHaveLength(4);
    const image = await runShoebox(['embed-image', '--json', path.join(photos, 'red.jpg')], { SHOEBOX_HOME: home });
    expect(image.code).toBe(0);
  });
});

// Issue 17: every npm command printed `npm warn Unknown project config "onnxruntime-node-install"`
// (.npmrc's key); the CUDA download is now declined through npm's own allowScripts policy.
describe('npm in this repository', () => {
  const npm = (args: string[], command = 'npm') =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      // As from a fresh shell: without the npm_* variables of the npm that started vitest.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
      const child = spawn(command, args, { cwd: REPO_ROOT, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('`npx shoebox` runs this bin with no npm warning', async () => {
    const res = await npm(['shoebox', '--version'], 'npx');
    expect(res).toEqual({ code: 0, stdout: `${(await import('../../package.json', { with: { type: 'json' } })).default.version}\n`, stderr: '' });
  });

  it("declines onnxruntime-node's CUDA download (its install script) without an unknown npm setting", async () => {
    const pending = await npm(['approve-scripts', '--allow-scripts-pending']);
    expect(pending.code, pending.stderr).toBe(0);
    expect(pending.stderr).not.toMatch(/npm warn/i);
    expect(pending.stdout).not.toContain('onnxruntime-node');
  });
});
