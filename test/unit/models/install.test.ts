// Installing catalog models from a Hugging Face–compatible hub: a fake hub on 127.0.0.1
// serves the generated tiny fixture folders under the catalog's real repository names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import ort from 'onnxruntime-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelManager, type ModelSummary } from '../../../src/core/models/model-manager';
import { ModelError } from '../../../src/core/models/model-error';
import { MANIFEST_FILE, readManifest, writeManifest } from '../../../src/core/models/manifest';
import { DEFAULT_MODEL_ID, ENGINE_FILES } from '../../../src/core/models/catalog';
import type { DownloadProgress } from '../../../src/core/models/download';
import { readModelFolder } from '../../../src/core/clip/model-folder';
import { FakeHub, readTree } from '../../helpers/fake-hub';
import { externalizeInitializers } from '../../helpers/onnx-wire';
import { TINY_IMMICH, TINY_TRANSFORMERS, fixtureModelDir } from '../../fixtures/models/paths';

const ID = 'vit-b-32-openai';
const REPO = 'immich-app/ViT-B-32__openai';

/** The tiny Immich fixture as a repository, with the extras real Immich repos carry. */
function immichRepo(): Record<string, Buffer> {
  const files = readTree(fixtureModelDir(TINY_IMMICH));
  delete files['.stamp'];
  return {
    ...files,
    'README.md': Buffer.from('# tiny\n'),
    '.gitattributes': Buffer.from('*.onnx filter=lfs diff=lfs merge=lfs -text\n'),
    'visual/model.armnn': crypto.randomBytes(20_000),
    'visual/fp16/model.armnn': crypto.randomBytes(12_000),
    'visual/rknpu/rk3588/model.rknn': crypto.randomBytes(12_000),
    'textual/vocab.json': Buffer.from('{}'),
    'textual/merges.txt': Buffer.from('#version: 0.2\n'),
    'textual/special_tokens_map.json': Buffer.from('{}'),
  };
}

let home: string;
let hub: FakeHub;

function manager(extra: Partial<ConstructorParameters<typeof ModelManager>[0]> = {}): ModelManager {
  return new ModelManager({ home, endpoint: hub.url, download: { retryDelayMs: 0 }, ...extra });
}

function summary(m: ModelManager, id = ID): ModelSummary {
  return m.list().find((s) => s.id === id)!;
}

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    return err as ModelError;
  }
  throw new Error('expected a rejection');
}

function filesUnder(dir: string): string[] {
  return Object.keys(readTree(dir)).sort();
}

const partialDir = () => path.join(home, 'models', '.partial', ID);

