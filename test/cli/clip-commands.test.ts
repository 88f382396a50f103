import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShoebox, shoebox } from './run-cli';
import { decodesAtOnce, threadpoolSizeFor } from '../../src/base/thread-budget';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { EXIF_SAMPLES, haveExifSamples } from '../unit/media/corpus';

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('shoebox embed-text', () => {
  it('prints one JSON document with the exact id rows and normalised embeddings', async () => {
    const res = await shoebox(['--home', tempDir(), 'embed-text', '--model-dir', fixtureModelDir(TINY_TRANSFORMERS), '--json', 'red', 'a photo of blue']);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as { text: string; ids: number[]; embedding: number[] }[];
    expect(out.map((o) => o.text)).toEqual(['red', 'a photo of blue']);
    for (const o of out) {
      expect(o.ids).toHaveLength(16);
      expect(norm(o.embedding)).toBeCloseTo(1, 5);
    }
    expect(out[0]!.embedding[0]).toBeGreaterThan(0.5); // red points along the red axis
  });
});

describe('shoebox embed-image', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(dir, 'blue.jpg', COLOURS.blue!);
    fs.writeFileSync(path.join(dir, 'broken.jpg'), 'not an image');
  });

  it('embeds every readable file, reports the unreadable one in its place and exits 1', async () => {
    const files = ['red.jpg', 'broken.jpg', 'blue.jpg'].map((f) => path.join(dir, f));
    const res = await shoebox(['--home', tempDir(), 'embed-image', '--model-dir', fixtureModelDir(TINY_IMMICH), '--json', ...files]);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout) as { path: string; embedding?: number[]; error?: string }[];
    expect(out.map((o) => o.path)).toEqual(files);
    expect(out[0]!.embedding).toHaveLength(4);
    expect(out[1]).toEqual({ path: files[1], error: 'not an image (unrecognised content)' });
    expect(norm(out[2]!.embedding!)).toBeCloseTo(1, 5);
  });

  it.skipIf(!haveExifSamples)('reads the formats indexing reads: a HEIC photo is embedded, not refused', async () => {
    const heic = path.join(EXIF_SAMPLES, 'heic', 'IMG_5195.HEIC');
    const res = await shoebox(['--home', tempDir(), 'embed-image', '--model-dir', fixtureModelDir(TINY_IMMICH), '--json', heic]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    const [out] = JSON.parse(res.stdout) as { path: string; embedding: number[] }[];
    expect(out!.path).toBe(heic);
    expect(norm(out!.embedding)).toBeCloseTo(1, 5);
  });

  it('exits 0 when every file is embedded', async () => {
    const res = await shoebox(['--home', tempDir(), 'embed-image', '--model-dir', fixtureModelDir(TINY_IMMICH), '--json', path.join(dir, 'red.jpg')]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toHaveLength(1);
  });
});

describe('shoebox errors and help', () => {
  it('a usage error is one line on stderr and exit 2', async () => {
    const home = tempDir(); // no model installed: `embed-text red` has nothing to run with
    for (const args of [['embed-text', '--json'], ['no-such-command'], ['embed-text', 'red']]) {
      const res = await shoebox(args, { SHOEBOX_HOME: home });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('a broken model folder is one line on stderr and exit 1', async () => {
    const res = await shoebox(['--home', tempDir(), 'embed-text', '--model-dir', tempDir(), '--json', 'red']);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/not a CLIP model folder/);
  });

  it('every command has --help', async () => {
    for (const cmd of ['info', 'embed-text', 'embed-image']) {
      const res = await shoebox([cmd, '--help']);
      expect(res.code, cmd).toBe(0);
      expect(res.stdout).toContain(`Usage: shoebox ${cmd}`);
    }
  });
});

describe('shoebox info', () => {
  it('reports version, data folder, providers and the one in use', async () => {
    const home = tempDir();
    const res = await shoebox(['--home', home, 'info', '--json']);
    expect(res.code).toBe(0);
    const info = JSON.parse(res.stdout);
    expect(info).toMatchObject({ version: expect.any(String), home, providers: { inUse: 'cpu' } });
    expect(info.providers.available).toContain('cpu');
  });

  it('starts with libuv\'s pool sized for the cores, so sharp can decode a photo on each (a size the user set is kept)', async () => {
    const home = tempDir();
    const cores = os.availableParallelism();
    const sized = JSON.parse((await runShoebox(['--home', home, 'info', '--json'], { UV_THREADPOOL_SIZE: '' })).stdout);
    expect(sized.threads).toEqual({ cores, decodes: decodesAtOnce(cores, false), pool: threadpoolSizeFor(cores) });
    // Every decode at once has a pool thread, with room beside them for reads and hashing.
    expect(sized.threads.pool).toBeGreaterThan(decodesAtOnce(cores, true));
    const text = await runShoebox(['--home', home, 'info'], { UV_THREADPOOL_SIZE: '3' });
    expect(text.stdout).toContain(`indexing: ${cores} cores, up to ${decodesAtOnce(cores, false)} photos decoded at once (libuv pool 3)`);
  });

  it('uses SHOEBOX_HOME when --home is not given', async () => {
    const home = tempDir();
    const res = await shoebox(['info', '--json'], { SHOEBOX_HOME: home });
    expect(JSON.parse(res.stdout).home).toBe(home);
  });

  it('takes the provider from settings.json when neither --provider nor SHOEBOX_PROVIDER names one', async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ provider: 'cuda' }));
    const res = await shoebox(['--home', home, 'info', '--json']);
    expect(JSON.parse(res.stdout).providers.fallbackReason).toMatch(/^cuda failed to load/);
    // The flag still wins over the setting.
    const flagged = await shoebox(['--home', home, '--provider', 'cpu', 'info', '--json']);
    expect(JSON.parse(flagged.stdout).providers).toMatchObject({ inUse: 'cpu', fallbackReason: null });
  });

  it('a misspelled provider in settings.json is one line naming the file, and the command goes on with auto', async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ provider: 'vulkan' }));
    const res = await shoebox(['--home', home, 'info']);
    expect(res.code).toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/settings\.json: "provider": unknown execution provider "vulkan" .*; using auto$/m);
  });

  it('says why a requested GPU provider is not used', async () => {
    const res = await shoebox(['--home', tempDir(), '--provider', 'cuda', 'info', '--json']);
    const info = JSON.parse(res.stdout);
    expect(info.providers.inUse).toBe('cpu');
    expect(info.providers.fallbackReason).toMatch(/cuda failed to load/);
  });
});
