// `--json` prints exactly one JSON document on stdout, even when libheif (WebAssembly, on the
// HEIC worker thread) prints its multi-line complaints about a broken HEIC to stdout.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const HEIC = ['photos', 'exif-samples', 'heic', 'samplefilehub.heif'];

/** A HEIC cut in half: libheif finds its iloc extents past the end and says so on stdout. */
function truncatedHeic(dir: string): string {
  const real = fs.readFileSync(sharedPath(...HEIC));
  const file = `${dir}/broken.heic`;
  fs.writeFileSync(file, real.subarray(0, Math.floor(real.length / 2)));
  return file;
}

describe.runIf(sharedAvailable(...HEIC))('HEIC decoder output and --json', () => {
  it('embed-image --json: a broken HEIC gives its error entry and stdout stays one JSON document', async () => {
    const dir = tempDir();
    const bad = truncatedHeic(dir);
    const good = await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    const res = await shoebox(['--home', tempDir(), 'embed-image', ...MODEL, '--json', bad, good]);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout) as { path: string; error?: string; embedding?: number[] }[];
    expect(out.map((o) => o.path)).toEqual([bad, good]);
    expect(out[0]!.error).toMatch(/HEIC decode failed/);
    expect(out[1]!.embedding?.length).toBeGreaterThan(0);
  }, 120_000);

  it('index --json: a broken HEIC is failed with a reason and stdout stays one JSON document', async () => {
    const dir = tempDir('shoebox-photos-');
    const bad = truncatedHeic(dir);
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    const res = await shoebox(['--home', tempDir(), 'index', ...MODEL, '--json', dir]);
    expect(res.code, res.stderr).toBe(0);
    const summary = JSON.parse(res.stdout) as { added: number; failed: { path: string; reason: string }[] };
    expect(summary.added).toBe(1);
    expect(summary.failed).toEqual([{ path: bad, reason: expect.stringMatching(/HEIC decode failed/) }]);
  }, 120_000);
});