beforeEach(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-install-'));
  hub = await FakeHub.start({ redirectLfs: true });
  hub.addRepo(REPO, immichRepo());
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await hub.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('installing a catalog model', () => {
  it('fetches only what the engine loads, verifies it, and publishes a readable folder', async () => {
    const events: DownloadProgress[] = [];
    const m = manager();
    const result = await m.install(ID, { onProgress: (p) => events.push(p) });

    const dir = path.join(home, 'models', ID);
    expect(result).toMatchObject({ id: ID, dir, repo: REPO, revision: 'main', alreadyInstalled: false, activated: true, files: 6 });
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(filesUnder(dir)).toEqual([...ENGINE_FILES.immich, MANIFEST_FILE].sort());
    expect(readModelFolder(dir).layout).toBe('immich');

    // Byte-identical to the repository, and the manifest records each file's SHA-256.
    const source = readTree(fixtureModelDir(TINY_IMMICH));
    const manifest = readManifest(dir)!;
    expect(manifest).toMatchObject({ id: ID, source: 'hub', repo: REPO, revision: 'main', commit: result.commit, layout: 'immich' });
    for (const file of manifest.files) {
      expect(fs.readFileSync(path.join(dir, file.path)).equals(source[file.path]!)).toBe(true);
      expect(file.sha256).toBe(crypto.createHash('sha256').update(source[file.path]!).digest('hex'));
    }
    expect(result.bytes).toBe(manifest.files.reduce((s, f) => s + f.size, 0));

    // ARM NN, RKNN, fp16 and tokenizer side files were never requested.
    const requested = new Set(hub.requests.map((r) => r.file).filter(Boolean));
    expect([...requested].sort()).toEqual([...ENGINE_FILES.immich].sort());
    // LFS files went through the hub's redirect to the "CDN".
    expect(hub.requests.some((r) => r.kind === 'resolve' && r.status === 302 && r.file === 'visual/model.onnx')).toBe(true);
    expect(hub.fileRequests('visual/model.onnx').map((r) => r.kind)).toEqual(['cdn']);

    const last = events.at(-1)!;
    expect(last.bytesDone).toBe(result.bytes);
    expect(last.bytesTotal).toBe(result.bytes);
    expect(last.filesDone).toBe(6);
    expect(events.every((e) => e.bytesDone <= e.bytesTotal)).toBe(true);

    expect(fs.existsSync(partialDir())).toBe(false);
    expect(summary(m)).toMatchObject({ installed: true, active: true, partial: false, commit: result.commit, bytes: result.bytes });
    expect(m.active()).toEqual({ id: ID, dir });
  });

  it('is a no-op when the model is already installed', async () => {
    const m = manager();
    await m.install(ID);
    const before = hub.requests.length;
    const again = await m.install(ID);
    expect(again).toMatchObject({ alreadyInstalled: true, files: 6, activated: false });
    expect(hub.requests.length).toBe(before);
  });

  it('takes the hub from SHOEBOX_HF_ENDPOINT', async () => {
    vi.stubEnv('SHOEBOX_HF_ENDPOINT', `${hub.url}/`);
    const m = new ModelManager({ home });
    await m.install(ID);
    expect(summary(m).installed).toBe(true);
  });

  it('installs a Transformers.js repository, skipping quantized and fp16 variants', async () => {
    const files = readTree(fixtureModelDir(TINY_TRANSFORMERS));
    delete files['.stamp'];
    hub.addRepo('Xenova/clip-vit-base-patch32', {
      ...files,
      'onnx/model.onnx': crypto.randomBytes(15_000),
      'onnx/text_model_quantized.onnx': crypto.randomBytes(3_000),
      'onnx/vision_model_fp16.onnx': crypto.randomBytes(3_000),
      'vocab.json': Buffer.from('{}'),
    });
    const m = manager();
    const result = await m.install('clip-vit-base-patch32');
    expect(filesUnder(result.dir)).toEqual([...ENGINE_FILES.transformers, MANIFEST_FILE].sort());
    expect(readModelFolder(result.dir).layout).toBe('transformers');
  });

  it('follows a paginated file listing', async () => {
    await hub.close();
    hub = await FakeHub.start({ pageSize: 3 });
    hub.addRepo(REPO, immichRepo());
    const result = await manager().install(ID);
    expect(result.files).toBe(6);
    expect(hub.requests.filter((r) => r.kind === 'tree').length).toBeGreaterThan(3);
  });
});

describe('the default model', () => {
  it('a new home installs the default (laion2b ViT-B/32) and it becomes the active model', async () => {
    hub.addRepo('immich-app/ViT-B-32__laion2b-s34b-b79k', immichRepo());
    const m = manager();
    const result = await m.install(DEFAULT_MODEL_ID);
    expect(result).toMatchObject({ id: 'vit-b-32-laion2b', repo: 'immich-app/ViT-B-32__laion2b-s34b-b79k', activated: true });
    expect(m.active()?.id).toBe('vit-b-32-laion2b');
  });

  it('a home whose settings name vit-b-32-openai keeps it, even after the new default is installed', async () => {
    hub.addRepo('immich-app/ViT-B-32__laion2b-s34b-b79k', immichRepo());
    await manager().install(ID);
    const m = manager();
    expect(m.active()?.id).toBe('vit-b-32-openai');
    expect((await m.install(DEFAULT_MODEL_ID)).activated).toBe(false);
    expect(m.active()?.id).toBe('vit-b-32-openai');
    expect(summary(m)).toMatchObject({ installed: true, active: true });
    expect(summary(m, DEFAULT_MODEL_ID)).toMatchObject({ installed: true, active: false });
  });

  it('an active model whose files were removed by hand gives way to the model installed next', async () => {
    hub.addRepo('immich-app/ViT-B-32__laion2b-s34b-b79k', immichRepo());
    await manager().install(ID);
    // Emptied by hand, the folder left behind: the engine would not open it.
    const dir = path.join(home, 'models', ID);
    for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true });
    const m = manager();
    expect((await m.install(DEFAULT_MODEL_ID)).activated).toBe(true);
    expect(m.active()?.id).toBe(DEFAULT_MODEL_ID);
  });
});

