// A model replaced on disk under the id a running process uses (`models remove mine --force`,
// `models import DIR --id mine`) while that process (serve, the app) has chosen its tables by
// the old build's weights, its ONNX sessions not loaded yet: nothing may be embedded with the
// new build into the old build's tables (of the same size nothing else would stop it, and
// search would rank each build's vectors as the other's for ever). The process refuses, in
// words that say to restart it, and the photo stays pending (not failed) for the restart.
// The two tiny fixture models: both 4-dimensional, other weights.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { ModelManager } from '../../src/core/models/model-manager';
import { ModelError } from '../../src/core/models/model-error';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const ID = 'mine';
const REFUSAL = `model ${ID} was replaced on disk after this shoebox serve started: restart it to use the new build`;

const useHosts = useApiHosts();
const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A home with build A (tiny-immich) installed as `mine` and one photo embedded with it by an earlier run. */
async function libraryOfBuildA(): Promise<{ home: string; photos: string; models: ModelManager }> {
  const home = tempDir();
  const photos = tempDir('shoebox-photos-');
  await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
  const models = new ModelManager({ home });
  await models.import(fixtureModelDir(TINY_IMMICH), { id: ID });
  const earlier = openLibrary({ home, modelId: ID, provider: 'cpu', command: 'shoebox index' });
  try {
    expect((await earlier.index([photos])).embedded).toBe(1);
  } finally {
    await earlier.close();
  }
  return { home, photos, models };
}

/** Build B (tiny-transformers: same size, other weights) put in its place under the same id. */
async function replaceWithBuildB(models: ModelManager): Promise<void> {
  models.remove(ID, { force: true });
  await models.import(fixtureModelDir(TINY_TRANSFORMERS), { id: ID });
}

describe('a model replaced on disk under the id a running process uses', () => {
  it('is refused for embedding, never written into the tables of the build the process started with', async () => {
    const { home, photos, models } = await libraryOfBuildA();
    const lib = openLibrary({ home, modelId: ID, provider: 'cpu', command: 'shoebox serve' });
    open.push(lib);
    // The tables are chosen and the model opened; nothing to embed, so no session is loaded yet.
    expect((await lib.index()).embedded).toBe(0);
    const tables = (await lib.writable()).modelTablesKey;

    await replaceWithBuildB(models);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    const refused = await lib.index().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ModelError);
    expect((refused as ModelError).code).toBe('replaced');
    expect((refused as Error).message).toBe(REFUSAL);

    const store = await lib.writable();
    expect(store.modelTablesKey).toBe(tables);
    expect([...(await store.photoStates()).keys()]).toEqual([path.join(photos, 'red.jpg')]);
    // Left for the restart, not recorded as an unreadable photo.
    expect(await store.listFailures()).toEqual([]);
    expect((await lib.status()).pending).toBe(1);
    // Said for the status to show, and searching with the new text model is refused too.
    expect(lib.modelReplaced()?.message).toBe(REFUSAL);
    await expect(lib.clip().embedTexts(['red'])).rejects.toThrow(REFUSAL);
  }, 120_000);

  it("is said by serve's watcher as an error the app shows, and the new photo is not indexed", async () => {
    const { home, photos, models } = await libraryOfBuildA();
    const { host, events } = await useHosts({ home, modelDir: path.join(home, 'models', ID), watch: true, command: 'shoebox serve', followMs: 200 });
    await expect.poll(async () => (await host.status()).watching, { timeout: 30_000 }).toBe(true);
    // The page's first search: the model is open (its text session loaded), its vision session not.
    expect((await host.search('red')).photos.map((p) => path.basename(p.path))).toEqual(['red.jpg']);

    await replaceWithBuildB(models);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    const errors = () => events.flatMap((e) => (e.type === 'log' && e.level === 'error' ? [e.message] : []));
    await expect.poll(errors, { timeout: 30_000 }).toContain(`watching folders: ${REFUSAL}`);
    expect((await host.status()).photos).toBe(1);
    expect(fs.existsSync(path.join(photos, 'blue.jpg'))).toBe(true);
  }, 120_000);
});

