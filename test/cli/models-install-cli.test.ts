// `shoebox models install` and `import` as a user runs them against a hub on 127.0.0.1: Ctrl-C
// stops a download as it stops index, import and copy-library (exit 130, and the same command
// resumes it); a hub URL typed wrong, or holding a password, is a usage error (exit 2) in one
// line that never repeats the password; a model folder that is not there says so.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHub, readTree } from '../helpers/fake-hub';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { shoebox, startShoebox } from './run-cli';

const ID = 'vit-b-32-laion2b';
let hub: FakeHub;

beforeEach(async () => {
  hub = await FakeHub.start();
  const files = readTree(fixtureModelDir(TINY_IMMICH));
  delete files['.stamp'];
  hub.addRepo('immich-app/ViT-B-32__laion2b-s34b-b79k', files);
});
afterEach(async () => {
  await hub.close();
});

describe('shoebox models install', () => {
  it('stops on Ctrl-C with exit 130, keeping what was downloaded; the same command resumes it', { timeout: 120_000 }, async () => {
    const home = tempDir();
    const file = 'textual/model.onnx';
    hub.faults.drip = { target: file, afterBytes: 3000, intervalMs: 0 }; // stalls once, mid-file
    const child = startShoebox(['--home', home, '--provider', 'cpu', 'models', 'install', ID, '--endpoint', hub.url]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    // The stalled file's first bytes are on disk (its .part file, download.ts), not only asked for.
    const part = path.join(home, 'models', '.partial', ID, `${file}.part`);
    const partBytes = () => (fs.existsSync(part) ? fs.statSync(part).size : 0);
    const end = Date.now() + 60_000;
    while ((hub.fileRequests(file).length === 0 || partBytes() === 0) && Date.now() < end && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    expect(partBytes(), stderr).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await Promise.race([closed, new Promise((r) => setTimeout(() => r('still running'), 60_000))]);
    expect(code, stderr).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe('shoebox: download cancelled; finished bytes are kept, install again to resume\n');
    expect(fs.existsSync(path.join(home, 'models', ID))).toBe(false);

    const again = await shoebox(['--home', home, 'models', 'install', ID, '--endpoint', hub.url, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ id: ID, alreadyInstalled: false });
    expect(hub.fileRequests(file).at(-1)!.range).toMatch(/^bytes=[1-9]\d*-$/); // resumed, not fetched again
  });

  it('refuses a hub URL that is none, or holds a password, as a usage error that never repeats the password', async () => {
    const home = tempDir();
    const host = new URL(hub.url).host;
    // The core words the reason (src/core/models/hub-client.ts); the CLI makes it exit 2, in one line.
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['--endpoint', 'notaurl'], {}, /^shoebox: --endpoint: "notaurl" is not a valid hub URL/],
      [['--endpoint', 'file:///etc'], {}, /^shoebox: --endpoint: "file:\/\/\/etc" is not an http\(s\) URL/],
      [['--endpoint', `http://user:secretpw@${host}/`], {}, /^shoebox: --endpoint: .*user name or password/],
      [[], { SHOEBOX_HF_ENDPOINT: 'nope' }, /^shoebox: SHOEBOX_HF_ENDPOINT: "nope" is not a valid hub URL/],
      [[], { SHOEBOX_HF_ENDPOINT: undefined, HF_ENDPOINT: 'https://me:secretpw@hub.example' }, /^shoebox: HF_ENDPOINT: .*user name or password/],
    ];
    for (const [args, env, message] of cases) {
      const res = await shoebox(['--home', home, 'models', 'install', ID, ...args], env);
      expect(res.code, res.stderr).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(message);
      expect(res.stderr.split('\n')).toHaveLength(2); // one line
      expect(res.stderr).not.toMatch(/secretpw/);
    }
    expect(hub.requests).toEqual([]); // nothing was asked of any hub
  });
});

describe('shoebox models import', () => {
  it('says a model folder that is not there was not found (exit 1, as index says of a folder)', async () => {
    const home = tempDir();
    const missing = path.join(tempDir(), 'nope');
    expect(await shoebox(['--home', home, 'models', 'import', missing])).toEqual({ code: 1, stdout: '', stderr: `shoebox: model folder not found: ${missing}\n` });
  });
});