describe('an active model left half there (only config.json and its hub manifest, settings naming it)', () => {
  function halfThere(): string {
    const dir = path.join(home, 'models', ID);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(fixtureModelDir(TINY_IMMICH), 'config.json'), path.join(dir, 'config.json'));
    // A download of ours whose model files went since (removed by hand, a disk error).
    writeManifest(dir, { format: 1, id: ID, source: 'hub', repo: REPO, layout: 'immich', files: [], installedAt: '2026-01-01T00:00:00.000Z' });
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ activeModel: ID }));
    return dir;
  }

  it('"shoebox models install ID" downloads it again in its place, and it is active only once complete', async () => {
    const dir = halfThere();
    const m = manager({ download: { concurrency: 1 } });
    expect(m.active()).toBeNull();
    expect(summary(m)).toMatchObject({ installed: false, active: false });
    const during: (ModelSummary | null)[] = [];
    const result = await m.install(ID, {
      onProgress: (p) => {
        if (during.length === 0 && p.bytesDone < p.bytesTotal) during.push(m.active() as null, summary(m));
      },
    });
    expect(during).toEqual([null, expect.objectContaining({ installed: false, active: false, partial: true })]);
    expect(result).toMatchObject({ alreadyInstalled: false, activated: true });
    expect(filesUnder(dir)).toEqual([...ENGINE_FILES.immich, MANIFEST_FILE].sort());
    expect(m.active()).toEqual({ id: ID, dir });
    expect(summary(m)).toMatchObject({ installed: true, active: true });
    expect(fs.readdirSync(path.join(home, 'models')).filter((f) => f.startsWith('.removing-'))).toEqual([]);
  });

  it('an install interrupted midway leaves nothing active; the next install completes it and makes it active', async () => {
    halfThere();
    hub.faults.drop = { file: 'textual/model.onnx', afterBytes: 5000 };
    await rejection(manager({ download: { retries: 0 } }).install(ID));
    expect(manager().active()).toBeNull();
    const result = await manager().install(ID);
    expect(result.activated).toBe(true);
    expect(manager().active()?.id).toBe(ID);
  });

  it('another catalog model installed next becomes active in its place', async () => {
    halfThere();
    hub.addRepo('immich-app/ViT-B-32__laion2b-s34b-b79k', immichRepo());
    const m = manager();
    expect((await m.install(DEFAULT_MODEL_ID)).activated).toBe(true);
    expect(m.active()?.id).toBe(DEFAULT_MODEL_ID);
    expect(m.list().filter((s) => s.active).map((s) => s.id)).toEqual([DEFAULT_MODEL_ID]);
  });
});

describe('a broken folder under a catalog id that Shoebox did not download', () => {
  /** An old import under the catalog id (before import refused them), its manifest damaged or gone. */
  function oldImport(manifest: string | null): string {
    const dir = path.join(home, 'models', ID);
    fs.mkdirSync(path.join(dir, 'visual'), { recursive: true });
    fs.copyFileSync(path.join(fixtureModelDir(TINY_IMMICH), 'config.json'), path.join(dir, 'config.json'));
    fs.writeFileSync(path.join(dir, 'visual', 'model.onnx'), 'my own fine-tuned weights');
    if (manifest !== null) fs.writeFileSync(path.join(dir, MANIFEST_FILE), manifest);
    return dir;
  }

  for (const [what, manifest] of [['no manifest', null], ['a damaged manifest', '{"source": "import", "files": ['], ['a manifest naming no source', '{"files": []}']] as const) {
    it(`with ${what}: install refuses in one line naming it and the remove command, deleting nothing`, async () => {
      const dir = oldImport(manifest);
      const before = readTree(dir);
      const error = await rejection(manager().install(ID));
      expect(error.message).toBe(`${dir} is incomplete or broken, and no ${MANIFEST_FILE} in it says Shoebox downloaded it, so install leaves it (it may hold your own files); to install the catalog's model there, remove it first: shoebox models remove ${ID}`);
      expect(readTree(dir)).toEqual(before);
      expect(hub.requests.length).toBe(0);
      // Removed by the user's choice, the install goes ahead.
      manager().remove(ID);
      expect((await manager().install(ID)).alreadyInstalled).toBe(false);
      expect(readManifest(dir)?.source).toBe('hub');
    });
  }
});

