// ONNX Runtime's bundled WebGPU provider, run for real on SwiftShader (the CPU Vulkan driver
// Debian's chromium package ships): a GPU code path provable without a GPU. Embeddings must
// match the CPU's, `auto` must refuse the software adapter and say why, a missing Vulkan
// driver or a device lost mid-run must fall back to the CPU and lose no photo.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClipModel } from '../../src/core/clip/clip-model';
import { availableProviders } from '../../src/core/clip/providers';
import { gpuDeviceNodes, noGpuDevice } from '../../src/core/clip/webgpu-adapter';
import { dot } from '../../src/core/clip/vectors';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { runShoebox } from '../cli/run-cli';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const haveSwiftShader = fs.existsSync(SWIFTSHADER_ICD);
if (!haveSwiftShader) console.warn(`skipping WebGPU tests: ${SWIFTSHADER_ICD} is absent (apt-get install chromium brings SwiftShader)`);

const SWIFTSHADER_ENV = { XDG_RUNTIME_DIR: '/tmp', VK_ICD_FILENAMES: SWIFTSHADER_ICD };
// Dawn reads the driver list when WebGPU first starts in this process (test files run in
// processes of their own), so it is set before any session loads.
if (haveSwiftShader) Object.assign(process.env, SWIFTSHADER_ENV);

const MODEL = fixtureModelDir(TINY_IMMICH);
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb);
};

const photos: string[] = [];
let photoDir: string;

async function embedAll(model: ClipModel): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  await model.embedImageFiles(photos, (r) => {
    expect(r.error).toBeUndefined();
    out[r.index] = r.embedding!;
  });
  return out;
}

describe.skipIf(!haveSwiftShader)('WebGPU on SwiftShader', () => {
  let cpu: ClipModel;
  let cpuImages: Float32Array[];
  const texts = ['red', 'a photo of blue', 'green grass'];
  let cpuTexts: Float32Array[];

  beforeAll(async () => {
    photoDir = tempDir();
    for (const [name, rgb] of Object.entries(COLOURS)) photos.push(await writeColourPhoto(photoDir, `${name}.jpg`, rgb));
    cpu = ClipModel.open(MODEL, { provider: 'cpu', batchSize: 2 });
    cpuImages = await embedAll(cpu);
    cpuTexts = (await cpu.embedTexts(texts)).map((t) => t.embedding);
  });
  afterAll(() => cpu.close());

  it("forced, runs on WebGPU and gives the CPU's embeddings (cosine >= 0.9999), with its figures", async () => {
    const model = ClipModel.open(MODEL, { provider: 'webgpu', batchSize: 2, cacheDir: tempDir() });
    try {
      const images = await embedAll(model);
      const words = (await model.embedTexts(texts)).map((t) => t.embedding);
      images.forEach((e, i) => expect(cosine(e, cpuImages[i]!)).toBeGreaterThanOrEqual(0.9999));
      words.forEach((e, i) => expect(cosine(e, cpuTexts[i]!)).toBeGreaterThanOrEqual(0.9999));
      const status = model.providerStatus();
      expect(status).toMatchObject({ inUse: 'webgpu', fallbackReason: null, adapter: { name: 'SwiftShader', kind: 'software' } });
      expect(status.measured).toMatchObject({ provider: 'webgpu', rate: expect.any(Number), cpuRate: expect.any(Number) });
      console.info(`tiny model, batch 2: webgpu on SwiftShader ${status.measured!.rate.toFixed(0)}/s vs cpu ${status.measured!.cpuRate.toFixed(0)}/s`);
    } finally {
      await model.close();
    }
  });

  it('auto stays on the CPU with only a software adapter, and says why', async () => {
    const model = ClipModel.open(MODEL, { provider: 'auto', batchSize: 2 });
    try {
      const images = await embedAll(model);
      images.forEach((e, i) => expect(dot(e, cpuImages[i]!)).toBeCloseTo(1, 5));
      expect(model.providerStatus()).toMatchObject({ inUse: 'cpu', fallbackReason: 'webgpu adapter is a software renderer (SwiftShader)' });
    } finally {
      await model.close();
    }
  });

  it('a device lost mid-index falls back to the CPU and loses no photo', async () => {
    // One photo per batch; the GPU "dies" after two of them.
    const model = ClipModel.open(MODEL, { provider: 'webgpu', batchSize: 1, failGpuAfterRuns: 2, cacheDir: tempDir() });
    try {
      const images = await embedAll(model);
      expect(images.filter(Boolean)).toHaveLength(photos.length);
      images.forEach((e, i) => expect(cosine(e, cpuImages[i]!)).toBeGreaterThanOrEqual(0.9999));
      const status = model.providerStatus();
      expect(status.inUse).toBe('cpu');
      expect(status.fallbackReason).toMatch(/^webgpu failed while running, continued on the CPU: device lost/);
    } finally {
      await model.close();
    }
  });
});

