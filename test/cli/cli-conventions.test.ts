// What scripts rely on from every command: usage mistakes exit 2 with one line, a closed pipe
// is not a crash, relative paths mean what they mean in a shell, and commands that embed use
// the active model like the library commands do.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShoebox, shoebox } from './run-cli';
import { REPO_ROOT, fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

let home: string;
let photos: string;

beforeAll(async () => {
  home = tempDir('shoebox-cli-home-');
  photos = tempDir('shoebox-cli-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  expect((await shoebox(['models', 'import', fixtureModelDir(TINY_IMMICH)], { SHOEBOX_HOME: home })).code).toBe(0);
  expect((await shoebox(['index', photos], { SHOEBOX_HOME: home })).code).toBe(0);
});

describe('shoebox conventions', () => {
  it('mistyped arguments are usage errors: exit 2, one line', async () => {
    for (const args of [['list', '--limit', '0'], ['list', '--offset', 'abc'], ['--provider', 'foo', 'info'], ['serve', '--port', 'abc']]) {
      const res = await shoebox(args, { SHOEBOX_HOME: home });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(res.stderr, args.join(' ')).toMatch(/^shoebox: /);
    }
  });

  it("--help says what --json prints: one document, but one line per sync for watch", async () => {
    const watch = await shoebox(['watch', '--help'], { SHOEBOX_HOME: home });
    expect(watch.code).toBe(0);
    expect(watch.stdout.replace(/\s+/g, ' ')).toContain('--json print one JSON summary line per sync, until stopped');
    expect(watch.stdout).not.toContain('one JSON document');
    const status = await shoebox(['status', '--help'], { SHOEBOX_HOME: home });
    expect(status.stdout.replace(/\s+/g, ' ')).toContain('--json print one JSON document');
  });

  it('exit codes reach the shell through the bin: 2 for a usage error, 1 for a failure', async () => {
    const usage = await runShoebox(['list', '--limit', '0'], { SHOEBOX_HOME: home });
    expect(usage.code, usage.stderr).toBe(2);
    const failure = await runShoebox(['--home', tempDir(), 'search', 'dog']); // no model installed there
    expect(failure.code, failure.stderr).toBe(1);
    expect(failure.stderr).toMatch(/^shoebox: no model: /);
  });

  it('the core front door loads no native engine module until a command uses it (--help stays quick)', () => {
    // What --help, --version and every usage error load: the front door and the CLI's own
    // modules. ONNX Runtime, sharp and LanceDB load only inside a command's action.
    const probe = "await import('./src/core/index.ts'); console.log(JSON.stringify(process.report.getReport().sharedObjects));";
    const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const native = (JSON.parse(res.stdout) as string[]).filter((lib) => /onnxruntime|sharp|vips|lancedb/.test(lib));
    expect(native).toEqual([]);
  });

  it('the prebuilt bin (out/cli, what `npm install` and `npm test` build) answers as the sources do', () => {
    // bin/shoebox.js runs out/cli/shoebox.js while it is fresh: it must be the same CLI,
    // engine and workers included, not only a faster --help.
    const bundle = path.join(REPO_ROOT, 'out/cli/shoebox.js');
    const run = (args: string[], env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, SHOEBOX_HOME: home, ...env } });
    for (const args of [['--help'], ['search', '--json', '--all', 'red'], ['list', '--limit', '0']]) {
      const built = run([bundle, ...args], {});
      const sources = run([path.join(REPO_ROOT, 'bin/shoebox.js'), ...args], { SHOEBOX_FROM_SOURCES: '1' });
      expect(built.error, 'out/cli is missing: run `node scripts/build-cli.mjs`').toBeUndefined();
      expect([built.status, built.stdout, built.stderr], args.join(' ')).toEqual([sources.status, sources.stdout, sources.stderr]);
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
    const run = async (cwd: string, folder: string) => (await shoebox(['list', '--json', '--folder', folder], { SHOEBOX_HOME: home }, { cwd })).stdout;
    const relative = JSON.parse(await run(path.dirname(photos), path.basename(photos))) as { path: string }[];
    expect(relative).toHaveLength(Object.keys(COLOURS).length);
    expect(relative.map((p) => p.path)).toEqual((JSON.parse(await run('/', photos)) as { path: string }[]).map((p) => p.path));
  });

  it('embed-text and embed-image use the active model when no --model-dir is given', async () => {
    const text = await shoebox(['embed-text', '--json', 'red'], { SHOEBOX_HOME: home });
    expect(text.code).toBe(0);
    expect((JSON.parse(text.stdout) as { embedding: number[] }[])[0]!.embedding).toHaveLength(4);
    const image = await shoebox(['embed-image', '--json', path.join(photos, 'red.jpg')], { SHOEBOX_HOME: home });
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