describe('interrupted downloads', () => {
  it('retries a dropped connection from the byte it reached', async () => {
    const file = 'textual/model.onnx';
    const size = readTree(fixtureModelDir(TINY_IMMICH))[file]!.length;
    hub.faults.drop = { file, afterBytes: 4000 };
    await manager().install(ID);

    const requests = hub.fileRequests(file);
    expect(requests).toHaveLength(2);
    expect(requests[0]!.range).toBeUndefined();
    expect(requests[1]!.range).toBe('bytes=4000-');
    expect(requests[1]!.status).toBe(206);
    expect(hub.bytesServed(file)).toBe(size);
    expect(hub.bytesServed(file)).toBeLessThan(2 * size);
  });

  it('keeps the .part file across a crash, stays uninstalled, and resumes on the next run', async () => {
    const file = 'textual/model.onnx';
    const size = readTree(fixtureModelDir(TINY_IMMICH))[file]!.length;
    hub.faults.drop = { file, afterBytes: 5000 };
    const first = manager({ download: { retries: 0, retryDelayMs: 0 } });
    const error = await rejection(first.install(ID));
    expect(error.message).toContain(file);
    expect(error.message).not.toContain('\n');

    const part = path.join(partialDir(), 'textual', 'model.onnx.part');
    expect(fs.statSync(part).size).toBe(5000);
    expect(summary(first)).toMatchObject({ installed: false, partial: true, active: false });
    expect(fs.existsSync(path.join(home, 'models', ID))).toBe(false);
    expect(first.active()).toBeNull();

    // A new process (a new manager) picks up where the last one stopped.
    await manager().install(ID);
    const requests = hub.fileRequests(file);
    expect(requests.map((r) => r.range)).toEqual([undefined, 'bytes=5000-']);
    expect(hub.bytesServed(file)).toBe(size);
    expect(summary(manager())).toMatchObject({ installed: true, partial: false });
  });

  it('restarts a file when the server ignores Range and answers 200', async () => {
    const file = 'textual/model.onnx';
    hub.faults.drop = { file, afterBytes: 5000 };
    await rejection(manager({ download: { retries: 0 } }).install(ID));
    hub.faults.ignoreRange = true;
    const result = await manager().install(ID);
    const requests = hub.fileRequests(file);
    expect(requests[1]).toMatchObject({ range: 'bytes=5000-', status: 200 });
    expect(readManifest(result.dir)!.files.find((f) => f.path === file)!.size).toBe(readTree(fixtureModelDir(TINY_IMMICH))[file]!.length);
    expect(readModelFolder(result.dir).layout).toBe('immich');
  });

  it('drops a stale .part when the branch moved to a new commit in between', async () => {
    const file = 'textual/model.onnx';
    hub.faults.drop = { file, afterBytes: 5000 };
    await rejection(manager({ download: { retries: 0 } }).install(ID));
    const repo = immichRepo();
    // A new upload of the textual graph: same size, different bytes.
    const changed = Buffer.from(repo[file]!);
    changed[changed.length - 1]! ^= 0x01;
    const newCommit = hub.addRepo(REPO, { ...repo, [file]: changed });
    const result = await manager().install(ID);
    expect(result.commit).toBe(newCommit);
    expect(hub.fileRequests(file).map((r) => r.range)).toEqual([undefined, undefined]);
    expect(fs.readFileSync(path.join(result.dir, file)).equals(changed)).toBe(true);
  });

  it('never shows a half-downloaded model as installed', async () => {
    const seen: ModelSummary[] = [];
    const m = manager({ download: { concurrency: 1 } });
    await m.install(ID, {
      onProgress: (p) => {
        if (p.file === 'textual/model.onnx' && p.bytesDone < p.bytesTotal && seen.length === 0) {
          seen.push(summary(m));
          expect(fs.existsSync(path.join(home, 'models', ID))).toBe(false);
          expect(m.active()).toBeNull();
        }
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ installed: false, partial: true, active: false });
  });

  it('stops on cancel, keeping what arrived', async () => {
    const controller = new AbortController();
    const m = manager({ download: { concurrency: 1 } });
    const error = await rejection(
      m.install(ID, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.file === 'visual/model.onnx') controller.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(summary(m)).toMatchObject({ installed: false, partial: true });
    expect(fs.existsSync(path.join(partialDir(), 'config.json'))).toBe(true);
    await m.install(ID);
    expect(hub.fileRequests('config.json')).toHaveLength(1);
  });

  it('retries a 5xx answer', async () => {
    hub.faults.status = { file: 'config.json', code: 503 };
    await manager().install(ID);
    expect(hub.fileRequests('config.json').map((r) => r.status)).toEqual([503, 200]);
  });
});

describe('verification', () => {
  it('deletes an LFS file whose SHA-256 does not match, fails naming it, installs nothing', async () => {
    hub.faults.corrupt = new Set(['visual/model.onnx']);
    const m = manager({ download: { concurrency: 1 } });
    const error = await rejection(m.install(ID));
    expect(error.code).toBe('verify');
    expect(error.message).toMatch(/^visual\/model\.onnx: downloaded bytes do not match the hub's SHA-256/);
    expect(error.message).not.toContain('\n');
    expect(fs.existsSync(path.join(home, 'models', ID))).toBe(false);
    const left = filesUnder(partialDir());
    expect(left.some((f) => f.startsWith('visual/model.onnx'))).toBe(false);
    expect(summary(m)).toMatchObject({ installed: false, active: false });

    // Once the hub serves good bytes, a re-run fetches only what is missing.
    hub.faults.corrupt = undefined;
    await m.install(ID);
    expect(hub.fileRequests('config.json')).toHaveLength(1);
    expect(hub.fileRequests('visual/model.onnx')).toHaveLength(2);
    expect(summary(m).installed).toBe(true);
  });

  it('checks small (non-LFS) files against their git blob id', async () => {
    hub.faults.corrupt = new Set(['textual/tokenizer.json']);
    const error = await rejection(manager().install(ID));
    expect(error.code).toBe('verify');
    expect(error.message).toContain("textual/tokenizer.json: downloaded bytes do not match the hub's git blob id");
    expect(fs.existsSync(path.join(home, 'models', ID))).toBe(false);
  });

  it('refuses a repository missing a file the engine needs', async () => {
    const repo = immichRepo();
    delete repo['textual/tokenizer.json'];
    hub.addRepo(REPO, repo);
    const error = await rejection(manager().install(ID));
    expect(error.code).toBe('invalid-model');
    expect(error.message).toBe(`${REPO}@main has no textual/tokenizer.json, which the engine needs`);
  });
});

describe('external data', () => {
  const DATA_BYTES = 3 * 1024 * 1024;

  function repoWithExternalText(): Record<string, Buffer> {
    const repo = immichRepo();
    const { model, data } = externalizeInitializers(repo['textual/model.onnx']!, 'model.onnx_data', DATA_BYTES);
    return {
      ...repo,
      'textual/model.onnx': model,
      'textual/model.onnx_data': data,
      // Immich repositories keep stale weight files that no graph references.
      'textual/7e068af8-4887-11ef-ab3a-00155d655292': crypto.randomBytes(1024 * 1024),
    };
  }

  it('fetches exactly the external-data files a graph references, and ONNX Runtime loads the result', async () => {
    hub.addRepo(REPO, repoWithExternalText());
    const events: DownloadProgress[] = [];
    const result = await manager().install(ID, { onProgress: (p) => events.push(p) });
    expect(filesUnder(result.dir)).toEqual([...ENGINE_FILES.immich, 'textual/model.onnx_data', MANIFEST_FILE].sort());
    expect(hub.fileRequests('textual/7e068af8-4887-11ef-ab3a-00155d655292')).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ bytesDone: result.bytes, bytesTotal: result.bytes, filesDone: 7, filesTotal: 7 });

    const session = await ort.InferenceSession.create(path.join(result.dir, 'textual', 'model.onnx'));
    expect(session.inputNames.length).toBeGreaterThan(0);
    await session.release();
  });

  it('fails naming the graph when the repository lacks the external data it references', async () => {
    const repo = repoWithExternalText();
    delete repo['textual/model.onnx_data'];
    hub.addRepo(REPO, repo);
    const error = await rejection(manager().install(ID));
    expect(error.code).toBe('invalid-model');
    expect(error.message).toBe(`${REPO}@main: textual/model.onnx needs external data "model.onnx_data", which the repository does not hold`);
    expect(summary(manager()).installed).toBe(false);
  });

  it('resumes a large external-data file: the second request carries Range, under 2x the bytes', async () => {
    hub.addRepo(REPO, repoWithExternalText());
    const file = 'textual/model.onnx_data';
    hub.faults.drop = { file, afterBytes: 1024 * 1024 };
    await rejection(manager({ download: { retries: 0 } }).install(ID));
    const onDisk = fs.statSync(path.join(partialDir(), 'textual', 'model.onnx_data.part')).size;
    expect(onDisk).toBeGreaterThan(0);
    expect(onDisk).toBeLessThanOrEqual(1024 * 1024);

    await manager().install(ID);
    const requests = hub.fileRequests(file);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.range).toBe(`bytes=${onDisk}-`);
    expect(hub.bytesServed(file)).toBeLessThan(2 * DATA_BYTES);
    // The resumed request sends exactly what was missing; the first may have pushed a few
    // more bytes into the socket than reached the disk before the drop.
    expect(requests[1]!.bytes).toBe(DATA_BYTES - onDisk);
  });
});

