// Import, remove, use and active, on real folders in a temp data folder (no network).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelManager } from '../../../src/core/models/model-manager';
import { ModelError } from '../../../src/core/models/model-error';
import { MANIFEST_FILE, readManifest } from '../../../src/core/models/manifest';
import { CATALOG, DEFAULT_MODEL_ID, ENGINE_FILES, findCatalogEntry } from '../../../src/core/models/catalog';
import { readSettings, settingsPath } from '../../../src/core/settings';
import { readModelFolder } from '../../../src/core/clip/model-folder';
import { readTree } from '../../helpers/fake-hub';
import { externalizeInitializers } from '../../helpers/onnx-wire';
import { TINY_IMMICH, TINY_TRANSFORMERS, fixtureModelDir } from '../../fixtures/models/paths';

let home: string;
let scratch: string;
let m: ModelManager;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-models-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-src-'));
  m = new ModelManager({ home });
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A copy of a fixture folder with files a model folder may carry but the engine never reads. */
function sourceFolder(name: string, fixture = TINY_IMMICH): string {
  const dir = path.join(scratch, name);
  fs.cpSync(fixtureModelDir(fixture), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'README.md'), '# notes\n');
  return dir;
}

function thrown(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    return err as ModelError;
  }
  throw new Error('expected an error');
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