describe.skipIf(!haveSwiftShader)('shoebox with WebGPU', () => {
  beforeAll(async () => {
    if (photos.length === 0) {
      photoDir = tempDir();
      for (const [name, rgb] of Object.entries(COLOURS)) photos.push(await writeColourPhoto(photoDir, `${name}.jpg`, rgb));
    }
  });

  it('--provider webgpu info reports webgpu in use, and its adapter', async () => {
    const res = await runShoebox(['--home', tempDir(), '--provider', 'webgpu', 'info', '--json'], SWIFTSHADER_ENV);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).providers).toMatchObject({ inUse: 'webgpu', adapter: { name: 'SwiftShader', kind: 'software' } });
  });

  it('--provider auto info stays on the CPU with only a software adapter, and says why', async () => {
    const res = await runShoebox(['--home', tempDir(), 'info', '--json'], { ...SWIFTSHADER_ENV, SHOEBOX_PROVIDER: 'auto' });
    expect(JSON.parse(res.stdout).providers).toMatchObject({ inUse: 'cpu', fallbackReason: 'webgpu adapter is a software renderer (SwiftShader)' });
  });

  it("index through WebGPU stores the CPU's embeddings (search scores match)", async () => {
    const scores = async (provider: string) => {
      const home = tempDir();
      const index = await runShoebox(['--home', home, '--provider', provider, 'index', '--model-dir', MODEL, photoDir], SWIFTSHADER_ENV);
      expect(index.code, index.stderr).toBe(0);
      const search = await runShoebox(['--home', home, 'search', '--model-dir', MODEL, '--all', '--json', 'red'], SWIFTSHADER_ENV);
      const hits = JSON.parse(search.stdout) as { path: string; score: number }[];
      // The indexer timed the provider it ran on: proof WebGPU ran, not a silent fallback.
      if (provider === 'webgpu') expect(fs.readFileSync(path.join(home, 'cache', 'provider-verdicts.json'), 'utf8')).toContain('"provider": "webgpu"');
      return new Map(hits.map((h) => [path.basename(h.path), h.score]));
    };
    const [gpu, cpu] = await Promise.all([scores('webgpu'), scores('cpu')]);
    expect(gpu.size).toBe(photos.length);
    for (const [name, score] of cpu) expect(gpu.get(name)).toBeCloseTo(score, 4);
  });

  it('with no Vulkan driver at all, --provider webgpu falls back to the CPU with a reason and still embeds', async () => {
    const noDriver = { XDG_RUNTIME_DIR: '/tmp', VK_ICD_FILENAMES: '/nonexistent.json' };
    const info = await runShoebox(['--home', tempDir(), '--provider', 'webgpu', 'info', '--json'], noDriver);
    expect(JSON.parse(info.stdout).providers).toMatchObject({ inUse: 'cpu', fallbackReason: expect.stringMatching(/^webgpu failed to load: .*adapter/) });
    const embed = await runShoebox(['--home', tempDir(), '--provider', 'webgpu', 'embed-image', '--model-dir', MODEL, '--json', photos[0]!], noDriver);
    expect(embed.code).toBe(0);
    expect(JSON.parse(embed.stdout)[0].embedding).toHaveLength(4);
  });
});

// A Linux box whose Vulkan drivers name a GPU that is not there (Mesa installs Intel's and
// AMD's drivers everywhere): trying WebGPU fails, and Dawn writes its complaints straight to
// stderr. Without any GPU device node (a server, a VM, CI) it is not even tried; with one (a
// GPU this driver is not for) the first command learns it, and later ones must not try again.
// Either way no command after the first may print any of it.
// Linux only: elsewhere the hardware cannot be told, and a failed provider is tried at every start.
describe.skipIf(process.platform !== 'linux' || !availableProviders().includes('webgpu'))('WebGPU that cannot load on this hardware', () => {
  it('is tried at most once: the next commands stay on the CPU at once, quiet, and say why', async () => {
    const drivers = tempDir();
    const manifest = path.join(drivers, 'intel_icd.x86_64.json');
    // A driver for a GPU this machine lacks: its library is not there, so Vulkan finds no device.
    fs.writeFileSync(manifest, JSON.stringify({ file_format_version: '1.0.0', ICD: { library_path: path.join(drivers, 'libvulkan_intel.so'), api_version: '1.3.0' } }));
    const env = { XDG_RUNTIME_DIR: '/tmp', VK_ICD_FILENAMES: manifest, SHOEBOX_PROVIDER: 'auto' };
    const home = tempDir();
    const colours = tempDir();
    await writeColourPhoto(colours, 'red.jpg', COLOURS.red!);
    const first = await runShoebox(['--home', home, 'index', '--model-dir', MODEL, colours], env);
    expect(first.code, first.stderr).toBe(0);
    const info = JSON.parse((await runShoebox(['--home', home, 'info', '--json'], env)).stdout);
    const noDevice = noGpuDevice(gpuDeviceNodes());
    if (noDevice) {
      expect(first.stderr).not.toMatch(/vulkan|XDG_RUNTIME_DIR|adapter|dawn/i);
      expect(info.providers).toMatchObject({ inUse: 'cpu', adapter: null, fallbackReason: `webgpu not tried: ${noDevice}` });
    } else {
      expect(info.providers).toMatchObject({ inUse: 'cpu', fallbackReason: expect.stringMatching(/^webgpu not tried: it failed to load on \d{4}-\d\d-\d\d with the same drivers and devices \(.*adapter/) });
    }
    await writeColourPhoto(colours, 'blue.jpg', COLOURS.blue!);
    const second = await runShoebox(['--home', home, 'index', '--model-dir', MODEL, colours], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/1 embedded/);
    expect(second.stderr).not.toMatch(/vulkan|XDG_RUNTIME_DIR|adapter|dawn/i);
  });
});