describe('hub errors', () => {
  it('names an unknown catalog id', async () => {
    const error = await rejection(manager().install('nope'));
    expect(error.code).toBe('unknown-model');
    expect(error.message).toContain('"nope" is not in the catalog');
  });

  it('reports a repository the hub does not have', async () => {
    const error = await rejection(manager().install('vit-b-16-siglip-webli'));
    expect(error.code).toBe('hub');
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain('immich-app/ViT-B-16-SigLIP__webli@main');
  });

  it('reports an unreachable hub in one line', async () => {
    const url = hub.url;
    await hub.close();
    const error = await rejection(new ModelManager({ home, endpoint: url }).install(ID));
    expect(error.code).toBe('hub');
    expect(error.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    hub = await FakeHub.start();
  });

  it('refuses a hub URL with a user name or password before any request, never repeating them', async () => {
    const withKey = hub.url.replace('http://', 'http://me:s3cret-pw@');
    const error = await rejection(new ModelManager({ home, endpoint: withKey }).install(ID));
    expect(error.code).toBe('bad-endpoint');
    expect(error.message).toMatch(/a hub URL takes no user name or password/);
    expect(error.message).not.toMatch(/s3cret-pw|me:/);
    expect(hub.requests).toHaveLength(0);
  });

  it('fails before downloading anything when the disk is too small', async () => {
    vi.spyOn(fs, 'statfsSync').mockReturnValue({ bavail: 100, bsize: 4096 } as unknown as fs.StatsFs);
    const error = await rejection(manager().install(ID));
    expect(error.code).toBe('no-space');
    expect(error.message).toMatch(/^not enough disk space in .+: the download needs [\d.]+ MB, 0\.4 MB is free$/);
    expect(hub.requests.filter((r) => r.kind === 'resolve' || r.kind === 'cdn')).toHaveLength(0);
  });

  it('refuses a second install of the same model while one runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowFetch: typeof fetch = async (input, init) => {
      await gate;
      return fetch(input, init);
    };
    const first = manager({ fetch: slowFetch }).install(ID);
    await vi.waitFor(() => expect(fs.existsSync(path.join(home, 'models', '.partial', `${ID}.lock`))).toBe(true));
    const error = await rejection(manager().install(ID));
    expect(error.code).toBe('busy');
    expect(error.message).toContain(`process ${process.pid}`);
    release();
    await first;
    expect(fs.existsSync(path.join(home, 'models', '.partial', `${ID}.lock`))).toBe(false);
  });
});