describe('catalog', () => {
  it('has unique, valid ids, the default first, and real repository names', () => {
    const ids = CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(DEFAULT_MODEL_ID);
    // Each Immich name checked against Immich's published list (docs "Searching", ML constants).
    expect(CATALOG.map((e) => e.repo)).toEqual([
      'immich-app/ViT-B-32__laion2b-s34b-b79k',
      'immich-app/ViT-B-32__openai',
      'immich-app/ViT-B-16-SigLIP2__webli',
      'immich-app/nllb-clip-base-siglip__v1',
      'immich-app/ViT-B-16-SigLIP__webli',
      'immich-app/XLM-Roberta-Large-Vit-B-16Plus',
      'Xenova/clip-vit-base-patch32',
    ]);
    for (const entry of CATALOG) {
      expect(entry.description).not.toContain('\n');
      expect(entry.approxBytes).toBeGreaterThan(100_000_000);
    }
  });

  it("new libraries default to the laion2b ViT-B/32: OpenAI's architecture and cost, better published recall", () => {
    expect(DEFAULT_MODEL_ID).toBe('vit-b-32-laion2b');
    const fresh = findCatalogEntry(DEFAULT_MODEL_ID)!;
    const openai = findCatalogEntry('vit-b-32-openai')!;
    expect(fresh.repo).toBe('immich-app/ViT-B-32__laion2b-s34b-b79k');
    expect(fresh.layout).toBe(openai.layout);
    expect(fresh.benchmark!.recall.en).toBeGreaterThan(openai.benchmark!.recall.en!);
    // The same cost: within 10% in time and memory.
    expect(Math.abs(fresh.benchmark!.ms - openai.benchmark!.ms) / openai.benchmark!.ms).toBeLessThan(0.1);
    expect(Math.abs(fresh.benchmark!.memoryMiB - openai.benchmark!.memoryMiB) / openai.benchmark!.memoryMiB).toBeLessThan(0.1);
  });

  it('says where each figure comes from, and offers a SigLIP2 and a multilingual model', () => {
    for (const entry of CATALOG) {
      expect(entry.source, entry.id).toMatch(/^https:\/\//);
      if (entry.benchmark === null) continue;
      expect(Object.keys(entry.benchmark.recall), entry.id).toContain('en');
      for (const value of [...Object.values(entry.benchmark.recall), entry.benchmark.ms, entry.benchmark.memoryMiB]) {
        expect(value, entry.id).toBeGreaterThan(0);
      }
      expect(entry.benchmark.source, entry.id).toMatch(/^https:\/\//);
    }
    expect(CATALOG.some((e) => /SigLIP2/.test(e.repo) && e.benchmark !== null)).toBe(true);
    const multilingual = CATALOG.filter((e) => e.languages.includes('mul') && e.benchmark !== null);
    expect(multilingual.some((e) => Object.keys(e.benchmark!.recall).length > 3)).toBe(true);
  });

  it('fetches exactly the files readModelFolder needs, for each layout', () => {
    for (const [fixture, layout] of [
      [TINY_IMMICH, 'immich'],
      [TINY_TRANSFORMERS, 'transformers'],
    ] as const) {
      const files = Object.keys(readTree(fixtureModelDir(fixture))).filter((f) => f !== '.stamp');
      expect([...ENGINE_FILES[layout]].sort()).toEqual(files.sort());
    }
  });

  it('lists every catalog entry, none installed, on a fresh data folder', () => {
    const list = m.list();
    expect(list.map((s) => s.id)).toEqual(CATALOG.map((e) => e.id));
    expect(list.every((s) => s.source === 'catalog' && !s.installed && !s.active && !s.partial)).toBe(true);
    expect(m.active()).toBeNull();
  });
});

describe('import', () => {
  it('copies what the engine loads into <home>/models/<id>, with a manifest, and activates it if none is', async () => {
    const src = sourceFolder('My Model (v2)');
    const result = await m.import(src);
    expect(result).toMatchObject({ id: 'My-Model-v2-', layout: 'immich', files: 6, activated: true });
    const dir = path.join(home, 'models', 'My-Model-v2-');
    expect(result.dir).toBe(dir);
    expect(Object.keys(readTree(dir)).sort()).toEqual([...ENGINE_FILES.immich, MANIFEST_FILE].sort());
    expect(readModelFolder(dir).layout).toBe('immich');
    expect(readManifest(dir)).toMatchObject({ source: 'import', importedFrom: src, layout: 'immich', id: 'My-Model-v2-' });

    expect(m.active()).toEqual({ id: 'My-Model-v2-', dir });
    const listed = m.list().find((s) => s.id === 'My-Model-v2-');
    expect(listed).toMatchObject({ source: 'imported', installed: true, active: true, layout: 'immich', importedFrom: src });
    // The source is untouched.
    expect(fs.existsSync(path.join(src, 'README.md'))).toBe(true);
  });

  it('takes --id, and refuses an id that is already taken', async () => {
    await m.import(sourceFolder('a'), { id: 'mine' });
    const error = await rejection(m.import(sourceFolder('b', TINY_TRANSFORMERS), { id: 'mine' }));
    expect(error.code).toBe('already-exists');
    expect(error.message).toContain('a model named "mine" is already installed');
    expect(readModelFolder(path.join(home, 'models', 'mine')).layout).toBe('immich');
  });

  it('does not replace the active model', async () => {
    await m.import(sourceFolder('first'));
    const second = await m.import(sourceFolder('second', TINY_TRANSFORMERS));
    expect(second.activated).toBe(false);
    expect(m.active()?.id).toBe('first');
  });

  it('imports a Transformers.js folder, choosing the graphs the engine would load', async () => {
    const src = sourceFolder('tjs', TINY_TRANSFORMERS);
    fs.copyFileSync(path.join(src, 'onnx/text_model.onnx'), path.join(src, 'onnx/text_model_quantized.onnx'));
    const result = await m.import(src);
    expect(Object.keys(readTree(result.dir)).sort()).toEqual([...ENGINE_FILES.transformers, MANIFEST_FILE].sort());
  });

  it('brings the external data a graph references, and only that', async () => {
    const src = sourceFolder('ext');
    const textual = path.join(src, 'textual', 'model.onnx');
    const { model, data } = externalizeInitializers(fs.readFileSync(textual), 'weights/text.bin');
    fs.writeFileSync(textual, model);
    fs.mkdirSync(path.join(src, 'textual', 'weights'));
    fs.writeFileSync(path.join(src, 'textual', 'weights', 'text.bin'), data);
    fs.writeFileSync(path.join(src, 'textual', 'stale.bin'), Buffer.alloc(1000));
    const result = await m.import(src);
    expect(fs.existsSync(path.join(result.dir, 'textual', 'weights', 'text.bin'))).toBe(true);
    expect(fs.existsSync(path.join(result.dir, 'textual', 'stale.bin'))).toBe(false);

    fs.rmSync(path.join(src, 'textual', 'weights', 'text.bin'));
    const error = await rejection(m.import(src, { id: 'broken' }));
    expect(error.message).toContain('needs external data "weights/text.bin", which is missing');
    expect(fs.existsSync(path.join(home, 'models', 'broken'))).toBe(false);
  });

  it('refuses a folder that is not a model, naming what is missing, and leaves nothing behind', async () => {
    const src = sourceFolder('incomplete');
    fs.rmSync(path.join(src, 'textual', 'tokenizer.json'));
    const error = await rejection(m.import(src));
    expect(error.code).toBe('invalid-model');
    expect(error.message).toContain('missing textual/tokenizer.json');
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('refuses ids that are not folder names', async () => {
    for (const id of ['../escape', '.hidden', 'a/b', '']) {
      const error = await rejection(m.import(sourceFolder(`x${Math.random()}`), { id }));
      expect(error.code).toBe('invalid-id');
    }
  });
});

describe('use, active, remove', () => {
  it('use switches the active model; it must be installed', async () => {
    await m.import(sourceFolder('one'));
    await m.import(sourceFolder('two'));
    expect(m.use('two')).toEqual({ id: 'two', dir: path.join(home, 'models', 'two') });
    expect(readSettings(home).activeModel).toBe('two');
    expect(m.list().filter((s) => s.active).map((s) => s.id)).toEqual(['two']);

    const notInstalled = thrown(() => m.use(DEFAULT_MODEL_ID));
    expect(notInstalled.code).toBe('not-installed');
    expect(notInstalled.message).toBe(`model "${DEFAULT_MODEL_ID}" is not installed; install it first`);
    const unknown = thrown(() => m.use('nothing-here'));
    expect(unknown.code).toBe('unknown-model');
    expect(m.active()?.id).toBe('two');
  });

  it('use refuses a folder the engine cannot read', async () => {
    await m.import(sourceFolder('one'));
    fs.rmSync(path.join(home, 'models', 'one', 'visual', 'preprocess_cfg.json'));
    const error = thrown(() => m.use('one'));
    expect(error.code).toBe('invalid-model');
    expect(error.message).toContain('missing visual/preprocess_cfg.json');
  });

  it('remove deletes the folder and clears the active model if it was active', async () => {
    await m.import(sourceFolder('one'));
    await m.import(sourceFolder('two'));
    expect(m.remove('two')).toEqual({ id: 'two', removed: true, removedPartial: false, wasActive: false });
    expect(m.active()?.id).toBe('one');
    expect(m.remove('one')).toMatchObject({ removed: true, wasActive: true });
    expect(m.active()).toBeNull();
    expect(readSettings(home).activeModel).toBeUndefined();
    expect(fs.readdirSync(path.join(home, 'models')).filter((f) => !f.startsWith('.'))).toEqual([]);
    expect(m.list().every((s) => !s.installed)).toBe(true);
  });

  it('remove refuses to remove nothing', () => {
    const catalogModel = thrown(() => m.remove(DEFAULT_MODEL_ID));
    expect(catalogModel.code).toBe('not-installed');
    expect(catalogModel.message).toBe(`model "${DEFAULT_MODEL_ID}" is not installed`);
    expect(thrown(() => m.remove('ghost')).code).toBe('unknown-model');
    expect(thrown(() => m.remove('../x')).code).toBe('invalid-id');
  });

  it('remove clears an unfinished download', () => {
    const partial = path.join(home, 'models', '.partial', DEFAULT_MODEL_ID);
    fs.mkdirSync(path.join(partial, 'visual'), { recursive: true });
    fs.writeFileSync(path.join(partial, 'visual', 'model.onnx.part'), 'abc');
    expect(m.list()[0]).toMatchObject({ id: DEFAULT_MODEL_ID, installed: false, partial: true });
    expect(m.remove(DEFAULT_MODEL_ID)).toEqual({ id: DEFAULT_MODEL_ID, removed: false, removedPartial: true, wasActive: false });
    expect(fs.existsSync(partial)).toBe(false);
  });

  it('remove refuses while another live process holds the model', async () => {
    await m.import(sourceFolder('one'));
    const lock = path.join(home, 'models', '.partial', 'one.lock');
    fs.writeFileSync(lock, String(process.ppid));
    expect(thrown(() => m.remove('one')).code).toBe('busy');
    // A lock left by a process that is gone is taken over.
    fs.writeFileSync(lock, '999999999');
    expect(m.remove('one').removed).toBe(true);
  });

  it('active is null when the active model was deleted by hand', async () => {
    await m.import(sourceFolder('one'));
    fs.rmSync(path.join(home, 'models', 'one'), { recursive: true });
    expect(m.active()).toBeNull();
  });

  it('a corrupt settings.json is reported, not overwritten', async () => {
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(settingsPath(home), '{oops');
    const error = await m.import(sourceFolder('one')).catch((err: Error) => err);
    expect(String(error)).toContain('settings.json is not valid JSON');
    expect(fs.readFileSync(settingsPath(home), 'utf8')).toBe('{oops');
    expect(fs.existsSync(path.join(home, 'models', 'one'))).toBe(false);
  });
});
