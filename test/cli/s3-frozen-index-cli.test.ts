// `shoebox index` on an S3 library whose server stops answering mid-run (a NAS frozen or
// asleep: connections stay open, nothing comes back): one "lost the connection" line and exit 1
// within about a minute, not a process left waiting for minutes; and once the server answers
// again (running what the dead process had sent it), the next run resumes with what was
// committed kept.
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { startShoebox, runShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Objects, s3Prefix } from '../helpers/s3-gateway';
import { startS3Proxy, type S3Proxy } from '../helpers/s3-proxy';

const s3 = await s3Gateway();
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const PHOTOS = 400;
const proxies: S3Proxy[] = [];
afterAll(async () => {
  for (const p of proxies) {
    p.thaw();
    await p.close();
  }
  if (s3) await removeTestPrefixes(s3);
});

describe.skipIf(!s3)('index against an S3 server that stops answering', () => {
  it('ends with one line within a minute, and the next run resumes', async () => {
    const photos = tempDir('shoebox-frozen-photos-');
    for (let i = 0; i < PHOTOS; i++) await writeColourPhoto(photos, `p${String(i).padStart(3, '0')}.jpg`, [(i * 37) % 256, (i * 91) % 256, (i * 53) % 256]);
    const proxy = await startS3Proxy(s3!.endpoint);
    proxies.push(proxy);
    const prefix = s3Prefix('frozen-index');
    const library = s3LibraryUri(s3!, prefix);
    const home = tempDir();
    const env = awsEnv(s3!, proxy.endpoint);
    const child = startShoebox(['--home', home, '--library', library, 'index', ...MODEL, photos], env);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Frozen once a batch of photos is committed (a second version of a photos table).
    for (;;) {
      const manifests = [...(await s3Objects(s3!, prefix)).keys()].filter((k) => /^photos[^/]*\.lance\/_versions\//.test(k));
      if (manifests.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    proxy.freeze();
    const frozenAt = performance.now();
    const code = await exited;
    const seconds = (performance.now() - frozenAt) / 1000;
    expect(code, stderr).toBe(1);
    // The line says how many photos the run saved (committed): the next run finds them unchanged.
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^shoebox: lost the connection to s3:\/\/\S+ at http:\/\/127\.0\.0\.1:\d+ \(.+\): \d+ photos? indexed in this run (is|are) kept; trying again resumes from there$/)]);
    const saved = Number(/: (\d+) photos? indexed in this run/.exec(stderr)![1]);
    expect(seconds).toBeLessThan(70);

    proxy.thaw();
    const again = await runShoebox(['--home', home, '--library', library, 'index', ...MODEL, '--json', photos], env);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { added: number; unchanged: number; failed: unknown[] };
    expect(summary.failed).toEqual([]);
    expect(summary.unchanged).toBeGreaterThan(0);
    // At least those; a commit the server ran once it answered again (its answer lost) adds one batch.
    expect(summary.unchanged).toBeGreaterThanOrEqual(saved);
    expect(summary.unchanged).toBeLessThanOrEqual(saved + 32);
    expect(summary.added + summary.unchanged).toBe(PHOTOS);
  }, 400_000);
});
